import { Alert, Card, Table, Typography } from 'antd';
import type { BodyStatsDto } from '../../../../../src/contracts/election-documents.ts';
import { formatDate, formatNumber, formatPercent } from '../../../lib/vn.ts';
import { problemText } from '../api.ts';
import { useBodyStats } from './api.ts';

type Group = NonNullable<BodyStatsDto['elected']>;
type Key = 'reElected' | 'firstTime' | 'women' | 'young' | 'ethnicMinority';
const rows: { key: Key; label: string }[] = [
  { key: 'reElected', label: 'Tái cử' },
  { key: 'firstTime', label: 'Tham gia lần đầu' },
  { key: 'women', label: 'Nữ' },
  { key: 'young', label: 'Trẻ tuổi' },
  { key: 'ethnicMinority', label: 'Dân tộc thiểu số' },
];

const share = (g: Group | null, key: Key) =>
  g ? `${formatNumber(g[key].count)} (${formatPercent(g[key].count, g.size) || '—'})` : '—';
const age = (g: Group | null) =>
  g?.averageAge != null ? `${formatNumber(g.averageAge, 2)} tuổi` : '—';

/** Statistics of the list and of those elected: surplus, re-elected, first-time, women… */
export function ElectedBodyStats({ electionId }: { electionId: number }) {
  const q = useBodyStats(electionId);
  if (q.error) return <Alert type="error" title={problemText(q.error)} />;
  const s = q.data;
  return (
    <Card title="Thống kê danh sách bầu cử và người trúng cử" loading={q.isLoading}>
      {s && (
        <>
          <Typography.Paragraph data-testid="stats-surplus">
            Số lượng bầu {formatNumber(s.seats)}; danh sách {formatNumber(s.candidates)} người; số
            dư {formatNumber(s.surplus.count)} ({formatPercent(s.surplus.count, s.seats) || '—'}
            ). Tuổi tính tại tháng {formatDate(`${s.referenceMonth}-01`).slice(3)}.
          </Typography.Paragraph>
          <Table
            size="small"
            pagination={false}
            rowKey="key"
            data-testid="body-stats"
            dataSource={[
              ...rows.map((r) => ({
                key: r.key,
                label: r.label,
                list: share(s.list, r.key),
                elected: share(s.elected, r.key),
              })),
              { key: 'age', label: 'Tuổi bình quân', list: age(s.list), elected: age(s.elected) },
            ]}
            columns={[
              { title: 'Chỉ tiêu', dataIndex: 'label' },
              { title: `Danh sách bầu cử (${formatNumber(s.list.size)})`, dataIndex: 'list' },
              {
                title: `Trúng cử (${s.elected ? formatNumber(s.elected.size) : 'chưa có'})`,
                dataIndex: 'elected',
              },
            ]}
          />
          {s.withoutRecord.length > 0 && (
            <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
              Chưa có hồ sơ đảng viên, không tính vào thống kê: {s.withoutRecord.join(', ')}.
            </Typography.Paragraph>
          )}
        </>
      )}
    </Card>
  );
}
