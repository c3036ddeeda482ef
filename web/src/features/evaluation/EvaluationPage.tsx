import { useMemo, useState } from 'react';
import {
  App,
  Button,
  Card,
  Descriptions,
  Input,
  InputNumber,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { TableColumnsType } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../api/client.ts';
import { formatDateTime } from '../../components/DateField.tsx';
import { ErrorAlert, useApiErrorHandler } from '../../components/errors.tsx';
import { canBrowse } from '../../lib/roles.ts';
import { formatDate } from '../../lib/vn.ts';
import { useCurrentUser } from '../auth/auth.tsx';
import { FeedbackList } from './FeedbackCard.tsx';
import { FrameworkField } from './FrameworkField.tsx';
import {
  criterionPartLabels,
  points,
  ratingCodeLabels,
  ratingColors,
  stageLabels,
  stepLabels,
  type CriterionDto,
  type EvaluationDto,
  type StepCode,
  type StepDto,
} from './api.ts';

/** One evaluation: task results, the rating (or the rating the latest score would get), steps. */
export function EvaluationPage() {
  const id = Number(useParams().id);
  const user = useCurrentUser();
  const query = useQuery({
    queryKey: ['evaluation', id],
    queryFn: () => api.get<EvaluationDto>(`/api/evaluations/${id}`),
  });
  if (query.error) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  const e = query.data;
  if (!e) return <Card loading />;
  const writable = (['self', 'collective', 'advisory'] as const).find((s) => e.can[s]);
  const own = e.memberId !== null && e.memberId === user.memberId;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {e.name} — {e.periodLabel}
      </Typography.Title>
      <Descriptions size="small" bordered column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label="Đơn vị">{e.unitName}</Descriptions.Item>
        <Descriptions.Item label="Khung tiêu chí">
          <FrameworkField e={e} />
        </Descriptions.Item>
        <Descriptions.Item label="Thời gian đánh giá">
          {formatDate(e.periodStart)} – {formatDate(e.periodEnd)}
        </Descriptions.Item>
        <Descriptions.Item label="Bước hiện tại">
          {stageLabels[e.stage] ?? e.stage}
        </Descriptions.Item>
        {e.memberId !== null && canBrowse(user) && !own && (
          <Descriptions.Item label="Hồ sơ">
            <Link to={`/members/${e.memberId}?tab=evaluation`}>Xem hồ sơ đảng viên</Link>
          </Descriptions.Item>
        )}
      </Descriptions>
      <RatingCard e={e} />
      <TasksCard e={e} />
      <StepsCard steps={e.steps} />
      {writable && <StepForm key={`${writable}-${e.version}`} e={e} step={writable} />}
      {e.can.decide && <DecideForm key={e.version} e={e} />}
      {e.memberId !== null && canBrowse(user) && !own && (
        <Card size="small" title="Thông tin đa chiều (Mặt trận, đoàn thể, nhân dân)">
          <FeedbackList memberId={e.memberId} />
        </Card>
      )}
    </Space>
  );
}

function RatingCard({ e }: { e: EvaluationDto }) {
  if (e.rating) {
    return (
      <Card size="small" title="Kết quả xếp loại">
        <Space direction="vertical">
          <Space>
            <Tag color={ratingColors[e.rating]} style={{ fontSize: 15, padding: '2px 8px' }}>
              {ratingCodeLabels[e.rating]}
            </Tag>
            <span>Điểm quyết định: {points(e.finalScore)}</span>
          </Space>
          <Typography.Text>Căn cứ: {e.ratingRule}</Typography.Text>
          <Citations list={e.ratingCitations} />
          <Typography.Text type="secondary">
            Quyết định bởi {e.decidedBy} lúc {formatDateTime(e.decidedAt)}
          </Typography.Text>
        </Space>
      </Card>
    );
  }
  if (!e.preview) return null;
  return (
    <Card
      size="small"
      title="Mức xếp loại dự kiến (theo điểm mới nhất và kết quả nhiệm vụ hiện tại)"
    >
      <Space direction="vertical">
        <Space>
          <Tag color={ratingColors[e.preview.rating]}>{ratingCodeLabels[e.preview.rating]}</Tag>
          <span>với {points(e.preview.score)} điểm</span>
        </Space>
        <Typography.Text>Căn cứ: {e.preview.rule}</Typography.Text>
        <Citations list={e.preview.citations} />
      </Space>
    </Card>
  );
}

