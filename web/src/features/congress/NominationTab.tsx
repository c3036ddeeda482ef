import { useState } from 'react';
import {
  App,
  Button,
  Card,
  Collapse,
  Col,
  Empty,
  Input,
  InputNumber,
  Popconfirm,
  Row,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { api } from '../../api/client.ts';
import { IsoDatePicker } from '../../components/DateField.tsx';
import { ErrorAlert, useApiErrorHandler } from '../../components/errors.tsx';
import { formatNumber } from '../../lib/vn.ts';
import {
  percent,
  useCongressAction,
  useNomination,
  type CongressDto,
  type NominationDto,
  type StepDto,
} from './api.ts';
import { MembersSelect } from './MembersSelect.tsx';
import { BodySelect } from './PlanTab.tsx';

/** Bars of how many entered and passed each step (seed 001: 151 → 75 → 34). */
function Funnel({ funnel }: { funnel: NominationDto['funnel'] }) {
  const max = Math.max(1, ...funnel.map((f) => f.entered));
  return (
    <Space orientation="vertical" style={{ width: '100%' }} aria-label="Phễu giới thiệu nhân sự">
      {funnel.map((f) => (
        <div key={f.stepNo}>
          <Typography.Text>{f.name}</Typography.Text>
          <div style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
            <div style={{ flex: 1, background: '#f0f0f0', height: 22, position: 'relative' }}>
              <div
                style={{ width: `${(f.entered / max) * 100}%`, background: '#91caff', height: 22 }}
              />
              <div
                style={{
                  width: `${(f.passed / max) * 100}%`,
                  background: '#1677ff',
                  height: 22,
                  position: 'absolute',
                  top: 0,
                }}
              />
            </div>
            <span style={{ width: 170, fontWeight: 500 }}>
              {`${formatNumber(f.entered)} vào → ${formatNumber(f.passed)} qua`}
            </span>
          </div>
        </div>
      ))}
    </Space>
  );
}

interface Draft {
  name: string;
  meetingDate: string | null;
  summoned: number;
  present: number;
  votes: Map<number, number>;
  names: Map<number, string>;
}

function StepCard({
  congress,
  step,
  previous,
  isLast,
  canWrite,
}: {
  congress: CongressDto;
  step: StepDto;
  previous: StepDto | undefined;
  isLast: boolean;
  canWrite: boolean;
}) {
  const { message } = App.useApp();
  const handle = useApiErrorHandler();
  const fresh = (): Draft => ({
    name: step.name,
    meetingDate: step.meetingDate,
    summoned: step.summoned,
    present: step.present,
    votes: new Map(step.tallies.map((t) => [t.memberId, t.votes])),
    names: new Map([
      ...(previous?.tallies.filter((t) => t.passed).map((t) => [t.memberId, t.fullName] as const) ??
        []),
      ...step.tallies.map((t) => [t.memberId, t.fullName] as const),
    ]),
  });
  const [draft, setDraft] = useState<Draft>(fresh);
  const [adding, setAdding] = useState<{ id: number; fullName: string }[]>([]);
  const save = useCongressAction(congress.id, () =>
    api.patch(`/api/nomination-steps/${step.id}`, {
      version: step.version,
      name: draft.name,
      meetingDate: draft.meetingDate,
      summoned: draft.summoned,
      present: draft.present,
      tallies: [...draft.votes].map(([memberId, votes]) => ({ memberId, votes })),
    }),
  );
  const remove = useCongressAction(congress.id, () =>
    api.delete(`/api/nomination-steps/${step.id}?version=${step.version}`),
  );
  const result = new Map(step.tallies.map((t) => [t.memberId, t]));
  // Later steps list the names that passed the step before; the first takes anyone named.
  const rows = [...draft.names].map(([memberId, fullName]) => ({ memberId, fullName }));
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));

  return (
    <Card
      size="small"
      title={
        canWrite ? (
          <Input
            value={draft.name}
            onChange={(e) => set({ name: e.target.value })}
            aria-label="Tên bước"
          />
        ) : (
          step.name
        )
      }
      extra={
        <Tag color="blue">{`${formatNumber(step.entered)} vào → ${formatNumber(step.passed)} qua`}</Tag>
      }
    >
      <Row gutter={12} style={{ marginBottom: 8 }}>
        <Col span={6}>
          <Typography.Text type="secondary">Ngày họp</Typography.Text>
          <IsoDatePicker
            value={draft.meetingDate}
            onChange={(v) => set({ meetingDate: v })}
            disabled={!canWrite}
          />
        </Col>
        <Col span={6}>
          <Typography.Text type="secondary">Số được triệu tập</Typography.Text>
          <InputNumber
            min={0}
            style={{ width: '100%' }}
            value={draft.summoned}
            onChange={(v) => set({ summoned: v ?? 0 })}
            disabled={!canWrite}
            aria-label="Số được triệu tập"
          />
        </Col>
        <Col span={6}>
          <Typography.Text type="secondary">Số có mặt bỏ phiếu</Typography.Text>
          <InputNumber
            min={0}
            style={{ width: '100%' }}
            value={draft.present}
            onChange={(v) => set({ present: v ?? 0 })}
            disabled={!canWrite}
            aria-label="Số có mặt"
          />
        </Col>
      </Row>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {step.passRule.message} ({step.passRule.citations.map((c) => c.document).join('; ')})
      </Typography.Text>
      <Table
        rowKey="memberId"
        size="small"
        pagination={false}
        dataSource={rows}
        locale={{
          emptyText: previous
            ? 'Chưa có ai qua bước trước'
            : 'Thêm người được giới thiệu ở bước này',
        }}
        columns={[
          { title: 'Họ và tên', dataIndex: 'fullName' },
          {
            title: 'Số phiếu',
            width: 140,
            render: (_, r) => (
              <InputNumber
                min={0}
                aria-label={`Số phiếu ${r.fullName}`}
                disabled={!canWrite}
                value={draft.votes.get(r.memberId) ?? null}
                onChange={(v) => {
                  const votes = new Map(draft.votes);
                  if (v === null) votes.delete(r.memberId);
                  else votes.set(r.memberId, v);
                  set({ votes });
                }}
              />
            ),
          },
          {
            title: 'Tỷ lệ',
            width: 100,
            align: 'right',
            render: (_, r) =>
              result.has(r.memberId) ? percent(result.get(r.memberId)!.percent) : '',
          },
          {
            title: 'Kết quả',
            width: 120,
            render: (_, r) => {
              const t = result.get(r.memberId);
              if (!t) return null;
              return t.passed ? (
                <Tag color="green">Qua bước</Tag>
              ) : (
                <Tag color="red">Không qua</Tag>
              );
            },
          },
        ]}
      />
      {canWrite && (
        <Space wrap style={{ marginTop: 8 }}>
          {!previous && (
            <>
              <div style={{ width: 420 }}>
                <MembersSelect
                  unitId={congress.unitId}
                  value={adding.map((a) => a.id)}
                  onNames={setAdding}
                />
              </div>
              <Button
                disabled={!adding.length}
                onClick={() => {
                  const names = new Map(draft.names);
                  for (const a of adding) if (!names.has(a.id)) names.set(a.id, a.fullName);
                  set({ names });
                  setAdding([]);
                }}
              >
                Thêm vào danh sách
              </Button>
            </>
          )}
          <Button
            type="primary"
            loading={save.isPending}
            onClick={() =>
              save.mutate(undefined, {
                onSuccess: () => void message.success('Đã lưu kết quả bước'),
                onError: (e) => handle(e),
              })
            }
          >
            Lưu bước này
          </Button>
          {isLast && (
            <Popconfirm
              title="Xóa bước cuối cùng?"
              okText="Xóa"
              cancelText="Không"
              onConfirm={() => remove.mutate(undefined, { onError: (e) => handle(e) })}
            >
              <Button danger>Xóa bước</Button>
            </Popconfirm>
          )}
        </Space>
      )}
    </Card>
  );
}

