import { useMemo, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  Empty,
  Form,
  Input,
  InputNumber,
  List,
  Result,
  Row,
  Select,
  Space,
  Steps,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { api } from '../../api/client.ts';
import { IsoDatePicker, todayIso } from '../../components/DateField.tsx';
import { ErrorAlert, useApiErrorHandler } from '../../components/errors.tsx';
import { MemberPicker } from '../../components/MemberPicker.tsx';
import { UnitPicker } from '../../components/UnitPicker.tsx';
import { useCurrentUser } from '../auth/auth.tsx';
import { canWrite } from '../../lib/roles.ts';
import { formatDate } from '../../lib/vn.ts';
import {
  planningSourceLabels,
  planningSources,
  removalTriggerLabels,
  type PlanningSource,
  type ReviewDto,
  type ReviewPreviewDto,
} from '../../../../src/contracts/planning.ts';
import { CandidateChecks } from './EntryModals.tsx';
import { CitationsLine, DEFAULT_TERM, TermInput, validTerm } from './shared.tsx';

interface Addition {
  key: number;
  poolId: number;
  memberId: number;
  memberName: string;
  source: PlanningSource;
  nominationRound: string;
  votesCast: number | null;
  votesFor: number | null;
}

/** /planning/review: the annual review (rà soát) as four steps ending in one recorded decision. */
export default function ReviewPage() {
  const user = useCurrentUser();
  const writer = canWrite(user);
  const [step, setStep] = useState(0);
  // The officer's own unit by default: a review usually covers the committee's whole subtree.
  const [unitId, setUnitId] = useState<number | null>(user.unitId);
  const [term, setTerm] = useState(DEFAULT_TERM);
  const [date, setDate] = useState(todayIso());
  /** entryId → reason, for the proposals the officer accepts (and any other removal). */
  const [removals, setRemovals] = useState<Map<number, string>>(new Map());
  const [additions, setAdditions] = useState<Addition[]>([]);
  const [done, setDone] = useState<ReviewDto | null>(null);
  const ready = !!unitId && validTerm(term);
  const preview = useQuery({
    queryKey: ['planning', 'review', unitId, term, date],
    queryFn: () => api.get<ReviewPreviewDto>('/api/planning/review', { unitId, term, date }),
    enabled: ready && step > 0,
  });
  const p = preview.data;

  const start = () => {
    setRemovals(new Map());
    setAdditions([]);
    setDone(null);
    setStep(1);
  };
  // Accept every proposal by default once the preview arrives; the officer unticks to reject.
  const proposalDefaults = useMemo(() => {
    const m = new Map<number, string>();
    for (const pool of p?.pools ?? []) {
      for (const pr of pool.proposals) {
        m.set(pr.entryId, pr.triggers.map((t) => removalTriggerLabels[t.trigger]).join('; '));
      }
    }
    return m;
  }, [p]);
  const [touched, setTouched] = useState(false);
  const effectiveRemovals = touched ? removals : proposalDefaults;
  const toggle = (entryId: number, reason: string, on: boolean) => {
    const next = new Map(effectiveRemovals);
    if (on) next.set(entryId, reason);
    else next.delete(entryId);
    setRemovals(next);
    setTouched(true);
  };

  if (done) {
    return (
      <Result
        status="success"
        title={`Đã ghi nhận rà soát quy hoạch ${done.unitName}, nhiệm kỳ ${done.term}`}
        subTitle={`Quyết định ${done.decisionNumber} ngày ${formatDate(done.decisionDate)}: đưa ra ${done.removedCount} người, bổ sung ${done.addedCount} người.`}
        extra={[
          <Button
            key="again"
            onClick={() => {
              setStep(0);
              setDone(null);
            }}
          >
            Rà soát tổ chức khác
          </Button>,
          <Link key="pools" to="/planning/pools">
            Xem các quỹ quy hoạch
          </Link>,
        ]}
      />
    );
  }

  return (
    <>
      <Steps
        current={step}
        style={{ marginBottom: 16 }}
        items={[
          { title: 'Phạm vi rà soát' },
          { title: 'Đề xuất đưa ra' },
          { title: 'Bổ sung quy hoạch' },
          { title: 'Quyết định' },
        ]}
      />
      {step === 0 && (
        <Space orientation="vertical">
          <Space wrap>
            <UnitPicker value={unitId} onChange={setUnitId} style={{ width: 360 }} />
            <TermInput value={term} onChange={setTerm} />
            <Typography.Text>Ngày rà soát</Typography.Text>
            <IsoDatePicker
              value={date}
              allowClear={false}
              onChange={(v) => v && setDate(v)}
              style={{ width: 140 }}
            />
          </Space>
          <Button type="primary" disabled={!ready} onClick={start}>
            Bắt đầu rà soát
          </Button>
        </Space>
      )}
      {step > 0 && preview.error && <ErrorAlert error={preview.error} />}
      {step > 0 && p && (
        <Typography.Paragraph>
          <b>{p.unitName}</b>, nhiệm kỳ {p.term}, ngày rà soát {formatDate(p.date)}.{' '}
          {p.lastReviewDate
            ? `Lần rà soát trước: ${formatDate(p.lastReviewDate)}; đến hạn rà soát: ${formatDate(p.nextReviewDue)}.`
            : 'Chưa có lần rà soát nào được ghi nhận.'}{' '}
          <CitationsLine citations={[p.intervalCitation]} />
        </Typography.Paragraph>
      )}
      {step === 1 && p && (
        <>
          {p.pools.length === 0 && (
            <Empty description="Tổ chức này chưa có quỹ quy hoạch cho nhiệm kỳ đã chọn" />
          )}
          {p.pools.map((pool) => (
            <Card
              key={pool.id}
              size="small"
              style={{ marginBottom: 8 }}
              title={`${pool.postTitleName} — ${pool.unitName}`}
              extra={`${pool.activeCount}/${pool.maxPeople} người`}
            >
              <List
                size="small"
                dataSource={pool.entries}
                locale={{ emptyText: 'Chưa có người trong quy hoạch' }}
                renderItem={(e) => {
                  const proposal = pool.proposals.find((x) => x.entryId === e.id);
                  const checked = effectiveRemovals.has(e.id);
                  return (
                    <List.Item>
                      <Space orientation="vertical" size={2} style={{ width: '100%' }}>
                        <Space>
                          <Checkbox
                            checked={checked}
                            disabled={!writer}
                            onChange={(ev) =>
                              toggle(
                                e.id,
                                proposal
                                  ? proposal.triggers
                                      .map((t) => removalTriggerLabels[t.trigger])
                                      .join('; ')
                                  : 'Không còn phù hợp qua rà soát',
                                ev.target.checked,
                              )
                            }
                          >
                            Đưa ra khỏi quy hoạch
                          </Checkbox>
                          <Link to={`/members/${e.memberId}`}>{e.fullName}</Link>
                          <Typography.Text type="secondary">
                            {formatDate(e.birthDate)}
                          </Typography.Text>
                          {proposal ? (
                            <Tag color="red">Đề xuất đưa ra</Tag>
                          ) : (
                            <Tag color="green">Tiếp tục quy hoạch</Tag>
                          )}
                        </Space>
                        {proposal?.triggers.map((t) => (
                          <div key={t.trigger} style={{ paddingLeft: 24 }}>
                            <Typography.Text>{t.message}</Typography.Text>
                            <br />
                            <CitationsLine citations={t.citations} />
                          </div>
                        ))}
                        {checked && (
                          <Input
                            aria-label={`Lý do đưa ${e.fullName} ra khỏi quy hoạch`}
                            value={effectiveRemovals.get(e.id)}
                            onChange={(ev) => toggle(e.id, ev.target.value, true)}
                            style={{ marginLeft: 24, maxWidth: 600 }}
                          />
                        )}
                      </Space>
                    </List.Item>
                  );
                }}
              />
            </Card>
          ))}
          <Space>
            <Button onClick={() => setStep(0)}>Quay lại</Button>
            <Button type="primary" onClick={() => setStep(2)}>
              Tiếp: bổ sung quy hoạch
            </Button>
          </Space>
        </>
      )}
      {step === 2 && p && (
        <AdditionsStep
          preview={p}
          removals={effectiveRemovals}
          additions={additions}
          onChange={setAdditions}
          date={date}
          onBack={() => setStep(1)}
          onNext={() => setStep(3)}
        />
      )}
      {step === 3 && p && (
        <DecisionStep
          preview={p}
          removals={effectiveRemovals}
          additions={additions}
          writer={writer}
          onBack={() => setStep(2)}
          onDone={setDone}
        />
      )}
    </>
  );
}

function AdditionsStep(props: {
  preview: ReviewPreviewDto;
  removals: Map<number, string>;
  additions: Addition[];
  onChange: (a: Addition[]) => void;
  date: string;
  onBack: () => void;
  onNext: () => void;
}) {
  const [form] = Form.useForm<Omit<Addition, 'key' | 'memberName'>>();
  const poolId = Form.useWatch('poolId', form) ?? null;
  const memberId = Form.useWatch('memberId', form) ?? null;
  const room = (id: number) => {
    const pool = props.preview.pools.find((x) => x.id === id)!;
    const leaving = pool.entries.filter((e) => props.removals.has(e.id)).length;
    const joining = props.additions.filter((a) => a.poolId === id).length;
    return pool.maxPeople - pool.activeCount + leaving - joining;
  };
  const pools = props.preview.pools.map((x) => ({
    value: x.id,
    label: `${x.postTitleName} — ${x.unitName} (còn ${room(x.id)} chỗ)`,
  }));
  return (
    <>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title="Bổ sung người mới vào quy hoạch (từ nguồn tại chỗ hoặc nơi khác). Mỗi người được kiểm tra theo QĐ 377-QĐ/TW; khi ghi nhận, quyết định được kiểm tra lại trong cùng một lần lưu."
      />
      <Form
        form={form}
        layout="vertical"
        initialValues={{ source: 'inside' }}
        onFinish={(v) => {
          props.onChange([
            ...props.additions,
            {
              ...v,
              key: Date.now(),
              memberName: '',
              nominationRound: v.nominationRound ?? '',
              votesCast: v.votesCast ?? null,
              votesFor: v.votesFor ?? null,
            },
          ]);
          form.resetFields(['memberId', 'votesCast', 'votesFor', 'nominationRound']);
        }}
      >
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item
              name="poolId"
              label="Chức danh quy hoạch"
              rules={[{ required: true, message: 'Chọn chức danh' }]}
            >
              <Select options={pools} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="memberId"
              label="Người được giới thiệu"
              rules={[{ required: true, message: 'Chọn một người' }]}
            >
              <MemberPicker />
            </Form.Item>
          </Col>
        </Row>
        {poolId && memberId && (
          <div style={{ marginBottom: 12 }}>
            <CandidateChecks poolId={poolId} memberId={memberId} decisionDate={props.date} />
          </div>
        )}
        <Row gutter={12}>
          <Col span={6}>
            <Form.Item name="source" label="Nguồn">
              <Select
                options={planningSources.map((s) => ({ value: s, label: planningSourceLabels[s] }))}
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="nominationRound" label="Bước giới thiệu">
              <Input />
            </Form.Item>
          </Col>
          <Col span={5}>
            <Form.Item name="votesCast" label="Phiếu phát ra">
              <InputNumber min={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={5}>
            <Form.Item name="votesFor" label="Phiếu giới thiệu">
              <InputNumber min={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Button htmlType="submit">Thêm vào danh sách bổ sung</Button>
      </Form>
      <Table<Addition>
        style={{ marginTop: 12 }}
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={props.additions}
        locale={{ emptyText: 'Chưa có người bổ sung' }}
        columns={[
          {
            title: 'Chức danh',
            render: (_, a) =>
              pools.find((x) => x.value === a.poolId)?.label.replace(/ \(còn.*$/, ''),
          },
          { title: 'Người được giới thiệu', render: (_, a) => <MemberName id={a.memberId} /> },
          { title: 'Nguồn', render: (_, a) => planningSourceLabels[a.source] },
          {
            title: 'Số phiếu',
            render: (_, a) => (a.votesCast !== null ? `${a.votesFor}/${a.votesCast}` : '—'),
          },
          {
            title: '',
            render: (_, a) => (
              <Button
                size="small"
                onClick={() => props.onChange(props.additions.filter((x) => x !== a))}
              >
                Bỏ
              </Button>
            ),
          },
        ]}
      />
      <Space style={{ marginTop: 12 }}>
        <Button onClick={props.onBack}>Quay lại</Button>
        <Button type="primary" onClick={props.onNext}>
          Tiếp: quyết định
        </Button>
      </Space>
    </>
  );
}

function MemberName({ id }: { id: number }) {
  const q = useQuery({
    queryKey: ['member', id],
    queryFn: () => api.get<{ fullName: string }>(`/api/members/${id}`),
    staleTime: 60_000,
  });
  return <>{q.data?.fullName ?? '…'}</>;
}

function DecisionStep(props: {
  preview: ReviewPreviewDto;
  removals: Map<number, string>;
  additions: Addition[];
  writer: boolean;
  onBack: () => void;
  onDone: (r: ReviewDto) => void;
}) {
  const [form] = Form.useForm<{ decisionNumber: string; decisionDate: string; note: string }>();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const names = new Map(
    props.preview.pools.flatMap((p) => p.entries.map((e) => [e.id, e.fullName])),
  );
  const m = useMutation({
    mutationFn: (v: { decisionNumber: string; decisionDate: string; note: string }) =>
      api.post<ReviewDto>('/api/planning/reviews', {
        unitId: props.preview.unitId,
        term: props.preview.term,
        decisionNumber: v.decisionNumber,
        decisionDate: v.decisionDate,
        note: v.note ?? '',
        removals: [...props.removals].map(([entryId, reason]) => ({ entryId, reason })),
        additions: props.additions.map(({ key, memberName, ...a }) => {
          void key;
          void memberName;
          return a;
        }),
      }),
    onSuccess: (r) => {
      void message.success('Đã ghi nhận kết quả rà soát');
      void qc.invalidateQueries({ queryKey: ['planning'] });
      props.onDone(r);
    },
    onError: (e) => handleError(e, { form }),
  });
  return (
    <>
      <Typography.Title level={5}>Đưa ra khỏi quy hoạch ({props.removals.size})</Typography.Title>
      <List
        size="small"
        dataSource={[...props.removals]}
        locale={{ emptyText: 'Không có' }}
        renderItem={([id, reason]) => (
          <List.Item>
            {names.get(id)} — {reason}
          </List.Item>
        )}
      />
      <Typography.Title level={5}>Bổ sung quy hoạch ({props.additions.length})</Typography.Title>
      <List
        size="small"
        dataSource={props.additions}
        locale={{ emptyText: 'Không có' }}
        renderItem={(a) => (
          <List.Item>
            <MemberName id={a.memberId} /> —{' '}
            {props.preview.pools.find((x) => x.id === a.poolId)?.postTitleName}
          </List.Item>
        )}
      />
      <Form
        form={form}
        layout="vertical"
        initialValues={{ decisionDate: todayIso() }}
        onFinish={(v) => m.mutate(v)}
        style={{ maxWidth: 600, marginTop: 12 }}
      >
        <Form.Item
          name="decisionNumber"
          label="Số quyết định (nghị quyết) rà soát"
          rules={[{ required: true, message: 'Nhập số quyết định' }]}
        >
          <Input />
        </Form.Item>
        <Form.Item
          name="decisionDate"
          label="Ngày quyết định"
          rules={[{ required: true, message: 'Chọn ngày' }]}
        >
          <IsoDatePicker />
        </Form.Item>
        <Form.Item name="note" label="Ghi chú">
          <Input.TextArea rows={2} />
        </Form.Item>
        <Space>
          <Button onClick={props.onBack}>Quay lại</Button>
          <Button type="primary" htmlType="submit" loading={m.isPending} disabled={!props.writer}>
            Ghi nhận kết quả rà soát
          </Button>
        </Space>
      </Form>
    </>
  );
}