function Citations({ list }: { list: { rule: string; document: string }[] }) {
  return (
    <ul style={{ margin: 0, paddingLeft: 20 }}>
      {list.map((c, i) => (
        <li key={i}>
          <Typography.Text type="secondary">
            {c.rule} — {c.document}
          </Typography.Text>
        </li>
      ))}
    </ul>
  );
}

function TasksCard({ e }: { e: EvaluationDto }) {
  const t = e.decidedTaskCounts ?? e.taskCounts;
  return (
    <Card
      size="small"
      title={
        e.decidedTaskCounts
          ? 'Việc mới, việc khó trong kỳ (tại thời điểm quyết định)'
          : 'Việc mới, việc khó trong kỳ (từ phân hệ Việc mới, việc khó)'
      }
    >
      {t.total === 0 ? (
        <Typography.Text type="secondary">
          Không có việc đã duyệt có thời hạn trong kỳ.
        </Typography.Text>
      ) : (
        <Space wrap size="large">
          <span>Tổng số: {t.total}</span>
          <span>Vượt yêu cầu: {t.exceeded}</span>
          <span>Đúng hạn: {t.onTime}</span>
          <span>Chậm: {t.late}</span>
          <span>Không hoàn thành: {t.notDone}</span>
          <span>Chưa đánh giá kết quả: {t.open}</span>
        </Space>
      )}
    </Card>
  );
}

function StepsCard({ steps }: { steps: StepDto[] }) {
  const columns: TableColumnsType<StepDto> = [
    { title: 'Bước', render: (_, s) => stepLabels[s.step] },
    { title: 'Tổng điểm', align: 'right', render: (_, s) => points(s.total) },
    {
      title: 'Mức đề xuất',
      render: (_, s) =>
        s.proposedRating ? (
          <Tag color={ratingColors[s.proposedRating]}>{ratingCodeLabels[s.proposedRating]}</Tag>
        ) : (
          ''
        ),
    },
    { title: 'Nhận xét', dataIndex: 'comment' },
    { title: 'Người thực hiện', dataIndex: 'actorName' },
    { title: 'Thời gian', render: (_, s) => formatDateTime(s.at) },
  ];
  return (
    <Card size="small" title="Các bước đánh giá">
      <Table
        rowKey="step"
        size="small"
        columns={columns}
        dataSource={steps}
        pagination={false}
        locale={{ emptyText: 'Chưa có bước nào' }}
      />
    </Card>
  );
}

const PREVIOUS: Record<string, StepCode | null> = {
  self: null,
  collective: 'self',
  advisory: 'collective',
};

