import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api } from '../../api/client.ts';
import type { ReconciliationDto } from '../../../../src/contracts/elections.ts';
import { CheckLine, parsePositions } from './shared.tsx';
import { problemText, useElectionAction, useEntryRound, useReconciliation } from './api.ts';

type Disagreement = ReconciliationDto['batches'][number]['disagreements'][number];
type Version = Disagreement['versions'][number];

/**
 * The counting committee's view: each batch's copies compared ballot by ballot (only once every
 * copy is finished), every disagreement side by side with the choice of a version, the ballot
 * counts, and closing the round (which freezes it for good).
 */
export default function ReconcilePage() {
  const roundId = Number(useParams().id);
  const navigate = useNavigate();
  const { message } = App.useApp();
  const q = useReconciliation(roundId);
  const entry = useEntryRound(roundId);
  const [error, setError] = useState<string | null>(null);
  const onError = (e: unknown) => setError(problemText(e));
  const resolve = useElectionAction(
    (body: object) => api.post(`/api/election-rounds/${roundId}/resolutions`, body),
    () => {
      setError(null);
      void message.success('Đã ghi cách xử lý phiếu chênh lệch');
    },
  );
  const counts = useElectionAction(
    (v: { issued: number; returned: number }) =>
      api.put(`/api/election-rounds/${roundId}/counts`, { ...v, version: entry.data!.version }),
    () => {
      setError(null);
      void message.success('Đã ghi số phiếu phát ra, thu vào');
    },
  );
  const close = useElectionAction(
    () => api.post(`/api/election-rounds/${roundId}/close`, { version: entry.data!.version }),
    () => navigate(`/elections/rounds/${roundId}/results`),
  );
  if (q.error) return <Alert type="error" title={problemText(q.error)} />;
  const d = q.data;
  const e = entry.data;
  if (!d || !e) return null;
  const open = e.round.status === 'open';
  const posOf = new Map(e.candidates.map((c) => [c.id, c.position]));
  const strike = e.round.form === 'strike';
  const marksText = (v: Pick<Version, 'present' | 'issued' | 'struck' | 'agree' | 'disagree'>) => {
    if (!v.present) return <Tag>Không có phiếu này</Tag>;
    const names = (ids: number[]) => ids.map((id) => posOf.get(id)).join(', ') || '—';
    return (
      <span>
        {strike
          ? `Gạch: ${names(v.struck)}`
          : `Đồng ý: ${names(v.agree)}; không đồng ý: ${names(v.disagree)}`}
        {!v.issued && (
          <Tag color="red" style={{ marginLeft: 6 }}>
            Không do BKP phát ra
          </Tag>
        )}
      </span>
    );
  };
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={3} style={{ marginBottom: 0 }}>
          Đối chiếu, kết thúc vòng {e.round.number} — bầu {e.bodyName}
        </Typography.Title>
        <Space>
          <Typography.Text type="secondary">{e.congressName}</Typography.Text>
          <Link to={`/elections/rounds/${roundId}/entry`}>Nhập phiếu</Link>
        </Space>
      </div>
      {error && <Alert type="error" title={error} closable onClose={() => setError(null)} />}
      <Typography.Text>
        Số thứ tự trên phiếu: {e.candidates.map((c) => `${c.position}. ${c.fullName}`).join('; ')}
      </Typography.Text>
      {d.batches.map((b) => (
        <Card
          key={b.batchId}
          size="small"
          title={b.batchName}
          extra={
            b.comparable ? (
              <Tag color={b.disagreements.some((x) => !x.resolution) ? 'red' : 'green'}>
                {b.ballots} phiếu được tính · {b.disagreements.length} phiếu chênh lệch
              </Tag>
            ) : (
              <Tag color="blue">
                Đang nhập: {b.finishedCopies}/{d.entryCopies} lần nhập đã xác nhận xong
              </Tag>
            )
          }
        >
          {b.comparable && b.disagreements.length === 0 && (
            <Typography.Text type="success">Các lần nhập khớp nhau ở mọi phiếu.</Typography.Text>
          )}
          {b.disagreements.map((x) => (
            <Card
              key={x.serial}
              type="inner"
              size="small"
              data-testid={`disagreement-${x.serial}`}
              title={`Phiếu số ${x.serial}`}
              style={{ marginBottom: 8 }}
              extra={
                x.resolution ? (
                  <Tag color="green">
                    Đã xử lý ({x.resolution.by}): {marksText(x.resolution)}
                  </Tag>
                ) : (
                  <Tag color="red">Chưa xử lý</Tag>
                )
              }
            >
              <Table
                rowKey="copy"
                size="small"
                pagination={false}
                dataSource={x.versions}
                columns={[
                  { title: 'Lần nhập', dataIndex: 'copy', width: 90 },
                  { title: 'Nội dung', render: (_, v) => marksText(v) },
                  {
                    title: 'Kết quả',
                    render: (_, v) =>
                      v.judgement
                        ? v.judgement.valid
                          ? 'Hợp lệ'
                          : `Không hợp lệ: ${v.judgement.reason}`
                        : '—',
                  },
                  {
                    title: '',
                    width: 200,
                    render: (_, v) =>
                      open && (
                        <Button
                          size="small"
                          data-testid={`choose-${x.serial}-copy-${v.copy}`}
                          loading={resolve.isPending}
                          onClick={() =>
                            resolve.mutate(
                              {
                                batchId: b.batchId,
                                serial: x.serial,
                                source: `copy_${v.copy}`,
                                issued: true,
                              },
                              { onError },
                            )
                          }
                        >
                          Lấy theo lần nhập {v.copy}
                        </Button>
                      ),
                  },
                ]}
              />
              {open && (
                <Reread
                  strike={strike}
                  byPos={new Map(e.candidates.map((c) => [c.position, c.id]))}
                  onSave={(marks) =>
                    resolve.mutate(
                      { batchId: b.batchId, serial: x.serial, source: 'reread', ...marks },
                      { onError },
                    )
                  }
                />
              )}
            </Card>
          ))}
        </Card>
      ))}
      <Card title="Số phiếu" size="small">
        <Form
          layout="inline"
          initialValues={{
            issued: d.counts.issued ?? undefined,
            returned: d.counts.returned ?? undefined,
          }}
          onFinish={(v: { issued: number; returned: number }) => counts.mutate(v, { onError })}
          disabled={!open}
        >
          <Form.Item
            name="issued"
            label="Số phiếu phát ra"
            rules={[{ required: true, message: 'Nhập số' }]}
          >
            <InputNumber aria-label="Số phiếu phát ra" min={0} />
          </Form.Item>
          <Form.Item
            name="returned"
            label="Số phiếu thu vào"
            rules={[{ required: true, message: 'Nhập số' }]}
          >
            <InputNumber aria-label="Số phiếu thu vào" min={0} />
          </Form.Item>
          <Button htmlType="submit" loading={counts.isPending}>
            Ghi số phiếu
          </Button>
        </Form>
        <Typography.Paragraph style={{ marginTop: 8 }}>
          Số phiếu được tính sau đối chiếu: {d.counts.entered}
        </Typography.Paragraph>
        <Space orientation="vertical">
          {d.counts.checks.map((c, i) => (
            <CheckLine key={i} check={c} />
          ))}
        </Space>
      </Card>
      {open && (
        <Card title="Kết thúc vòng bầu" size="small">
          {d.blockers.length > 0 && (
            <Alert
              type="warning"
              title="Chưa thể kết thúc vòng bầu"
              description={
                <ul style={{ margin: 0 }}>
                  {d.blockers.map((m) => (
                    <li key={m}>{m}</li>
                  ))}
                </ul>
              }
              style={{ marginBottom: 12 }}
            />
          )}
          <Popconfirm
            title="Kết thúc vòng bầu?"
            description="Phiếu và kết quả sẽ bị khóa vĩnh viễn, không ai sửa được (kể cả quản trị)."
            okText="Kết thúc và khóa"
            cancelText="Chưa"
            onConfirm={() => close.mutate(undefined, { onError })}
          >
            <Button type="primary" danger disabled={!d.canClose} loading={close.isPending}>
              Kết thúc vòng bầu và khóa kết quả
            </Button>
          </Popconfirm>
        </Card>
      )}
    </Space>
  );
}

