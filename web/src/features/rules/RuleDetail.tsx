import { useState, type ReactNode } from 'react';
import { Button, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { AuditEntriesTable } from '../../components/HistoryTable.tsx';
import { ErrorAlert } from '../../components/errors.tsx';
import type { AuditEntryDto, RuleDetailDto, RuleEntryDto } from '../../lib/contracts.ts';
import { isAdmin } from '../../lib/roles.ts';
import { formatDate } from '../../lib/vn.ts';
import { useCurrentUser } from '../auth/auth.tsx';
import { RuleEntryModal, type EntryDialog } from './RuleEntryModal.tsx';

const stateTags: Record<RuleEntryDto['state'], ReactNode> = {
  in_force: <Tag color="green">Đang hiệu lực</Tag>,
  ended: <Tag>Hết hiệu lực</Tag>,
  upcoming: <Tag color="blue">Chưa đến ngày hiệu lực</Tag>,
};

/** All versions and overrides of one parameter, with the admin's actions and the change log. */
export function RuleDetail({ ruleKey }: { ruleKey: string }) {
  const admin = isAdmin(useCurrentUser());
  const [dialog, setDialog] = useState<EntryDialog | null>(null);
  const [showHistory, setShowHistory] = useState(false);
  const detail = useQuery({
    queryKey: ['rule', ruleKey],
    queryFn: () => api.get<RuleDetailDto>(`/api/rules/${ruleKey}`),
  });
  const history = useQuery({
    queryKey: ['rule-history', ruleKey],
    queryFn: () => api.get<AuditEntryDto[]>(`/api/rules/${ruleKey}/history`),
    enabled: showHistory,
  });
  if (detail.error)
    return <ErrorAlert error={detail.error} onRetry={() => void detail.refetch()} />;
  const rule = detail.data;

  const columns: TableColumnsType<RuleEntryDto> = [
    {
      title: 'Phạm vi áp dụng',
      key: 'scope',
      render: (_, e) => e.unitName ?? <Typography.Text strong>Toàn quốc</Typography.Text>,
    },
    { title: 'Giá trị', dataIndex: 'valueText', width: 120 },
    {
      title: 'Văn bản',
      key: 'document',
      render: (_, e) => (
        <Space direction="vertical" size={0}>
          <span>
            {e.document}
            {e.article && `, ${e.article}`}
          </span>
          {e.note && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {e.note}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: 'Hiệu lực',
      key: 'validity',
      width: 230,
      render: (_, e) => (
        <Space direction="vertical" size={0}>
          <span>
            {formatDate(e.validFrom)} – {e.validTo ? formatDate(e.validTo) : 'nay'}
          </span>
          {stateTags[e.state]}
        </Space>
      ),
    },
    ...(admin
      ? [
          {
            title: '',
            key: 'actions',
            width: 90,
            render: (_: unknown, e: RuleEntryDto) => (
              <Button size="small" onClick={() => setDialog({ kind: 'edit', entry: e })}>
                Sửa
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Table
        rowKey="id"
        size="small"
        loading={detail.isLoading}
        columns={columns}
        dataSource={rule?.entries ?? []}
        pagination={false}
      />
      <Space wrap>
        {admin && rule && (
          <>
            <Button onClick={() => setDialog({ kind: 'version', rule })}>
              Thêm phiên bản mới (toàn quốc)
            </Button>
            <Button onClick={() => setDialog({ kind: 'override', rule })}>
              Thêm quy định riêng cho đơn vị
            </Button>
          </>
        )}
        <Button type="link" onClick={() => setShowHistory((v) => !v)}>
          {showHistory ? 'Ẩn lịch sử thay đổi' : 'Xem lịch sử thay đổi'}
        </Button>
      </Space>
      {showHistory &&
        (history.error ? (
          <ErrorAlert error={history.error} />
        ) : (
          <AuditEntriesTable entries={history.data ?? []} loading={history.isLoading} />
        ))}
      {dialog && (
        <RuleEntryModal ruleKey={ruleKey} dialog={dialog} onClose={() => setDialog(null)} />
      )}
    </Space>
  );
}
