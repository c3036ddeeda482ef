import { useState } from 'react';
import { App, Button, Descriptions, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../api/client.ts';
import { ErrorAlert, useApiErrorHandler } from '../../components/errors.tsx';
import { useCurrentUser } from '../auth/auth.tsx';
import { canWrite } from '../../lib/roles.ts';
import { formatDate } from '../../lib/vn.ts';
import {
  entryStatusLabels,
  planningSourceLabels,
  politicalStandardLabels,
  politicalStandards,
  type EntryDto,
  type PoliticalStandard,
  type PoolDetailDto,
} from '../../../../src/contracts/planning.ts';
import { AddEntryModal, RemoveEntryModal } from './EntryModals.tsx';
import { CitationsLine } from './shared.tsx';

/** /planning/pools/:id — who is planned for one post, how they entered, and who left and why. */
export default function PoolPage() {
  const id = Number(useParams().id);
  const writer = canWrite(useCurrentUser());
  const qc = useQueryClient();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<EntryDto | null>(null);
  const pool = useQuery({
    queryKey: ['planning', 'pool', id],
    queryFn: () => api.get<PoolDetailDto>(`/api/planning/pools/${id}`),
  });
  const reload = () => void qc.invalidateQueries({ queryKey: ['planning'] });
  const standard = useMutation({
    mutationFn: (v: { e: EntryDto; politicalStandard: PoliticalStandard }) =>
      api.patch(`/api/planning/entries/${v.e.id}`, {
        version: v.e.version,
        politicalStandard: v.politicalStandard,
      }),
    onSuccess: () => {
      void message.success('Đã lưu kết luận tiêu chuẩn chính trị');
      reload();
    },
    onError: (e) => handleError(e, { onReload: reload }),
  });
  const p = pool.data;
  if (pool.error) return <ErrorAlert error={pool.error} />;
  if (!p) return null;
  const full = p.activeCount >= p.maxPeople;

  const columns: TableColumnsType<EntryDto> = [
    {
      title: 'Họ và tên',
      render: (_, e) => (
        <Space orientation="vertical" size={0}>
          <Link to={`/members/${e.memberId}`}>{e.fullName}</Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {formatDate(e.birthDate)} · {e.gender === 'female' ? 'Nữ' : 'Nam'} · {e.ethnicity}
          </Typography.Text>
        </Space>
      ),
    },
    { title: 'Chức vụ hiện tại', render: (_, e) => e.currentPost || '—' },
    {
      title: 'Nguồn, giới thiệu',
      render: (_, e) => (
        <Space orientation="vertical" size={0}>
          <span>{planningSourceLabels[e.source]}</span>
          {e.nominationRound && <span>{e.nominationRound}</span>}
          {e.votesCast !== null && (
            <Typography.Text type="secondary">
              {e.votesFor}/{e.votesCast} phiếu giới thiệu
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: 'Quyết định quy hoạch',
      render: (_, e) => `${e.decisionNumber} ngày ${formatDate(e.decisionDate)}`,
    },
    {
      title: 'Tiêu chuẩn chính trị',
      width: 230,
      render: (_, e) =>
        writer && e.status === 'active' ? (
          <Select<PoliticalStandard>
            aria-label={`Tiêu chuẩn chính trị của ${e.fullName}`}
            size="small"
            value={e.politicalStandard}
            style={{ width: 220 }}
            options={politicalStandards.map((s) => ({
              value: s,
              label: politicalStandardLabels[s],
            }))}
            onChange={(v) => standard.mutate({ e, politicalStandard: v })}
          />
        ) : (
          politicalStandardLabels[e.politicalStandard]
        ),
    },
    {
      title: 'Tình trạng',
      render: (_, e) =>
        e.status === 'active' ? (
          <Tag color="green">{entryStatusLabels.active}</Tag>
        ) : (
          <Space orientation="vertical" size={0}>
            <Tag>{entryStatusLabels.removed}</Tag>
            <span>
              {formatDate(e.removedDate)} — {e.removalDecisionNumber}
            </span>
            <Typography.Text type="secondary">{e.removalReason}</Typography.Text>
          </Space>
        ),
    },
    ...(writer
      ? [
          {
            title: '',
            width: 150,
            render: (_: unknown, e: EntryDto) =>
              e.status === 'active' && (
                <Button size="small" danger onClick={() => setRemoving(e)}>
                  Đưa ra khỏi quy hoạch
                </Button>
              ),
          },
        ]
      : []),
  ];

  return (
    <>
      <Descriptions
        size="small"
        column={2}
        title={`${p.postTitleName} — ${p.unitName}`}
        extra={
          writer && (
            <Popconfirm
              title="Quỹ đã đủ số người"
              description="Hãy đưa người khác ra khỏi quy hoạch trước khi bổ sung."
              disabled={!full}
              showCancel={false}
            >
              <Button type="primary" onClick={() => !full && setAdding(true)}>
                Đưa người vào quy hoạch
              </Button>
            </Popconfirm>
          )
        }
        items={[
          { key: 'term', label: 'Nhiệm kỳ', children: p.term },
          {
            key: 'count',
            label: 'Số người trong quy hoạch',
            children: (
              <Space>
                <span>
                  {p.activeCount}/{p.maxPeople}
                </span>
                <CitationsLine citations={[p.maxPeopleCitation]} />
              </Space>
            ),
          },
          ...(p.note ? [{ key: 'note', label: 'Ghi chú', children: p.note }] : []),
        ]}
      />
      <Table<EntryDto>
        rowKey="id"
        size="small"
        dataSource={p.entries}
        columns={columns}
        pagination={false}
        style={{ marginTop: 12 }}
      />
      {adding && (
        <AddEntryModal
          pool={p}
          onClose={() => setAdding(false)}
          onDone={() => {
            setAdding(false);
            reload();
          }}
        />
      )}
      {removing && (
        <RemoveEntryModal
          entry={removing}
          onClose={() => setRemoving(null)}
          onDone={() => {
            setRemoving(null);
            reload();
          }}
        />
      )}
    </>
  );
}
