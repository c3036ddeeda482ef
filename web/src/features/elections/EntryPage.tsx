import { useState } from 'react';
import { Alert, Button, Card, Input, Space, Table, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../api/client.ts';
import BatchEntry from './BatchEntry.tsx';
import { RoundStatusTag } from './shared.tsx';
import { problemText, useElectionAction, useEntryRound } from './api.ts';

/**
 * Ballot entry for one operator: pick a batch, take one independent copy of it, then enter the
 * ballots one by one by keyboard (serial, positions of the names struck, Enter) or by clicking
 * names. Each ballot's validity is shown as soon as it is saved. Only the operator's own copy
 * is ever shown here.
 */
export default function EntryPage() {
  const roundId = Number(useParams().id);
  const q = useEntryRound(roundId);
  const [batchId, setBatchId] = useState<number | null>(null);
  const [batchName, setBatchName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const onError = (e: unknown) => setError(problemText(e));
  const addBatch = useElectionAction(
    (name: string) => api.post(`/api/election-rounds/${roundId}/batches`, { name }),
    () => setBatchName(''),
  );
  const claim = useElectionAction((id: number) =>
    api.post(`/api/election-rounds/${roundId}/batches/${id}/claim`),
  );
  if (q.error) return <Alert type="error" title={problemText(q.error)} />;
  const d = q.data;
  if (!d) return null;
  const open = d.round.status === 'open';
  const batch = d.batches.find((b) => b.id === batchId) ?? null;
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={3} style={{ marginBottom: 0 }}>
          Nhập phiếu — bầu {d.bodyName}, vòng {d.round.number}
        </Typography.Title>
        <Space>
          <Typography.Text type="secondary">{d.congressName}</Typography.Text>
          <RoundStatusTag status={d.round.status} label={d.round.statusLabel} />
          <Tag>{d.round.form === 'strike' ? 'Phiếu gạch tên' : 'Phiếu đồng ý / không đồng ý'}</Tag>
          <Tag>Bầu {d.round.seats} người</Tag>
          <Tag>Nhập {d.round.entryCopies} lần độc lập</Tag>
          <Link to={`/elections/rounds/${roundId}/reconcile`}>Đối chiếu các lần nhập</Link>
        </Space>
      </div>
      {error && <Alert type="error" title={error} closable onClose={() => setError(null)} />}
      <Card title="Tập phiếu (hòm phiếu)" size="small">
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={d.batches}
          locale={{ emptyText: 'Chưa có tập phiếu nào' }}
          columns={[
            { title: 'Tập phiếu', dataIndex: 'name' },
            {
              title: 'Các lần nhập',
              render: (_, b) => (
                <Space wrap>
                  {b.copies.map((c) => (
                    <Tag
                      key={c.copy}
                      color={c.finished ? 'green' : c.operator ? 'blue' : undefined}
                    >
                      Lần {c.copy}: {c.operator ?? 'chưa có người nhận'}
                      {c.finished ? ' · xong' : ''}
                    </Tag>
                  ))}
                </Space>
              ),
            },
            {
              title: '',
              width: 220,
              render: (_, b) =>
                b.myCopy ? (
                  <Button
                    type={batchId === b.id ? 'primary' : 'default'}
                    data-testid={`enter-batch-${b.id}`}
                    onClick={() => setBatchId(b.id)}
                  >
                    Nhập lần {b.myCopy} ({b.myBallots} phiếu)
                  </Button>
                ) : (
                  open && (
                    <Button
                      data-testid={`claim-batch-${b.id}`}
                      loading={claim.isPending}
                      onClick={() =>
                        claim.mutate(b.id, { onError, onSuccess: () => setBatchId(b.id) })
                      }
                    >
                      Nhận lần nhập
                    </Button>
                  )
                ),
            },
          ]}
        />
        {open && (
          <Space style={{ marginTop: 12 }}>
            <Input
              aria-label="Tên tập phiếu mới"
              placeholder={`Hòm phiếu ${d.batches.length + 1}`}
              value={batchName}
              onChange={(e) => setBatchName(e.target.value)}
              style={{ width: 220 }}
            />
            <Button
              loading={addBatch.isPending}
              onClick={() =>
                addBatch.mutate(batchName.trim() || `Hòm phiếu ${d.batches.length + 1}`, {
                  onError,
                })
              }
            >
              Thêm tập phiếu
            </Button>
          </Space>
        )}
      </Card>
      {batch?.myCopy && <BatchEntry key={batch.id} round={d} batchId={batch.id} />}
    </Space>
  );
}