function StepForm({ e, step }: { e: EvaluationDto; step: 'self' | 'collective' | 'advisory' }) {
  const handleError = useApiErrorHandler();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const existing = e.steps.find((s) => s.step === step);
  const previous = e.steps.find((s) => s.step === PREVIOUS[step]);
  const start = existing ?? previous;
  const [scores, setScores] = useState<Record<string, number | null>>(() =>
    Object.fromEntries(e.criteria.map((c) => [String(c.id), start?.scores[String(c.id)] ?? null])),
  );
  const [comment, setComment] = useState(existing?.comment ?? '');
  const [saving, setSaving] = useState(false);
  const total = useMemo(
    () => Math.round(Object.values(scores).reduce<number>((n, v) => n + (v ?? 0), 0) * 100) / 100,
    [scores],
  );
  const save = async () => {
    setSaving(true);
    try {
      const filled = Object.fromEntries(
        Object.entries(scores).filter(([, v]) => v !== null && v !== undefined),
      );
      await api.put(`/api/evaluations/${e.id}/steps/${step}`, {
        version: e.version,
        scores: filled,
        comment,
      });
      void message.success(`Đã lưu: ${stepLabels[step]}`);
      void queryClient.invalidateQueries({ queryKey: ['evaluation', e.id] });
      void queryClient.invalidateQueries({ queryKey: ['evaluations', 'mine'] });
    } catch (err) {
      handleError(err, {
        onReload: () => void queryClient.invalidateQueries({ queryKey: ['evaluation', e.id] }),
      });
    } finally {
      setSaving(false);
    }
  };
  const columns: TableColumnsType<CriterionDto> = [
    { title: 'Phần', width: 170, render: (_, c) => criterionPartLabels[c.part] },
    { title: 'Tiêu chí', dataIndex: 'name' },
    { title: 'Tối đa', align: 'right', width: 80, render: (_, c) => points(c.maxPoints) },
    {
      title: 'Điểm',
      width: 130,
      render: (_, c) => (
        <InputNumber
          aria-label={`Điểm: ${c.name}`}
          min={0}
          max={c.maxPoints}
          step={0.5}
          precision={2}
          decimalSeparator=","
          value={scores[String(c.id)]}
          onChange={(v) => setScores((s) => ({ ...s, [String(c.id)]: v }))}
        />
      ),
    },
  ];
  return (
    <Card size="small" title={stepLabels[step]}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Table
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={e.criteria}
          pagination={false}
        />
        <Typography.Text strong>Tổng điểm: {points(total)}/100</Typography.Text>
        <Input.TextArea
          aria-label="Nhận xét"
          placeholder="Nhận xét, ưu điểm, hạn chế"
          rows={3}
          value={comment}
          maxLength={4000}
          onChange={(ev) => setComment(ev.target.value)}
        />
        <Button type="primary" loading={saving} onClick={() => void save()}>
          Lưu {stepLabels[step].toLowerCase()}
        </Button>
      </Space>
    </Card>
  );
}

function DecideForm({ e }: { e: EvaluationDto }) {
  const handleError = useApiErrorHandler();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [comment, setComment] = useState('');
  const [subUnits, setSubUnits] = useState<number | null>(0);
  const [saving, setSaving] = useState(false);
  const decide = async () => {
    setSaving(true);
    try {
      const r = await api.post<EvaluationDto>(`/api/evaluations/${e.id}/decide`, {
        version: e.version,
        comment,
        subUnitsDisciplined: subUnits ?? 0,
      });
      void message.success(`Đã xếp loại: ${r.rating ? ratingCodeLabels[r.rating] : ''}`);
      void queryClient.invalidateQueries({ queryKey: ['evaluation', e.id] });
    } catch (err) {
      handleError(err, {
        onReload: () => void queryClient.invalidateQueries({ queryKey: ['evaluation', e.id] }),
      });
    } finally {
      setSaving(false);
    }
  };
  return (
    <Card size="small" title={stepLabels.decision}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text>
          Điểm quyết định là điểm đề xuất của cơ quan tham mưu; mức xếp loại tính theo QĐ 366-QĐ/TW
          cùng kết quả việc mới, việc khó, có kiểm tra tỷ lệ xuất sắc của đơn vị.
        </Typography.Text>
        {e.subject === 'collective' && (
          <Space>
            <span>Số tổ chức trực thuộc bị kỷ luật trong kỳ:</span>
            <InputNumber min={0} value={subUnits} onChange={setSubUnits} />
          </Space>
        )}
        <Input.TextArea
          aria-label="Ý kiến của cấp có thẩm quyền"
          placeholder="Ý kiến của cấp có thẩm quyền"
          rows={2}
          value={comment}
          onChange={(ev) => setComment(ev.target.value)}
        />
        <Button type="primary" loading={saving} onClick={() => void decide()}>
          Quyết định xếp loại
        </Button>
      </Space>
    </Card>
  );
}
