import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  Modal,
  Radio,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../api/client.ts';
import { formatDateTime } from '../../components/DateField.tsx';
import { useCurrentUser } from '../auth/auth.tsx';
import { canWrite } from '../../lib/roles.ts';
import { formatNumber } from '../../lib/vn.ts';
import type { RoundDecisionKind, RoundReport } from '../../../../src/contracts/elections.ts';
import { roundDecisionLabels } from '../../../../src/contracts/elections.ts';
import { Citations, pct, RoundStatusTag } from './shared.tsx';
import { RoundDocumentsButtons } from './documents/RoundDocumentsButtons.tsx';
import { problemText, useElectionAction, useEntryLog, useRoundReport } from './api.ts';

/** Results of a round: the counting table, the presidium's decision, annulment, log, announcement. */
export default function ResultsPage() {
  const roundId = Number(useParams().id);
  const user = useCurrentUser();
  const q = useRoundReport(roundId);
  const [tab, setTab] = useState('results');
  if (q.error) return <Alert type="error" title={problemText(q.error)} />;
  const r = q.data;
  if (!r) return null;
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={3} style={{ marginBottom: 0 }}>
          Kết quả bầu {r.body.name} — vòng {r.round.number}
        </Typography.Title>
        <Space>
          <Typography.Text type="secondary">{r.congress.name}</Typography.Text>
          <RoundStatusTag status={r.round.status} label={r.round.statusLabel} />
          <Link to={`/elections/${r.election.id}`}>Về cuộc bầu</Link>
        </Space>
      </div>
      <RoundDocumentsButtons roundId={roundId} closed={r.round.status === 'closed'} />
      {r.provisional && (
        <Alert
          type="info"
          title="Kết quả tạm tính: vòng bầu chưa kết thúc, chỉ tính các phiếu đã khớp hoặc đã xử lý."
        />
      )}
      {r.round.annulment && (
        <Alert
          type="error"
          title={`Kết quả vòng bầu đã bị cấp trên hủy (${r.round.annulment.decision})`}
          description={`${r.round.annulment.reason} — ${r.round.annulment.by}, ${formatDateTime(r.round.annulment.at)}. Dữ liệu gốc được giữ nguyên.`}
        />
      )}
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          { key: 'results', label: 'Kết quả kiểm phiếu', children: <Results r={r} /> },
          { key: 'announce', label: 'Công bố kết quả', children: <Announcement r={r} /> },
          ...(canWrite(user)
            ? [
                {
                  key: 'log',
                  label: 'Nhật ký nhập phiếu',
                  children: <Log roundId={roundId} active={tab === 'log'} />,
                },
              ]
            : []),
        ]}
      />
    </Space>
  );
}

function Results({ r }: { r: RoundReport }) {
  const user = useCurrentUser();
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Descriptions size="small" bordered column={2}>
        <Descriptions.Item label="Số lượng bầu">{r.round.seats}</Descriptions.Item>
        <Descriptions.Item label="Hình thức phiếu">{r.round.formLabel}</Descriptions.Item>
        <Descriptions.Item label="Triệu tập / có mặt / vắng">
          {r.attendance.summoned} / {r.attendance.present} / {r.attendance.absent}
        </Descriptions.Item>
        <Descriptions.Item label="Căn cứ tính tỷ lệ (tổng số được triệu tập sau loại trừ)">
          <strong data-testid="threshold-base">{formatNumber(r.base.value)}</strong>
          {r.base.breakdown.some((b) => b.count > 0) &&
            ` (trừ ${r.base.breakdown
              .filter((b) => b.count > 0)
              .map((b) => `${b.label}: ${b.count}`)
              .join('; ')})`}
        </Descriptions.Item>
        <Descriptions.Item label="Phiếu phát ra / thu vào">
          {r.ballots.issued} / {r.ballots.returned}
        </Descriptions.Item>
        <Descriptions.Item label="Hợp lệ / không hợp lệ">
          {r.ballots.valid} / {r.ballots.invalid}
          {r.ballots.invalidReasons.map((x) => ` · ${x.reason}: ${x.count}`).join('')}
        </Descriptions.Item>
        {r.round.frozenAt && (
          <Descriptions.Item label="Kết thúc, khóa kết quả" span={2}>
            {formatDateTime(r.round.frozenAt)} ({r.round.frozenBy})
          </Descriptions.Item>
        )}
      </Descriptions>
      <Table
        rowKey="candidateId"
        size="small"
        pagination={false}
        data-testid="results-table"
        dataSource={[...r.candidates].sort((a, b) => b.votes - a.votes)}
        columns={[
          { title: 'Họ và tên', dataIndex: 'fullName' },
          { title: 'Số phiếu', dataIndex: 'votes', width: 100 },
          { title: 'Tỷ lệ so với tổng số triệu tập', render: (_, c) => pct(c.percent), width: 220 },
          {
            title: 'Kết quả',
            render: (_, c) =>
              c.elected ? <Tag color="green">Trúng cử</Tag> : <Tag>Không trúng cử</Tag>,
          },
        ]}
      />
      <Citations citations={r.citations} />
      {r.needsDecision.needed && <Decision r={r} writer={canWrite(user)} />}
      {/* Only the level above may annul: an account bound to the congress's own unit is not. */}
      {!r.provisional &&
        !r.round.annulment &&
        canWrite(user) &&
        user.unitId !== r.congress.unitId && <Annul r={r} />}
    </Space>
  );
}

