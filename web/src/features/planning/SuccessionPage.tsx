import { useState } from 'react';
import { Alert, Button, Checkbox, Space, Statistic, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { api, buildQuery } from '../../api/client.ts';
import { IsoDatePicker, todayIso } from '../../components/DateField.tsx';
import { ErrorAlert } from '../../components/errors.tsx';
import { UnitPicker } from '../../components/UnitPicker.tsx';
import { formatDate, formatNumber } from '../../lib/vn.ts';
import type { SuccessionPageDto, SuccessionRowDto } from '../../../../src/contracts/planning.ts';
import { CitationsLine, DEFAULT_TERM, monthsText, TermInput, validTerm } from './shared.tsx';

const coverageTag = {
  none: <Tag color="red">Chưa có người kế cận</Tag>,
  one: <Tag color="orange">Chỉ có 1 người</Tag>,
  ok: <Tag color="green">Đủ nguồn</Tag>,
};

/** /planning: every key post of a subtree, its holder and its planned successors. */
export default function SuccessionPage() {
  const [unitId, setUnitId] = useState<number | null>(null);
  const [term, setTerm] = useState(DEFAULT_TERM);
  const [date, setDate] = useState(todayIso());
  const [gapsOnly, setGapsOnly] = useState(false);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(50);
  const q = {
    unitId: unitId ?? undefined,
    term,
    date,
    gapsOnly: gapsOnly ? 'true' : undefined,
    page,
    pageSize,
  };
  const list = useQuery({
    queryKey: ['planning', 'succession', q],
    queryFn: () => api.get<SuccessionPageDto>('/api/planning/succession', q),
    enabled: validTerm(term),
    placeholderData: keepPreviousData,
  });
  const reset = () => setPage(1);
  const d = list.data;

  const columns: TableColumnsType<SuccessionRowDto> = [
    {
      title: 'Chức danh',
      render: (_, r) =>
        r.poolId ? (
          <Link to={`/planning/pools/${r.poolId}`}>{r.postTitleName}</Link>
        ) : (
          r.postTitleName
        ),
    },
    { title: 'Tổ chức', dataIndex: 'unitName' },
    {
      title: 'Người đang giữ',
      render: (_, r) =>
        r.holder ? (
          <Space orientation="vertical" size={0}>
            <Link to={`/members/${r.holder.memberId}`}>{r.holder.fullName}</Link>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              từ {formatDate(r.holder.startDate)}
            </Typography.Text>
          </Space>
        ) : (
          <Typography.Text type="secondary">Khuyết</Typography.Text>
        ),
    },
    {
      title: 'Còn giữ chức vụ',
      render: (_, r) => monthsText(r.holder?.monthsLeftInPost ?? null),
      width: 130,
    },
    {
      title: 'Đến nghỉ hưu',
      render: (_, r) => monthsText(r.holder?.monthsToRetirement ?? null),
      width: 130,
    },
    {
      title: 'Người kế cận (trong quy hoạch)',
      render: (_, r) =>
        r.successors.length ? (
          <Space orientation="vertical" size={0}>
            {r.successors.map((s) => (
              <Link key={s.memberId} to={`/members/${s.memberId}`}>
                {s.fullName} ({formatDate(s.birthDate)})
              </Link>
            ))}
          </Space>
        ) : (
          '—'
        ),
    },
    { title: 'Tình trạng', render: (_, r) => coverageTag[r.coverage], width: 170 },
  ];

  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <UnitPicker
          value={unitId}
          onChange={(v) => {
            setUnitId(v);
            reset();
          }}
          allowClear
          placeholder="Toàn bộ phạm vi quản lý"
          style={{ width: 340 }}
        />
        <TermInput
          value={term}
          onChange={(v) => {
            setTerm(v);
            reset();
          }}
        />
        <Typography.Text>Ngày</Typography.Text>
        <IsoDatePicker
          value={date}
          allowClear={false}
          onChange={(v) => {
            if (v) setDate(v);
            reset();
          }}
          style={{ width: 140 }}
        />
        <Checkbox
          checked={gapsOnly}
          onChange={(e) => {
            setGapsOnly(e.target.checked);
            reset();
          }}
        >
          Chỉ chức danh chưa có hoặc chỉ có 1 người kế cận
        </Checkbox>
        <Button
          href={`/api/planning/succession/export.xlsx${buildQuery({
            unitId: q.unitId,
            term,
            date,
            gapsOnly: q.gapsOnly,
          })}`}
          disabled={!d}
        >
          Xuất Excel
        </Button>
      </Space>
      {!validTerm(term) && <Alert type="warning" title="Nhiệm kỳ phải có dạng 2030-2035" />}
      {list.error && <ErrorAlert error={list.error} />}
      {d && (
        <Space size={32} style={{ marginBottom: 12 }}>
          <Statistic title={`Chức danh chủ chốt — ${d.unitName}`} value={d.counts.posts} />
          <Statistic
            title="Chưa có người kế cận"
            value={d.counts.none}
            styles={{ content: { color: '#cf1322' } }}
          />
          <Statistic
            title="Chỉ có 1 người kế cận"
            value={d.counts.one}
            styles={{ content: { color: '#d46b08' } }}
          />
        </Space>
      )}
      <Table<SuccessionRowDto>
        rowKey={(r) => `${r.postTitleId}-${r.unitId}`}
        size="small"
        loading={list.isFetching}
        dataSource={d?.items ?? []}
        columns={columns}
        rowClassName={(r) => (r.coverage === 'ok' ? '' : `planning-gap-${r.coverage}`)}
        onRow={(r) => ({
          style:
            r.coverage === 'none'
              ? { background: '#fff1f0' }
              : r.coverage === 'one'
                ? { background: '#fff7e6' }
                : undefined,
        })}
        pagination={{
          current: page,
          pageSize,
          total: d?.total ?? 0,
          showSizeChanger: true,
          showTotal: (n) => `${formatNumber(n)} chức danh`,
          onChange: (p, s) => {
            setPage(p);
            setPageSize(s);
          },
        }}
      />
      {d && <CitationsLine citations={d.citations} />}
    </>
  );
}
