import { Button, Space, Typography } from 'antd';
import { useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { ErrorAlert } from '../../components/errors.tsx';
import { AuditEntriesTable } from '../../components/HistoryTable.tsx';
import type { AuditEntryDto } from '../../lib/contracts.ts';
import { formatNumber } from '../../lib/vn.ts';

const PAGE = 50;

/** Nhật ký thay đổi: every change in the user's subtree, newest first, 50 at a time. */
export default function AuditPage() {
  const query = useInfiniteQuery({
    queryKey: ['audit'],
    initialPageParam: undefined as number | undefined,
    queryFn: ({ pageParam }) =>
      api.get<AuditEntryDto[]>('/api/audit', { beforeId: pageParam, limit: PAGE }),
    getNextPageParam: (last) => (last.length < PAGE ? undefined : last[last.length - 1]?.id),
    staleTime: 0,
  });
  const entries = query.data?.pages.flat() ?? [];
  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 16 }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          Nhật ký thay đổi
        </Typography.Title>
        <Button onClick={() => void query.refetch()} loading={query.isRefetching}>
          Làm mới
        </Button>
      </Space>
      {query.error && <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />}
      <AuditEntriesTable entries={entries} loading={query.isLoading} showEntity />
      <Space style={{ marginTop: 16 }}>
        {query.hasNextPage && (
          <Button onClick={() => void query.fetchNextPage()} loading={query.isFetchingNextPage}>
            Tải thêm
          </Button>
        )}
        <Typography.Text type="secondary">
          Đã hiển thị {formatNumber(entries.length)} mục
        </Typography.Text>
      </Space>
    </>
  );
}
