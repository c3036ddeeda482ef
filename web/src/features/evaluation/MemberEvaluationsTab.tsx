import { Card, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { api } from '../../api/client.ts';
import { ErrorAlert } from '../../components/errors.tsx';
import type { MemberDto } from '../../lib/contracts.ts';
import { canBrowse } from '../../lib/roles.ts';
import { useCurrentUser } from '../auth/auth.tsx';
import { FeedbackList } from './FeedbackCard.tsx';
import {
  periodKindLabels,
  points,
  ratingCodeLabels,
  ratingColors,
  stageLabels,
  type MemberRatingDto,
} from './api.ts';

/** Tab "Đánh giá, xếp loại" of the member page: ratings over the years, and feedback. */
export function MemberEvaluationsTab({ member }: { member: MemberDto }) {
  const user = useCurrentUser();
  const list = useQuery({
    queryKey: ['member-evaluations', member.id],
    queryFn: () => api.get<MemberRatingDto[]>(`/api/members/${member.id}/evaluations`),
  });
  const columns: TableColumnsType<MemberRatingDto> = [
    { title: 'Năm', width: 70, dataIndex: 'year' },
    {
      title: 'Kỳ đánh giá',
      render: (_, r) => (
        <Link to={`/evaluation/evaluations/${r.evaluationId}`}>
          {r.periodLabel} ({periodKindLabels[r.kind]})
        </Link>
      ),
    },
    { title: 'Điểm', align: 'right', width: 80, render: (_, r) => points(r.finalScore) },
    {
      title: 'Xếp loại',
      render: (_, r) =>
        r.rating ? (
          <Tag color={ratingColors[r.rating]}>{ratingCodeLabels[r.rating]}</Tag>
        ) : (
          <Typography.Text type="secondary">{stageLabels[r.stage] ?? r.stage}</Typography.Text>
        ),
    },
    { title: 'Căn cứ xếp loại', dataIndex: 'ratingRule' },
  ];
  const own = user.memberId === member.id;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      {list.error ? (
        <ErrorAlert error={list.error} />
      ) : (
        <Table
          rowKey="evaluationId"
          size="small"
          loading={list.isLoading}
          columns={columns}
          dataSource={list.data ?? []}
          pagination={false}
          locale={{ emptyText: 'Chưa được đánh giá, xếp loại' }}
        />
      )}
      {canBrowse(user) && !own && (
        <Card size="small" title="Thông tin đa chiều (Mặt trận, đoàn thể, nhân dân)">
          <FeedbackList memberId={member.id} />
        </Card>
      )}
    </Space>
  );
}
