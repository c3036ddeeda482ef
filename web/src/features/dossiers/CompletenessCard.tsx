import { useState } from 'react';
import { Button, Card, Progress, Select, Space, Switch, Table, Typography } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { api, buildQuery } from '../../api/client.ts';
import { ErrorAlert } from '../../components/errors.tsx';
import { UnitPicker } from '../../components/UnitPicker.tsx';
import type { CompletenessItem, CompletenessPage, DossierProcess } from '../../lib/contracts.ts';
import { formatNumber } from '../../lib/vn.ts';
import { processOptions } from './dossierUi.tsx';

type Completeness = 'all' | 'incomplete' | 'complete';

const completenessOptions: { value: Completeness; label: string }[] = [
  { value: 'all', label: 'Tất cả' },
  { value: 'incomplete', label: 'Chưa đủ' },
  { value: 'complete', label: 'Đã đủ' },
];

/** "Tình trạng hồ sơ": per person of a subtree, the required types verified and those missing. */
export function CompletenessCard() {
  const [unitId, setUnitId] = useState<number | null>(null);
  const [process, setProcess] = useState<DossierProcess>('cadre_record');
  const [completeness, setCompleteness] = useState<Completeness>('incomplete');
  const [postHolders, setPostHolders] = useState(false);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(50);
  const params = { unitId, process, completeness, postHolders, page, pageSize };
  const query = useQuery({
    queryKey: ['dossier-completeness', params],
    queryFn: () => api.get<CompletenessPage>('/api/dossiers/completeness', params),
    placeholderData: keepPreviousData,
  });
  const resetPage =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setPage(1);
    };

  return (
    <Card
      title="Tình trạng hồ sơ"
      extra={
        <Button
          href={`/api/dossiers/completeness/export${buildQuery({ unitId, process, completeness, postHolders })}`}
        >
          Xuất Excel
        </Button>
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <UnitPicker
          value={unitId}
          onChange={resetPage(setUnitId)}
          placeholder="Cả phạm vi quản lý"
          allowClear
          style={{ width: 320 }}
        />
        <Select<DossierProcess>
          value={process}
          onChange={resetPage(setProcess)}
          options={processOptions}
          style={{ width: 360 }}
          aria-label="Quy trình hồ sơ"
        />
        <Select<Completeness>
          value={completeness}
          onChange={resetPage(setCompleteness)}
          options={completenessOptions}
          style={{ width: 140 }}
          aria-label="Tình trạng"
        />
        <Space>
          <Switch checked={postHolders} onChange={resetPage(setPostHolders)} />
          <span>Chỉ người đang giữ chức vụ</span>
        </Space>
      </Space>
      <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      <Table<CompletenessItem>
        size="small"
        rowKey="memberId"
        loading={query.isFetching}
        dataSource={query.data?.items ?? []}
        locale={{ emptyText: 'Không có ai trong danh sách' }}
        pagination={{
          current: page,
          pageSize,
          total: query.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100, 200],
          showTotal: (total) => `${formatNumber(total)} người`,
          onChange: (p, s) => {
            setPage(s === pageSize ? p : 1);
            setPageSize(s);
          },
        }}
        columns={[
          {
            title: 'Họ và tên',
            key: 'name',
            render: (_, r) => <Link to={`/members/${r.memberId}?tab=dossier`}>{r.fullName}</Link>,
          },
          { title: 'Tổ chức đảng', dataIndex: 'unitName' },
          {
            title: 'Đã xác minh',
            key: 'count',
            width: 200,
            render: (_, r) => (
              <Progress
                size="small"
                percent={r.required ? Math.round((r.verifiedRequired / r.required) * 100) : 100}
                status={r.verifiedRequired >= r.required ? 'success' : 'normal'}
                format={() => `${r.verifiedRequired}/${r.required}`}
              />
            ),
          },
          {
            title: 'Chờ / trả lại',
            key: 'pending',
            width: 110,
            render: (_, r) => `${r.pending} / ${r.rejected}`,
          },
          {
            title: 'Còn thiếu (chưa xác minh)',
            key: 'missing',
            render: (_, r) =>
              r.missing.length ? (
                <Typography.Text type="danger">{r.missing.join('; ')}</Typography.Text>
              ) : (
                <Typography.Text type="success">Đủ</Typography.Text>
              ),
          },
        ]}
      />
    </Card>
  );
}
