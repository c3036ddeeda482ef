import { Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { api } from '../../api/client.ts';
import { ErrorAlert } from '../../components/errors.tsx';
import type { MemberDto } from '../../lib/contracts.ts';
import { formatDate } from '../../lib/vn.ts';
import {
  planningSourceLabels,
  politicalStandardLabels,
  type MemberPlanningDto,
} from '../../../../src/contracts/planning.ts';

/** Tab "Quy hoạch" of the member page: every pool the person is or was in (QĐ 377-QĐ/TW). */
export function MemberPlanningTab({ member }: { member: MemberDto }) {
  const list = useQuery({
    queryKey: ['member-planning', member.id],
    queryFn: () => api.get<MemberPlanningDto[]>(`/api/members/${member.id}/planning`),
  });
  const columns: TableColumnsType<MemberPlanningDto> = [
    { title: 'Nhiệm kỳ', dataIndex: 'term', width: 110 },
    {
      title: 'Chức danh quy hoạch',
      render: (_, r) => (
        <Link to={`/planning/pools/${r.poolId}`}>
          {r.postTitleName} — {r.unitName}
        </Link>
      ),
    },
    {
      title: 'Nguồn, giới thiệu',
      render: (_, r) => (
        <>
          {planningSourceLabels[r.source]}
          {r.nominationRound && `; ${r.nominationRound}`}
          {r.votesCast !== null && r.votesFor !== null && ` (${r.votesFor}/${r.votesCast} phiếu)`}
        </>
      ),
    },
    {
      title: 'Quyết định',
      render: (_, r) => `${r.decisionNumber} ngày ${formatDate(r.decisionDate)}`,
    },
    {
      title: 'Tiêu chuẩn chính trị',
      width: 150,
      render: (_, r) => politicalStandardLabels[r.politicalStandard],
    },
    {
      title: 'Tình trạng',
      render: (_, r) =>
        r.status === 'active' ? (
          <Tag color="green">Đang trong quy hoạch</Tag>
        ) : (
          <Typography.Text>
            <Tag>Đã đưa ra</Tag>
            {formatDate(r.removedDate)}
            {r.removalDecisionNumber && `, ${r.removalDecisionNumber}`}
            {r.removalReason && ` — ${r.removalReason}`}
          </Typography.Text>
        ),
    },
  ];
  if (list.error) return <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <Table
      rowKey="id"
      size="small"
      loading={list.isLoading}
      columns={columns}
      dataSource={list.data ?? []}
      pagination={false}
      locale={{ emptyText: 'Chưa có trong quy hoạch chức danh nào' }}
    />
  );
}
