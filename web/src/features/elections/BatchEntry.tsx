import { useEffect, useMemo, useRef, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Input,
  Popconfirm,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { InputRef } from 'antd';
import { api } from '../../api/client.ts';
import type { BallotEntryDto, EntryRoundDto } from '../../../../src/contracts/elections.ts';
import { parsePositions } from './shared.tsx';
import { problemText, useElectionAction, useMyEntries } from './api.ts';

type Judgement = BallotEntryDto['judgement'];

function nextSerial(s: string): string {
  const m = /^(.*?)(\d+)$/.exec(s);
  if (!m) return '';
  const n = String(Number(m[2]) + 1).padStart(m[2]!.length, '0');
  return `${m[1]}${n}`;
}

/** One operator's own copy of a batch: keyboard entry, validity at once, own ballots only. */
export default function BatchEntry({ round, batchId }: { round: EntryRoundDto; batchId: number }) {
  const { message } = App.useApp();
  const roundId = round.round.id;
  const mine = useMyEntries(roundId, batchId);
  const strike = round.round.form === 'strike';
  const open = round.round.status === 'open';
  const byPos = useMemo(() => new Map(round.candidates.map((c) => [c.position, c])), [round]);
  const posOf = useMemo(() => new Map(round.candidates.map((c) => [c.id, c.position])), [round]);
  const [serial, setSerial] = useState('1');
  const [issued, setIssued] = useState(true);
  const [marks, setMarks] = useState(''); // struck (strike form) or agree (yes/no form)
  const [against, setAgainst] = useState(''); // disagree (yes/no form)
  const [correction, setCorrection] = useState(false);
  const [last, setLast] = useState<{
    serial: string;
    judgement: Judgement;
    deleted: boolean;
  } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const marksRef = useRef<InputRef>(null);
  const serialRef = useRef<InputRef>(null);
  useEffect(() => {
    // Continue after the last ballot of this copy.
    const items = mine.data?.items;
    if (items?.length) setSerial(nextSerial(items[0]!.serial) || '');
  }, [mine.data?.batchId]);

  const ids = (s: string) =>
    parsePositions(s)
      .map((p) => byPos.get(p)?.id)
      .filter((x): x is number => x !== undefined);
  const unknown = [...parsePositions(marks), ...parsePositions(against)].filter(
    (p) => !byPos.has(p),
  );
  const save = useElectionAction(
    (body: object) =>
      api.post<{ serial: string; deleted: boolean; judgement: Judgement }>(
        `/api/election-rounds/${roundId}/batches/${batchId}/ballots`,
        body,
      ),
    (r) => {
      setLast(r);
      setError(null);
      setMarks('');
      setAgainst('');
      setIssued(true);
      setCorrection(false);
      if (!r.deleted) setSerial(nextSerial(r.serial));
      marksRef.current?.focus();
    },
  );
  const finish = useElectionAction(
    () => api.post(`/api/election-rounds/${roundId}/batches/${batchId}/finish`),
    () => void message.success('Đã xác nhận nhập xong lần nhập này'),
  );
  const submit = () => {
    if (!serial.trim()) {
      serialRef.current?.focus();
      return setError('Nhập số phiếu.');
    }
    if (unknown.length)
      return setError(`Không có số thứ tự ${unknown.join(', ')} trong danh sách.`);
    save.mutate(
      {
        serial: serial.trim(),
        issued,
        correction,
        ...(strike ? { struck: ids(marks) } : { agree: ids(marks), disagree: ids(against) }),
      },
      { onError: (e) => setError(problemText(e)) },
    );
  };
  const toggle = (pos: number, which: 'marks' | 'against') => {
    const [value, set] = which === 'marks' ? [marks, setMarks] : [against, setAgainst];
    const cur = parsePositions(value);
    set(
      (cur.includes(pos) ? cur.filter((p) => p !== pos) : [...cur, pos].sort((a, b) => a - b)).join(
        ' ',
      ),
    );
  };
  const edit = (b: BallotEntryDto) => {
    setSerial(b.serial);
    setIssued(b.issued);
    setMarks((strike ? b.struck : b.agree).map((id) => posOf.get(id)).join(' '));
    setAgainst(b.disagree.map((id) => posOf.get(id)).join(' '));
    setCorrection(true);
    marksRef.current?.focus();
  };
  const finished = mine.data?.finished ?? false;
  const selected = new Set(parsePositions(marks));
  const selectedAgainst = new Set(parsePositions(against));
  const onEnter = (e: React.KeyboardEvent) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      submit();
    }
  };
  return (
    <Card
      title={`${mine.data?.batchName ?? ''} — lần nhập ${mine.data?.copy ?? ''} của bạn`}
      extra={
        open && !finished ? (
          <Popconfirm
            title="Xác nhận đã nhập xong tất cả phiếu của tập này?"
            description="Sau khi xác nhận, bạn không sửa được nữa; chênh lệch do ban kiểm phiếu xử lý."
            okText="Xác nhận"
            cancelText="Chưa"
            onConfirm={() => finish.mutate(undefined, { onError: (e) => setError(problemText(e)) })}
          >
            <Button>Xác nhận nhập xong</Button>
          </Popconfirm>
        ) : (
          finished && <Tag color="green">Đã xác nhận nhập xong</Tag>
        )
      }
    >
      {open && !finished && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text type="secondary">
            {strike
              ? 'Gõ số thứ tự các tên bị gạch (cách nhau bằng dấu cách) hoặc bấm vào tên; Enter để lưu và sang phiếu sau.'
              : 'Gõ số thứ tự các tên được đánh dấu “Đồng ý” và “Không đồng ý”, hoặc bấm vào ô; Enter để lưu.'}
          </Typography.Text>
          <Space wrap>
            <Input
              ref={serialRef}
              aria-label="Số phiếu"
              addonBefore="Số phiếu"
              value={serial}
              onChange={(e) => setSerial(e.target.value)}
              onKeyDown={onEnter}
              style={{ width: 200 }}
            />
            <Input
              ref={marksRef}
              autoFocus
              aria-label={strike ? 'Số thứ tự tên bị gạch' : 'Số thứ tự tên đồng ý'}
              addonBefore={strike ? 'Gạch tên' : 'Đồng ý'}
              value={marks}
              onChange={(e) => setMarks(e.target.value)}
              onKeyDown={onEnter}
              style={{ width: 280 }}
            />
            {!strike && (
              <Input
                aria-label="Số thứ tự tên không đồng ý"
                addonBefore="Không đồng ý"
                value={against}
                onChange={(e) => setAgainst(e.target.value)}
                onKeyDown={onEnter}
                style={{ width: 300 }}
              />
            )}
            <Checkbox checked={issued} onChange={(e) => setIssued(e.target.checked)}>
              Phiếu do ban kiểm phiếu phát ra
            </Checkbox>
            <Button type="primary" onClick={submit} loading={save.isPending}>
              {correction ? 'Lưu sửa phiếu' : 'Lưu phiếu'}
            </Button>
            {correction && <Tag color="orange">Đang sửa phiếu số {serial}</Tag>}
          </Space>
          <Space wrap data-testid="ballot-names">
            {round.candidates.map((c) => (
              <Space.Compact key={c.id}>
                <Button
                  aria-label={`${strike ? 'Gạch' : 'Đồng ý'} ${c.position}. ${c.fullName}`}
                  aria-pressed={selected.has(c.position)}
                  type={selected.has(c.position) ? 'primary' : 'default'}
                  danger={strike && selected.has(c.position)}
                  onClick={() => toggle(c.position, 'marks')}
                  style={
                    strike && selected.has(c.position)
                      ? { textDecoration: 'line-through' }
                      : undefined
                  }
                >
                  {c.position}. {c.fullName}
                </Button>
                {!strike && (
                  <Button
                    aria-label={`Không đồng ý ${c.position}. ${c.fullName}`}
                    aria-pressed={selectedAgainst.has(c.position)}
                    danger
                    type={selectedAgainst.has(c.position) ? 'primary' : 'default'}
                    onClick={() => toggle(c.position, 'against')}
                  >
                    Không
                  </Button>
                )}
              </Space.Compact>
            ))}
          </Space>
        </Space>
      )}
      {error && <Alert type="error" title={error} style={{ marginTop: 12 }} />}
      {last && (
        <Alert
          data-testid="last-ballot"
          style={{ marginTop: 12 }}
          type={last.deleted ? 'info' : last.judgement.valid ? 'success' : 'warning'}
          title={
            last.deleted
              ? `Đã bỏ phiếu số ${last.serial}`
              : last.judgement.valid
                ? `Phiếu số ${last.serial}: hợp lệ${
                    last.judgement.uncounted.length
                      ? ` (không tính cho: ${last.judgement.uncounted.map((id) => posOf.get(id)).join(', ')})`
                      : ''
                  }`
                : `Phiếu số ${last.serial}: KHÔNG hợp lệ — ${last.judgement.reason}`
          }
        />
      )}
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        Phiếu đã nhập: {mine.data?.total ?? 0} (hợp lệ {mine.data?.valid ?? 0}, không hợp lệ{' '}
        {mine.data?.invalid ?? 0})
      </Typography.Title>
      <Table
        rowKey="serial"
        size="small"
        loading={mine.isLoading}
        dataSource={mine.data?.items ?? []}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        columns={[
          { title: 'Số phiếu', dataIndex: 'serial', width: 100 },
          {
            title: strike ? 'Gạch tên' : 'Đồng ý / Không đồng ý',
            render: (_, b) =>
              strike
                ? b.struck.map((id) => posOf.get(id)).join(', ') || '—'
                : `${b.agree.map((id) => posOf.get(id)).join(', ') || '—'} / ${b.disagree.map((id) => posOf.get(id)).join(', ') || '—'}`,
          },
          {
            title: 'Do BKP phát ra',
            render: (_, b) => (b.issued ? 'Có' : <Tag color="red">Không</Tag>),
          },
          {
            title: 'Kết quả',
            render: (_, b) =>
              b.judgement.valid ? (
                <Tag color="green">Hợp lệ</Tag>
              ) : (
                <Tag color="red">{b.judgement.reason}</Tag>
              ),
          },
          { title: 'Số lần sửa', dataIndex: 'corrections', width: 90 },
          {
            title: '',
            width: 140,
            render: (_, b) =>
              open &&
              !finished && (
                <Space>
                  <Button size="small" onClick={() => edit(b)}>
                    Sửa
                  </Button>
                  <Popconfirm
                    title={`Bỏ phiếu số ${b.serial} (nhập nhầm)?`}
                    okText="Bỏ"
                    cancelText="Không"
                    onConfirm={() =>
                      save.mutate(
                        { serial: b.serial, issued: b.issued, correction: true, deleted: true },
                        { onError: (e) => setError(problemText(e)) },
                      )
                    }
                  >
                    <Button size="small" danger>
                      Bỏ
                    </Button>
                  </Popconfirm>
                </Space>
              ),
          },
        ]}
      />
    </Card>
  );
}
