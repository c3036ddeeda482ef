import { Alert, Card, Empty, List, Space, Typography } from 'antd';
import { Link, Route, Routes } from 'react-router-dom';
import ElectionPage from './ElectionPage.tsx';
import EntryPage from './EntryPage.tsx';
import ReconcilePage from './ReconcilePage.tsx';
import ResultsPage from './ResultsPage.tsx';
import { RoundStatusTag } from './shared.tsx';
import { problemText, useCountingHome } from './api.ts';

/** Pages of this section, under /elections (see App.tsx). */
export default function ElectionsSection() {
  return (
    <Routes>
      <Route index element={<CountingHome />} />
      <Route path="entry" element={<CountingHome />} />
      <Route path=":id" element={<ElectionPage />} />
      <Route path="rounds/:id/entry" element={<EntryPage />} />
      <Route path="rounds/:id/reconcile" element={<ReconcilePage />} />
      <Route path="rounds/:id/results" element={<ResultsPage />} />
    </Routes>
  );
}

/** The rounds this account was assigned to enter ballots for (a counting account's home). */
function CountingHome() {
  const q = useCountingHome();
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Title level={3}>Nhập phiếu bầu</Typography.Title>
      {q.error && <Alert type="error" title={problemText(q.error)} />}
      {q.data?.length === 0 && (
        <Empty description="Tài khoản này chưa được giao nhập phiếu cho đại hội nào. Các cuộc bầu được mở từ trang đại hội (thẻ Bầu cử)." />
      )}
      {q.data?.map((c) => (
        <Card key={c.congressId} title={c.congressName} size="small">
          <List
            dataSource={c.rounds}
            locale={{ emptyText: 'Chưa có vòng bầu nào' }}
            renderItem={(r) => (
              <List.Item
                actions={[
                  <Link
                    key="e"
                    to={`/elections/rounds/${r.roundId}/entry`}
                    data-testid={`counting-round-${r.roundId}`}
                  >
                    Nhập phiếu
                  </Link>,
                  <Link key="r" to={`/elections/rounds/${r.roundId}/reconcile`}>
                    Đối chiếu
                  </Link>,
                ]}
              >
                <Space>
                  <span>
                    Bầu {r.bodyName} — vòng {r.number}
                  </span>
                  <RoundStatusTag status={r.status} label={r.statusLabel} />
                </Space>
              </List.Item>
            )}
          />
        </Card>
      ))}
    </Space>
  );
}