/** The committee reads the paper ballot again and enters what it says. */
function Reread({
  strike,
  byPos,
  onSave,
}: {
  strike: boolean;
  byPos: Map<number, number>;
  onSave: (marks: {
    issued: boolean;
    struck: number[];
    agree: number[];
    disagree: number[];
  }) => void;
}) {
  const [marks, setMarks] = useState('');
  const [against, setAgainst] = useState('');
  const [issued, setIssued] = useState(true);
  const ids = (s: string) =>
    parsePositions(s)
      .map((p) => byPos.get(p))
      .filter((x): x is number => x !== undefined);
  return (
    <Space wrap style={{ marginTop: 8 }}>
      <Typography.Text>Đọc lại phiếu gốc:</Typography.Text>
      <Input
        aria-label={strike ? 'Đọc lại: số thứ tự tên bị gạch' : 'Đọc lại: số thứ tự tên đồng ý'}
        addonBefore={strike ? 'Gạch tên' : 'Đồng ý'}
        value={marks}
        onChange={(e) => setMarks(e.target.value)}
        style={{ width: 220 }}
      />
      {!strike && (
        <Input
          aria-label="Đọc lại: số thứ tự tên không đồng ý"
          addonBefore="Không đồng ý"
          value={against}
          onChange={(e) => setAgainst(e.target.value)}
          style={{ width: 240 }}
        />
      )}
      <Checkbox checked={issued} onChange={(e) => setIssued(e.target.checked)}>
        Do BKP phát ra
      </Checkbox>
      <Button
        size="small"
        onClick={() =>
          onSave({
            issued,
            struck: strike ? ids(marks) : [],
            agree: strike ? [] : ids(marks),
            disagree: strike ? [] : ids(against),
          })
        }
      >
        Ghi theo phiếu đọc lại
      </Button>
    </Space>
  );
}
