import { Button, Card, Descriptions, Space, Table, Timeline, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../api/client.ts';
import { formatDateTime } from '../../components/DateField.tsx';
import { ErrorAlert } from '../../components/errors.tsx';
import { formatDate, formatNumber } from '../../lib/vn.ts';
import { taskEventKindLabels, taskPeriodKindLabels, type TaskDto } from './contracts.ts';
import { DecisionButtons, ModelSwitch, OutcomeButton, ProgressForm } from './TaskActions.tsx';
import { TaskOutcomeTag, TaskStatusTag } from './taskUi.tsx';

/** /tasks/:id: the registration, its targets and roadmap, what may be done now, and its history. */
export default function TaskDetailPage() {
  const id = Number(useParams().id);
  const q = useQuery({
    queryKey: ['task', id],
    queryFn: () => api.get<TaskDto>(`/api/tasks/${id}`),
  });
  if (q.error) return <ErrorAlert error={q.error} />;
  const t = q.data;
  if (!t) return <Card loading />;
  const period = t.startYear === t.endYear ? String(t.startYear) : `${t.startYear}–${t.endYear}`;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={t.title}
        extra={
          <Space>
            {t.can.edit && (
              <Link to={`/tasks/${t.id}/edit`}>
                <Button data-testid="task-edit">Sửa</Button>
              </Link>
            )}
            <Link to="/tasks">Danh sách</Link>
          </Space>
        }
      >
        <Descriptions column={2} size="small" bordered>
          <Descriptions.Item label="Người đăng ký">{t.memberName}</Descriptions.Item>
          <Descriptions.Item label="Tổ chức">{t.unitName}</Descriptions.Item>
          <Descriptions.Item label="Thời gian">
            {taskPeriodKindLabels[t.periodKind]} ({period})
          </Descriptions.Item>
          <Descriptions.Item label="Thời hạn hoàn thành">
            {formatDate(t.deadline)}
          </Descriptions.Item>
          <Descriptions.Item label="Trạng thái">
            <TaskStatusTag status={t.status} />
            {t.decisionReason && (
              <Typography.Text type="secondary">{t.decisionReason}</Typography.Text>
            )}
          </Descriptions.Item>
          <Descriptions.Item label="Kết quả">
            <TaskOutcomeTag outcome={t.outcome} overdue={t.overdue} />
            {t.completedDate && `hoàn thành ngày ${formatDate(t.completedDate)}`}
          </Descriptions.Item>
          {t.description && (
            <Descriptions.Item label="Mô tả" span={2}>
              {t.description}
            </Descriptions.Item>
          )}
          {t.outcomeComment && (
            <Descriptions.Item label="Nhận xét" span={2}>
              {t.outcomeComment}
            </Descriptions.Item>
          )}
        </Descriptions>
        {t.outcomeCitations.length > 0 && (
          <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
            Căn cứ: {t.outcomeCitations.map((c) => `${c.rule} (${c.document})`).join('; ')}
          </Typography.Paragraph>
        )}
        <Typography.Title level={5} style={{ marginTop: 16 }}>
          Chỉ tiêu
        </Typography.Title>
        <Table
          size="small"
          pagination={false}
          rowKey={(_, i) => String(i)}
          dataSource={t.targets}
          columns={[
            { title: 'Chỉ tiêu', dataIndex: 'name' },
            { title: 'Đăng ký', render: (_, r) => `${formatNumber(r.targetValue)} ${r.unit}` },
            {
              title: 'Đạt được',
              render: (_, r) =>
                r.achievedValue === null ? '' : `${formatNumber(r.achievedValue)} ${r.unit}`,
            },
          ]}
        />
        {t.milestones.length > 0 && (
          <>
            <Typography.Title level={5} style={{ marginTop: 16 }}>
              Lộ trình
            </Typography.Title>
            <ol>
              {t.milestones.map((m, i) => (
                <li key={i}>
                  {m.title} — trước {formatDate(m.dueDate)}
                </li>
              ))}
            </ol>
          </>
        )}
      </Card>
      {(t.can.decide || t.can.assess || t.can.flag) && (
        <Card title="Xử lý">
          <Space orientation="vertical">
            {t.can.decide && <DecisionButtons task={t} />}
            {t.can.assess && <OutcomeButton task={t} />}
            {t.can.flag && <ModelSwitch task={t} />}
          </Space>
        </Card>
      )}
      {t.can.report && (
        <Card title="Báo cáo tiến độ, minh chứng">
          <ProgressForm task={t} />
        </Card>
      )}
      <Card title="Lịch sử">
        <Timeline
          items={t.events.map((e) => ({
            children: (
              <div>
                <Typography.Text strong>{taskEventKindLabels[e.kind]}</Typography.Text>{' '}
                <Typography.Text type="secondary">
                  {formatDateTime(e.at)} — {e.actorName}
                </Typography.Text>
                {e.progressPercent !== null && <span> ({e.progressPercent}%)</span>}
                {e.note && <div>{e.note}</div>}
                {e.evidence.map((f) => (
                  <div key={f.id}>
                    <a href={`/api/task-evidence/${f.id}/file`}>{f.fileName}</a>{' '}
                    <Typography.Text type="secondary">
                      ({formatNumber(Math.ceil(f.sizeBytes / 1024))} KB)
                    </Typography.Text>
                  </div>
                ))}
              </div>
            ),
          }))}
        />
      </Card>
    </Space>
  );
}
