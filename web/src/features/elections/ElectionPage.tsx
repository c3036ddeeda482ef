import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../api/client.ts';
import { formatDateTime } from '../../components/DateField.tsx';
import type { CandidateDto } from '../../../../src/contracts/elections.ts';
import { CheckLine, RoundStatusTag } from './shared.tsx';
import { problemText, useElection, useElectionAction } from './api.ts';
import { AcceptResultsCard } from './documents/AcceptResultsCard.tsx';
import { ElectedBodyStats } from './documents/ElectedBodyStats.tsx';

interface NomineeValues {
  source: 'floor' | 'self';
  fullName: string;
  nominationAgree: number;
  nominationPresent: number;
}

/** One election: its list (with the blocking checks), approval, and its rounds. */
export default function ElectionPage() {
  const id = Number(useParams().id);
  const { message } = App.useApp();
  const q = useElection(id);
  const [error, setError] = useState<string | null>(null);
  const [nomineeForm] = Form.useForm<NomineeValues>();
  const [approveForm] = Form.useForm<{ agree: number; present: number }>();
  const [roundForm] = Form.useForm<{ entryCopies: number }>();
  const [withdrawing, setWithdrawing] = useState<CandidateDto | null>(null);
  const [reason, setReason] = useState('');
  const onError = (e: unknown) => setError(problemText(e));
  const done = (text: string) => () => {
    setError(null);
    void message.success(text);
  };
  const addNominee = useElectionAction(
    (v: NomineeValues) => api.post(`/api/elections/${id}/candidates`, v),
    () => {
      nomineeForm.resetFields();
      done('Đã đưa vào danh sách bầu cử')();
    },
  );
  const withdraw = useElectionAction(
    (v: { candidateId: number; reason: string }) =>
      api.post(`/api/elections/${id}/candidates/${v.candidateId}/withdraw`, { reason: v.reason }),
    () => {
      setWithdrawing(null);
      setReason('');
      done('Đã rút tên khỏi danh sách')();
    },
  );
  const approve = useElectionAction(
    (v: { agree: number; present: number }) =>
      api.post(`/api/elections/${id}/approve-list`, { ...v, version: q.data!.version }),
    done('Đã ghi biểu quyết; danh sách bầu cử đã khóa'),
  );
  const openRound = useElectionAction(
    (v: { entryCopies: number }) => api.post(`/api/elections/${id}/rounds`, v),
    done('Đã mở vòng bầu'),
  );
  if (q.error) return <Alert type="error" title={problemText(q.error)} />;
  const e = q.data;
  if (!e) return null;
  const draft = e.listStatus === 'draft';
  const lastRound = e.rounds.at(-1);
  const canOpenRound =
    e.canWrite &&
    !draft &&
    (!lastRound ||
      lastRound.status === 'annulled' ||
      (lastRound.status === 'closed' && lastRound.decision === 'another_round'));
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={3} style={{ marginBottom: 0 }}>
          Bầu {e.bodyName}
        </Typography.Title>
        <Typography.Text type="secondary">
          <Link to={`/congresses/${e.congressId}`}>{e.congressName}</Link> · Số lượng bầu: {e.seats}{' '}
          · Đã trúng cử: {e.electedSoFar}
        </Typography.Text>
      </div>
      {error && <Alert type="error" title={error} closable onClose={() => setError(null)} />}
      <Card
        title="Danh sách bầu cử"
        extra={<Tag color={draft ? 'blue' : 'green'}>{e.listStatusLabel}</Tag>}
      >
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={e.candidates}
          rowClassName={(c) => (c.withdrawn ? 'ant-table-row-disabled' : '')}
          columns={[
            { title: 'TT', width: 50, render: (_, __, i) => i + 1 },
            {
              title: 'Họ và tên',
              render: (_, c) =>
                c.withdrawn ? <Typography.Text delete>{c.fullName}</Typography.Text> : c.fullName,
            },
            { title: 'Nguồn', dataIndex: 'sourceLabel' },
            {
              title: 'Biểu quyết đưa vào danh sách',
              render: (_, c) =>
                c.nominationPresent !== null
                  ? `${c.nominationAgree}/${c.nominationPresent} người có mặt đồng ý`
                  : '—',
            },
            {
              title: '',
              width: 120,
              render: (_, c) =>
                c.withdrawn ? (
                  <Typography.Text type="secondary">Đã rút: {c.withdrawnReason}</Typography.Text>
                ) : (
                  draft &&
                  e.canWrite && (
                    <Button size="small" onClick={() => setWithdrawing(c)}>
                      Rút tên
                    </Button>
                  )
                ),
            },
          ]}
        />
        <Typography.Title level={5} style={{ marginTop: 16 }}>
          Kiểm tra danh sách
        </Typography.Title>
        <Space orientation="vertical" data-testid="list-checks">
          {e.checks.map((c, i) => (
            <CheckLine key={i} check={c} />
          ))}
        </Space>
        {draft && e.canWrite && (
          <>
            <Typography.Title level={5} style={{ marginTop: 16 }}>
              Đại hội đề cử, tự ứng cử
            </Typography.Title>
            <Form
              form={nomineeForm}
              layout="inline"
              initialValues={{ source: 'floor' }}
              onFinish={(v) => addNominee.mutate(v, { onError })}
            >
              <Form.Item name="source">
                <Select
                  aria-label="Hình thức"
                  style={{ width: 160 }}
                  options={[
                    { value: 'floor', label: 'Đại hội đề cử' },
                    { value: 'self', label: 'Tự ứng cử' },
                  ]}
                />
              </Form.Item>
              <Form.Item name="fullName" rules={[{ required: true, message: 'Nhập họ và tên' }]}>
                <Input aria-label="Họ và tên người được đề cử" placeholder="Họ và tên" />
              </Form.Item>
              <Form.Item
                name="nominationAgree"
                label="Số đồng ý"
                rules={[{ required: true, message: 'Nhập số' }]}
              >
                <InputNumber aria-label="Số đồng ý" min={0} />
              </Form.Item>
              <Form.Item
                name="nominationPresent"
                label="Số có mặt"
                rules={[{ required: true, message: 'Nhập số' }]}
              >
                <InputNumber aria-label="Số có mặt" min={1} />
              </Form.Item>
              <Button htmlType="submit" loading={addNominee.isPending}>
                Đưa vào danh sách
              </Button>
            </Form>
            <Typography.Title level={5} style={{ marginTop: 16 }}>
              Biểu quyết thông qua danh sách
            </Typography.Title>
            <Form
              form={approveForm}
              layout="inline"
              onFinish={(v) => approve.mutate(v, { onError })}
            >
              <Form.Item
                name="agree"
                label="Số đồng ý"
                rules={[{ required: true, message: 'Nhập số' }]}
              >
                <InputNumber aria-label="Số đồng ý thông qua danh sách" min={0} />
              </Form.Item>
              <Form.Item
                name="present"
                label="Số có mặt"
                rules={[{ required: true, message: 'Nhập số' }]}
              >
                <InputNumber aria-label="Số có mặt khi biểu quyết" min={1} />
              </Form.Item>
              <Button
                type="primary"
                htmlType="submit"
                disabled={!e.canApprove}
                loading={approve.isPending}
              >
                Thông qua và khóa danh sách
              </Button>
            </Form>
          </>
        )}
        {!draft && (
          <Descriptions size="small" style={{ marginTop: 16 }} column={1}>
            <Descriptions.Item label="Đại hội biểu quyết thông qua">
              {e.approveAgree}/{e.approvePresent} đồng ý, {formatDateTime(e.approvedAt)} (
              {e.approvedBy})
            </Descriptions.Item>
          </Descriptions>
        )}
      </Card>
      <Card title="Các vòng bầu">
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={e.rounds}
          locale={{ emptyText: 'Chưa có vòng bầu nào' }}
          columns={[
            { title: 'Vòng', dataIndex: 'number', width: 70 },
            { title: 'Số lượng bầu', dataIndex: 'seats', width: 110 },
            {
              title: 'Hình thức phiếu',
              render: (_, r) => (r.form === 'strike' ? 'Gạch tên' : 'Đồng ý / không đồng ý'),
            },
            { title: 'Số lần nhập', dataIndex: 'entryCopies', width: 100 },
            {
              title: 'Trạng thái',
              render: (_, r) => <RoundStatusTag status={r.status} label={r.statusLabel} />,
            },
            {
              title: 'Trúng cử',
              render: (_, r) =>
                r.electedCount === null
                  ? '—'
                  : `${r.electedCount}/${r.seats}${r.needsDecision ? ' · cần quyết định' : ''}`,
            },
            {
              title: '',
              render: (_, r) => (
                <Space>
                  <Link to={`/elections/rounds/${r.id}/entry`}>Nhập phiếu</Link>
                  <Link to={`/elections/rounds/${r.id}/reconcile`}>Đối chiếu</Link>
                  <Link
                    to={`/elections/rounds/${r.id}/results`}
                    data-testid={`round-results-${r.number}`}
                  >
                    Kết quả
                  </Link>
                </Space>
              ),
            },
          ]}
        />
        {canOpenRound && (
          <Form
            form={roundForm}
            layout="inline"
            style={{ marginTop: 12 }}
            initialValues={{ entryCopies: 2 }}
            onFinish={(v) => openRound.mutate(v, { onError })}
          >
            <Form.Item name="entryCopies" label="Số lần nhập độc lập">
              <Select
                aria-label="Số lần nhập độc lập"
                style={{ width: 200 }}
                options={[1, 2, 3].map((n) => ({ value: n, label: `${n} lần (${n} máy)` }))}
              />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={openRound.isPending}>
              {lastRound ? 'Mở vòng bầu tiếp' : 'Mở vòng bầu 1'}
            </Button>
          </Form>
        )}
      </Card>
      {!draft && <ElectedBodyStats electionId={id} />}
      {e.rounds.some((r) => r.status === 'closed') && <AcceptResultsCard electionId={id} />}
      <Modal
        open={withdrawing !== null}
        title={`Rút tên ${withdrawing?.fullName ?? ''} khỏi danh sách`}
        okText="Rút tên"
        cancelText="Hủy"
        okButtonProps={{ disabled: reason.trim().length < 2, loading: withdraw.isPending }}
        onCancel={() => setWithdrawing(null)}
        onOk={() => withdraw.mutate({ candidateId: withdrawing!.id, reason }, { onError })}
      >
        <Input.TextArea
          aria-label="Lý do rút tên"
          value={reason}
          onChange={(ev) => setReason(ev.target.value)}
        />
      </Modal>
    </Space>
  );
}
