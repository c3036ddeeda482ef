import { useMemo, useState } from 'react';
import { Card, Input, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { ErrorAlert } from '../../components/errors.tsx';
import type { RuleSummaryDto } from '../../lib/contracts.ts';
import { formatDate, searchKey } from '../../lib/vn.ts';
import { RuleDetail } from './RuleDetail.tsx';
import { RuleLookup } from './RuleLookup.tsx';

/**
 * Every regulation parameter the system checks, with the value in force, its source and where
 * localities override it. Administrators add versions and overrides from the detail row.
 */
export default function RulesPage() {
  const [q, setQ] = useState('');
  const rules = useQuery({
    queryKey: ['rules'],
    queryFn: () => api.get<RuleSummaryDto[]>('/api/rules'),
  });
  const shown = useMemo(() => {
    const key = searchKey(q);
    return (rules.data ?? []).filter(
      (r) => !key || searchKey(`${r.title} ${r.key} ${r.current?.document ?? ''}`).includes(key),
    );
  }, [rules.data, q]);

  const columns: TableColumnsType<RuleSummaryDto> = [
    {
      title: 'Nhóm',
      dataIndex: 'groupLabel',
      width: 200,
      filters: [...new Set((rules.data ?? []).map((r) => r.groupLabel))].map((g) => ({
        text: g,
        value: g,
      })),
      onFilter: (value, r) => r.groupLabel === value,
    },
    {
      title: 'Quy định',
      dataIndex: 'title',
      render: (title: string, r) => (
        <Space direction="vertical" size={0}>
          <Typography.Text>{title}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.key}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: 'Giá trị toàn quốc hiện hành',
      key: 'value',
      width: 170,
      render: (_, r) =>
        r.current ? (
          <Typography.Text strong>{r.current.valueText}</Typography.Text>
        ) : (
          <Typography.Text type="secondary">Chưa có</Typography.Text>
        ),
    },
    {
      title: 'Văn bản',
      key: 'document',
      render: (_, r) =>
        r.current && (
          <Space direction="vertical" size={0}>
            <span>
              {r.current.document}
              {r.current.article && `, ${r.current.article}`}
            </span>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              Hiệu lực từ {formatDate(r.current.validFrom)}
            </Typography.Text>
          </Space>
        ),
    },
    {
      title: 'Quy định riêng',
      dataIndex: 'overrideCount',
      width: 130,
      render: (n: number) => (n ? <Tag color="orange">{n} đơn vị</Tag> : '—'),
    },
  ];

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title="Quy định và tham số"
        extra={
          <Input.Search
            allowClear
            placeholder="Tìm theo tên, mã hoặc văn bản"
            onChange={(e) => setQ(e.target.value)}
            style={{ width: 320 }}
          />
        }
      >
        <Typography.Paragraph type="secondary">
          Mọi con số mà CanBo dùng để kiểm tra (tuổi, nhiệm kỳ, số dư, ngưỡng trúng cử, thang điểm…)
          đều lấy từ đây, kèm văn bản quy định và thời gian hiệu lực. Quy định riêng của một đơn vị
          áp dụng cho toàn bộ tổ chức trực thuộc đơn vị đó từ ngày có hiệu lực.
        </Typography.Paragraph>
        {rules.error ? (
          <ErrorAlert error={rules.error} onRetry={() => void rules.refetch()} />
        ) : (
          <Table
            rowKey="key"
            size="middle"
            loading={rules.isLoading}
            columns={columns}
            dataSource={shown}
            pagination={{ pageSize: 50, showSizeChanger: false }}
            expandable={{ expandedRowRender: (r) => <RuleDetail ruleKey={r.key} /> }}
          />
        )}
      </Card>
      <RuleLookup rules={rules.data ?? []} />
    </Space>
  );
}
