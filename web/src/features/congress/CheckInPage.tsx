import { useRef, useState } from 'react';
import type { InputRef } from 'antd';
import {
  Alert,
  Breadcrumb,
  Button,
  Card,
  Col,
  Input,
  List,
  Row,
  Space,
  Statistic,
  Typography,
} from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../api/client.ts';
import { formatDateTime } from '../../components/DateField.tsx';
import { errorMessage } from '../../components/errors.tsx';
import { formatNumber } from '../../lib/vn.ts';
import { useCongress, type AttendeePage, type CheckInResult } from './api.ts';

const alertType: Record<CheckInResult['outcome'], 'success' | 'info' | 'warning' | 'error'> = {
  checked_in: 'success',
  already_present: 'info',
  ambiguous: 'warning',
  not_found: 'error',
  not_allowed: 'error',
};

/**
 * /congresses/:id/check-in — the door: one search box for a scanned card code (scanners type
 * the code and Enter) or a name typed without diacritics; the box is cleared and refocused.
 */
export default function CheckInPage() {
  const id = Number(useParams().id);
  const congress = useCongress(id);
  const qc = useQueryClient();
  const input = useRef<InputRef>(null);
  const [query, setQuery] = useState('');
  const [result, setResult] = useState<CheckInResult | null>(null);
  const [recent, setRecent] = useState<CheckInResult[]>([]);
  // Other doors check people in too: the counts follow them.
  const live = useQuery({
    queryKey: ['congress', id, 'door-counts'],
    queryFn: () => api.get<AttendeePage>(`/api/congresses/${id}/attendees`, { pageSize: 1 }),
    refetchInterval: 5000,
  });
  const done = (r: CheckInResult) => {
    setResult(r);
    if (r.outcome === 'checked_in') setRecent((list) => [r, ...list].slice(0, 10));
    void qc.invalidateQueries({ queryKey: ['congress', id] });
    setQuery('');
    input.current?.focus();
  };
  const fail = (e: unknown) =>
    setResult({
      outcome: 'not_found',
      message: errorMessage(e),
      attendee: null,
      matches: [],
      counts: live.data!.counts,
    });
  const search = useMutation({
    mutationFn: (q: string) =>
      api.post<CheckInResult>(`/api/congresses/${id}/check-in`, { query: q }),
    onSuccess: done,
    onError: fail,
  });
  const pick = useMutation({
    mutationFn: (attendeeId: number) =>
      api.post<CheckInResult>(`/api/congress-attendees/${attendeeId}/check-in`),
    onSuccess: done,
    onError: fail,
  });
  const counts = result?.counts ?? live.data?.counts;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Breadcrumb
        items={[
          { title: <Link to="/congresses">Đại hội</Link> },
          {
            title: <Link to={`/congresses/${id}?tab=attendees`}>{congress.data?.name ?? '…'}</Link>,
          },
          { title: 'Điểm danh' },
        ]}
      />
      <Typography.Title level={3} style={{ margin: 0 }}>
        Điểm danh tại cửa
      </Typography.Title>
      <Row gutter={16}>
        <Col span={16}>
          <Card>
            <Input.Search
              ref={input}
              autoFocus
              size="large"
              aria-label="Mã thẻ hoặc họ tên"
              placeholder="Quét mã thẻ đại biểu hoặc gõ họ tên (không cần dấu), rồi Enter"
              enterButton="Điểm danh"
              value={query}
              loading={search.isPending}
              onChange={(e) => setQuery(e.target.value)}
              onSearch={(v) => v.trim() && search.mutate(v.trim())}
            />
            {result && (
              <Alert
                style={{ marginTop: 16, fontSize: 18 }}
                type={alertType[result.outcome]}
                showIcon
                title={result.message}
                description={
                  result.attendee
                    ? `${result.attendee.roleLabel} — ${result.attendee.unitName} — mã thẻ ${result.attendee.cardCode}`
                    : undefined
                }
              />
            )}
            {result?.outcome === 'ambiguous' && (
              <List
                style={{ marginTop: 12 }}
                bordered
                dataSource={result.matches}
                renderItem={(m) => (
                  <List.Item
                    actions={[
                      <Button
                        key="pick"
                        type="primary"
                        disabled={m.status === 'present'}
                        onClick={() => pick.mutate(m.id)}
                      >
                        {m.status === 'present' ? 'Đã có mặt' : 'Điểm danh'}
                      </Button>,
                    ]}
                  >
                    <List.Item.Meta
                      title={m.fullName}
                      description={`${m.roleLabel} — ${m.unitName} — ${m.cardCode}`}
                    />
                  </List.Item>
                )}
              />
            )}
          </Card>
        </Col>
        <Col span={8}>
          <Card>
            <Statistic
              title="Có mặt / được triệu tập"
              value={`${formatNumber(counts?.present ?? 0)} / ${formatNumber(counts?.summoned ?? 0)}`}
            />
          </Card>
          <Card title="Vừa điểm danh" size="small" style={{ marginTop: 16 }}>
            <List
              size="small"
              dataSource={recent}
              locale={{ emptyText: 'Chưa có' }}
              renderItem={(r) => (
                <List.Item>
                  {r.attendee?.fullName} — {formatDateTime(r.attendee?.checkedInAt)}
                </List.Item>
              )}
            />
          </Card>
        </Col>
      </Row>
    </Space>
  );
}
