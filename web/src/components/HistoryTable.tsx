import { Empty, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { api } from '../api/client.ts';
import type { AuditEntryDto } from '../lib/contracts.ts';
import { auditActionLabel, entityTypeLabels, fieldLabel, formatFieldValue } from '../lib/labels.ts';
import { formatDateTime } from './DateField.tsx';
import { ErrorAlert } from './errors.tsx';

/** "Họ và tên: Nguyễn Văn A → Nguyễn Văn B", one line per changed field. */
export function ChangeList({ entry }: { entry: AuditEntryDto }) {
  const before = entry.before ?? {};
  const after = entry.after ?? {};
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
    (k) => k !== 'version' && k !== 'updatedAt',
  );
  if (keys.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <ul style={{ margin: 0, paddingInlineStart: 18 }}>
      {keys.map((k) => (
        <li key={k}>
          <Typography.Text strong>{fieldLabel(k)}</Typography.Text>:{' '}
          {k in before && (
            <>
              <Typography.Text delete type="secondary">
                {formatFieldValue(k, before[k])}
              </Typography.Text>{' '}
              →{' '}
            </>
          )}
          <Typography.Text>{formatFieldValue(k, after[k])}</Typography.Text>
        </li>
      ))}
    </ul>
  );
}

function entityLink(e: AuditEntryDto) {
  const label = entityTypeLabels[e.entityType] ?? e.entityType;
  if (e.entityType === 'unit') return <Link to={`/units/${e.entityId}`}>{label}</Link>;
  if (e.entityType === 'member') return <Link to={`/members/${e.entityId}`}>{label}</Link>;
  return label;
}

interface AuditEntriesTableProps {
  entries: AuditEntryDto[];
  loading?: boolean;
  /** Show which record each entry is about (the subtree audit log). */
  showEntity?: boolean;
}

export function AuditEntriesTable({ entries, loading, showEntity }: AuditEntriesTableProps) {
  const columns: TableColumnsType<AuditEntryDto> = [
    {
      title: 'Thời gian',
      dataIndex: 'at',
      width: 150,
      render: (at: string) => formatDateTime(at),
    },
    { title: 'Người thực hiện', dataIndex: 'actorName', width: 180 },
    ...(showEntity
      ? [
          {
            title: 'Đối tượng',
            key: 'entity',
            width: 130,
            render: (_: unknown, e: AuditEntryDto) => entityLink(e),
          },
        ]
      : []),
    {
      title: 'Nội dung',
      key: 'summary',
      render: (_: unknown, e: AuditEntryDto) => (
        <>
          <Tag>{auditActionLabel(e.action)}</Tag>
          {e.summary}
        </>
      ),
    },
    {
      title: 'Chi tiết thay đổi',
      key: 'changes',
      render: (_: unknown, e: AuditEntryDto) => <ChangeList entry={e} />,
    },
  ];
  return (
    <Table<AuditEntryDto>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={entries}
      loading={loading}
      pagination={false}
      locale={{ emptyText: <Empty description="Chưa có thay đổi nào" /> }}
    />
  );
}

interface HistoryTableProps {
  entityType: 'unit' | 'member' | 'user';
  entityId: number;
}

/** The change history of one record (GET /api/history/:entityType/:id), newest first. */
export function HistoryTable({ entityType, entityId }: HistoryTableProps) {
  const query = useQuery({
    queryKey: ['history', entityType, entityId],
    queryFn: () => api.get<AuditEntryDto[]>(`/api/history/${entityType}/${entityId}`),
  });
  if (query.error) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  return <AuditEntriesTable entries={query.data ?? []} loading={query.isLoading} />;
}