/** "Giới thiệu nhân sự": the steps of a body's nomination procedure and the funnel. */
export default function NominationTab({ congress }: { congress: CongressDto }) {
  const [bodyId, setBodyId] = useState<number | null>(congress.bodies[0]?.id ?? null);
  const [newStep, setNewStep] = useState('');
  const handle = useApiErrorHandler();
  const data = useNomination(congress.id, bodyId);
  const create = useCongressAction(congress.id, (names?: string[]) =>
    api.post(
      `/api/congresses/${congress.id}/bodies/${bodyId}/nomination-steps`,
      names ? { names } : {},
    ),
  );
  if (!congress.bodies.length)
    return <Empty description="Hãy khai báo cơ quan bầu ở thẻ Thông tin" />;
  const n = data.data;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <BodySelect congress={congress} value={bodyId} onChange={setBodyId} />
      <ErrorAlert error={data.error} />
      {n && !n.steps.length && (
        <Empty description="Chưa có bước giới thiệu nào">
          {n.canWrite && (
            <Button
              type="primary"
              onClick={() => create.mutate(undefined, { onError: (e) => handle(e) })}
            >
              Tạo 5 bước theo hướng dẫn
            </Button>
          )}
        </Empty>
      )}
      {n && n.steps.length > 0 && (
        <Card size="small" title="Phễu qua các bước">
          <Funnel funnel={n.funnel} />
        </Card>
      )}
      {n && n.steps.length > 0 && (
        // One step open at a time: a step of 151 names is a long form.
        <Collapse
          accordion
          destroyOnHidden
          items={n.steps.map((s, i) => ({
            key: s.id,
            label: s.name,
            extra: (
              <Tag color="blue">{`${formatNumber(s.entered)} vào → ${formatNumber(s.passed)} qua`}</Tag>
            ),
            children: (
              <StepCard
                // Remount when the server's version changes, so the draft starts from what was saved.
                key={`${s.id}-${s.version}-${n.steps[i - 1]?.version ?? 0}`}
                congress={congress}
                step={s}
                previous={n.steps[i - 1]}
                isLast={i === n.steps.length - 1}
                canWrite={n.canWrite}
              />
            ),
          }))}
        />
      )}
      {n?.canWrite && n.steps.length > 0 && (
        <Space>
          <Input
            placeholder="Tên bước thêm"
            value={newStep}
            onChange={(e) => setNewStep(e.target.value)}
            style={{ width: 420 }}
          />
          <Button
            disabled={!newStep.trim()}
            onClick={() =>
              create.mutate([newStep.trim()], {
                onSuccess: () => setNewStep(''),
                onError: (e) => handle(e),
              })
            }
          >
            Thêm bước
          </Button>
        </Space>
      )}
    </Space>
  );
}
