import { useState } from 'react';
import { Badge, Button, Card, InputNumber, Space, Table, Tabs, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { api, buildQuery } from '../../api/client.ts';
import { IsoDatePicker, todayIso } from '../../components/DateField.tsx';
import { ErrorAlert } from '../../components/errors.tsx';
import { UnitPicker } from '../../components/UnitPicker.tsx';
import {
  warningKindLabels,
  warningKinds,
  type WarningKind,
  type WarningRowDto,
  type WarningsDto,
} from '../../lib/contracts.ts';
import { formatDate, formatNumber } from '../../lib/vn.ts';
import { Citations, StatusTag } from './CheckView.tsx';

/** /warnings: term limits, retirement, missing documents and posts held too long, per subtree. */
export default function WarningsPage() {
  const [unitId, setUnitId] = useState<number | null>(null);
  const [kind, setKind] = useState<WarningKind>('term_limit');
  const [withinMonths, setWithinMonths] = useState(12);
  const [date, setDate] = useState(todayIso());
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(50);
  const filter = { unitId: unitId ?? undefined, kind, withinMonths, date };
  const list = useQuery({
    queryKey: ['warnings', filter, page, pageSize],
    queryFn: () => api.get<WarningsDto>('/api/warnings', { ...filter, page, pageSize }),
    placeholderData: keepPreviousData,
  });
  const counts = list.data?.counts;

  const columns: TableColumnsType<WarningRowDto> = [
    {
      title: 'Họ và tên',
      render: (_, r) => <Link to={`/members/${r.memberId}`}>{r.fullName}</Link>,
    },
    { title: 'Ngày sinh', render: (_, r) => formatDate(r.birthDate), width: 110 },
    ...(kind === 'term_limit' || kind === 'same_post'
      ? [{ title: 'Chức vụ', dataIndex: 'postTitleName' }]
      : []),
    ...(kind === 'overdue_tasks' ? [{ title: 'Việc đăng ký', dataIndex: 'postTitleName' }] : []),
    { title: 'Tổ chức', dataIndex: 'unitName' },
    ...(kind === 'term_limit' || kind === 'same_post'
      ? [
          {
            title: 'Giữ liên tục từ',
            render: (_: unknown, r: WarningRowDto) => formatDate(r.since),
          },
        ]
      : []),
    ...(kind !== 'documents'
      ? [{ title: 'Đến hạn', render: (_: unknown, r: WarningRowDto) => formatDate(r.dueDate) }]
      : []),
    { title: 'Tình trạng', render: (_, r) => <StatusTag status={r.status} />, width: 140 },
    {
      title: 'Lý do và căn cứ',
      render: (_, r) => (
        <Space orientation="vertical" size={0}>
          <span>{r.reason}</span>
          <Citations citations={r.citations} />
        </Space>
      ),
    },
  ];

  return (
    <Card
      title="Cảnh báo"
      extra={
        <Button
          href={`/api/warnings/export.xlsx${buildQuery(filter)}`}
          disabled={!list.data?.total}
        >
          Xuất Excel
        </Button>
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <UnitPicker
          value={unitId}
          onChange={(v) => {
            setUnitId(v);
            setPage(1);
          }}
          allowClear
          placeholder="Toàn bộ phạm vi quản lý"
          style={{ width: 360 }}
        />
        <Typography.Text>Ngày</Typography.Text>
        <IsoDatePicker
          value={date}
          allowClear={false}
          onChange={(v) => {
            if (!v) return;
            setDate(v);
            setPage(1);
          }}
        />
        {kind === 'retirement' && (
          <>
            <Typography.Text>Nghỉ hưu trong</Typography.Text>
            <InputNumber
              min={1}
              max={120}
              value={withinMonths}
              onChange={(v) => {
                setWithinMonths(v ?? 12);
                setPage(1);
              }}
            />
            <Typography.Text>tháng tới</Typography.Text>
          </>
        )}
      </Space>
      {list.error && <ErrorAlert error={list.error} />}
      <Tabs
        activeKey={kind}
        onChange={(k) => {
          setKind(k as WarningKind);
          setPage(1);
        }}
        items={warningKinds.map((k) => ({
          key: k,
          label: (
            <Space size={6}>
              {warningKindLabels[k]}
              <Badge
                count={counts ? (counts[k] ?? 0) : 0}
                overflowCount={99999}
                showZero
                color={k === 'retirement' ? 'orange' : 'red'}
              />
            </Space>
          ),
        }))}
      />
      {list.data && (
        <Typography.Paragraph type="secondary">
          {list.data.unitName} — ngày {formatDate(list.data.date)}: {formatNumber(list.data.total)}{' '}
          người
        </Typography.Paragraph>
      )}
      <Table<WarningRowDto>
        rowKey={(r) => `${r.memberId}-${r.postTitleName}-${r.unitName}-${r.since ?? ''}`}
        size="small"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        columns={columns}
        locale={{ emptyText: 'Không có cảnh báo nào' }}
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          onChange: (p, s) => {
            setPage(p);
            setPageSize(s);
          },
        }}
      />
    </Card>
  );
}