function Decision({ r, writer }: { r: RoundReport; writer: boolean }) {
  const { message } = App.useApp();
  const [kind, setKind] = useState<RoundDecisionKind | null>(null);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const decide = useElectionAction(
    () => api.post(`/api/election-rounds/${r.round.id}/decision`, { kind, note }),
    () => void message.success('Đã ghi quyết định của đoàn chủ tịch'),
  );
  return (
    <Card size="small" title="Cần đại hội quyết định" style={{ borderColor: '#faad14' }}>
      <Typography.Paragraph>{r.needsDecision.reason}</Typography.Paragraph>
      {r.decision ? (
        <Alert
          type="success"
          title={`Đã quyết định: ${r.decision.label}`}
          description={`${r.decision.note ?? ''} — ${r.decision.by}, ${formatDateTime(r.decision.at)}`}
        />
      ) : (
        !r.provisional &&
        writer && (
          <Space orientation="vertical">
            <Radio.Group
              value={kind}
              onChange={(e) => setKind(e.target.value as RoundDecisionKind)}
            >
              <Space orientation="vertical">
                <Radio value="another_round">{roundDecisionLabels.another_round}</Radio>
                <Radio value="stop">{roundDecisionLabels.stop}</Radio>
              </Space>
            </Radio.Group>
            <Input.TextArea
              aria-label="Ghi chú quyết định"
              placeholder="Ghi chú (kết quả biểu quyết của đại hội…)"
              value={note}
              onChange={(e) => setNote(e.target.value)}
            />
            {error && <Alert type="error" title={error} />}
            <Button
              type="primary"
              disabled={!kind}
              loading={decide.isPending}
              onClick={() => decide.mutate(undefined, { onError: (e) => setError(problemText(e)) })}
            >
              Ghi quyết định
            </Button>
          </Space>
        )
      )}
    </Card>
  );
}

function Annul({ r }: { r: RoundReport }) {
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ decision: string; reason: string }>();
  const [error, setError] = useState<string | null>(null);
  const annul = useElectionAction(
    (v: { decision: string; reason: string }) =>
      api.post(`/api/election-rounds/${r.round.id}/annul`, v),
    () => {
      setOpen(false);
      void message.success('Đã ghi việc hủy kết quả');
    },
  );
  return (
    <>
      <Button danger onClick={() => setOpen(true)}>
        Cấp trên hủy kết quả vòng bầu…
      </Button>
      <Modal
        open={open}
        title="Hủy kết quả vòng bầu (chỉ cấp trên)"
        okText="Hủy kết quả"
        okButtonProps={{ danger: true, loading: annul.isPending }}
        cancelText="Đóng"
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
      >
        {error && <Alert type="error" title={error} style={{ marginBottom: 12 }} />}
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) => annul.mutate(v, { onError: (e) => setError(problemText(e)) })}
        >
          <Form.Item
            name="decision"
            label="Quyết định số"
            rules={[{ required: true, message: 'Nhập quyết định' }]}
          >
            <Input />
          </Form.Item>
          <Form.Item
            name="reason"
            label="Lý do"
            rules={[{ required: true, min: 5, message: 'Nhập lý do' }]}
          >
            <Input.TextArea />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

function Announcement({ r }: { r: RoundReport }) {
  return (
    <Card data-testid="announcement">
      <Typography.Title level={4} style={{ textAlign: 'center' }}>
        CÔNG BỐ KẾT QUẢ BẦU {r.body.name.toUpperCase()}
      </Typography.Title>
      <Typography.Paragraph style={{ textAlign: 'center' }}>
        {r.congress.name} · Vòng {r.round.number}
      </Typography.Paragraph>
      <Typography.Paragraph>
        Tổng số được triệu tập làm căn cứ: {r.base.value}. Số phiếu phát ra: {r.ballots.issued}; thu
        vào: {r.ballots.returned}; hợp lệ: {r.ballots.valid}; không hợp lệ: {r.ballots.invalid}.
      </Typography.Paragraph>
      <Typography.Paragraph strong>
        Những đồng chí trúng cử ({r.elected.length}/{r.round.seats}), theo thứ tự số phiếu từ cao
        xuống thấp:
      </Typography.Paragraph>
      <ol>
        {r.elected.map((c) => (
          <li key={c.candidateId}>
            Đồng chí {c.fullName}: {c.votes} phiếu, đạt {pct(c.percent)} so với tổng số được triệu
            tập
          </li>
        ))}
      </ol>
      {r.elected.length === 0 && (
        <Typography.Paragraph>Không có đồng chí nào trúng cử.</Typography.Paragraph>
      )}
      {r.provisional && <Tag color="blue">Tạm tính — vòng bầu chưa kết thúc</Tag>}
    </Card>
  );
}

function Log({ roundId, active }: { roundId: number; active: boolean }) {
  const [page, setPage] = useState(1);
  const q = useEntryLog(roundId, page, active);
  return (
    <Table
      rowKey={(x) => `${x.kind}-${x.id}`}
      size="small"
      loading={q.isLoading}
      dataSource={q.data?.items ?? []}
      pagination={{
        current: page,
        pageSize: 50,
        total: q.data?.total ?? 0,
        onChange: setPage,
        showSizeChanger: false,
      }}
      columns={[
        { title: 'Thời điểm', render: (_, x) => formatDateTime(x.at), width: 150 },
        {
          title: 'Loại',
          render: (_, x) => (x.kind === 'entry' ? 'Nhập phiếu' : 'BKP xử lý chênh lệch'),
          width: 160,
        },
        { title: 'Tập phiếu', dataIndex: 'batchName' },
        { title: 'Lần nhập', render: (_, x) => x.copy ?? '—', width: 90 },
        { title: 'Số phiếu', dataIndex: 'serial', width: 90 },
        { title: 'Nội dung', dataIndex: 'detail' },
        { title: 'Người thực hiện', dataIndex: 'by' },
      ]}
    />
  );
}
