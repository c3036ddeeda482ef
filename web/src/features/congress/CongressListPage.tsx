import { useState } from 'react';
import { Button, Card, Input, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { ErrorAlert } from '../../components/errors.tsx';
import { formatDate, formatNumber } from '../../lib/vn.ts';
import { useDebounced } from '../../lib/hooks.ts';
import { useCongresses, type CongressListItem } from './api.ts';
import CongressFormModal from './CongressFormModal.tsx';

export const statusColors: Record<string, string> = {
  preparing: 'blue',
  in_session: 'green',
  closed: 'default',
};

/** /congresses: the congresses of the subtree, newest first, paged on the server. */
export default function CongressListPage() {
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [creating, setCreating] = useState(false);
  const navigate = useNavigate();
  const search = useDebounced(q.trim(), 300);
  const list = useCongresses({ q: search || undefined, page, pageSize });

  const columns: TableColumnsType<CongressListItem> = [
    { title: 'Đại hội', render: (_, c) => <Link to={`/congresses/${c.id}`}>{c.name}</Link> },
    { title: 'Tổ chức đảng', dataIndex: 'unitName' },
    { title: 'Nhiệm kỳ', dataIndex: 'term', width: 110 },
    { title: 'Hình thức', dataIndex: 'kindLabel', width: 170 },
    {
      title: 'Thời gian',
      width: 200,
      render: (_, c) => `${formatDate(c.startsOn)} – ${formatDate(c.endsOn)}`,
    },
    {
      title: 'Có mặt / triệu tập',
      width: 150,
      align: 'right',
      render: (_, c) => `${formatNumber(c.present)} / ${formatNumber(c.summoned)}`,
    },
    {
      title: 'Trạng thái',
      width: 140,
      render: (_, c) => <Tag color={statusColors[c.status]}>{c.statusLabel}</Tag>,
    },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        Đại hội
      </Typography.Title>
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <Input.Search
            allowClear
            placeholder="Tìm theo tên đại hội hoặc tổ chức (không cần dấu)"
            value={q}
            onChange={(e) => {
              setQ(e.target.value);
              setPage(1);
            }}
            style={{ width: 380 }}
          />
          {list.data?.items[0]?.canWrite !== false && (
            <Button type="primary" onClick={() => setCreating(true)}>
              Tạo đại hội
            </Button>
          )}
        </Space>
        <ErrorAlert error={list.error} />
        <Table
          rowKey="id"
          size="middle"
          loading={list.isFetching}
          columns={columns}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: 'Chưa có đại hội nào trong phạm vi quản lý' }}
          pagination={{
            current: page,
            pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (n) => `${formatNumber(n)} đại hội`,
            onChange: (p, s) => {
              setPage(p);
              setPageSize(s);
            },
          }}
        />
      </Card>
      {creating && (
        <CongressFormModal
          onClose={() => setCreating(false)}
          onSaved={(c) => {
            setCreating(false);
            navigate(`/congresses/${c.id}`);
          }}
        />
      )}
    </Space>
  );
}
