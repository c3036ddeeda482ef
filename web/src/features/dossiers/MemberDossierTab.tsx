import { useState } from 'react';
import { Alert, Progress, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { formatDateTime } from '../../components/DateField.tsx';
import { ErrorAlert } from '../../components/errors.tsx';
import type {
  DossierDocumentDto,
  DossierDto,
  DossierProcess,
  MemberDto,
} from '../../lib/contracts.ts';
import { ReviewButtons, UploadButton } from './DossierDocumentActions.tsx';
import { formatSize, kindsText, processOptions, StatusTag } from './dossierUi.tsx';

type Item = DossierDto['items'][number];

function FileLink({ doc }: { doc: DossierDocumentDto }) {
  if (!doc.canDownload) return <Typography.Text type="secondary">(phần mật)</Typography.Text>;
  return (
    <Space size={4} wrap>
      <a href={`/api/documents/${doc.id}/file`} download>
        {doc.fileName}
      </a>
      <Typography.Text type="secondary">{formatSize(doc.sizeBytes)}</Typography.Text>
    </Space>
  );
}

function WhoWhen({ doc }: { doc: DossierDocumentDto }) {
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
      Tải lên {formatDateTime(doc.uploadedAt)}
      {doc.uploadedBy ? ` · ${doc.uploadedBy}` : ''}
      {doc.reviewedAt
        ? ` · xét ${formatDateTime(doc.reviewedAt)}${doc.reviewedBy ? ` (${doc.reviewedBy})` : ''}`
        : ''}
    </Typography.Text>
  );
}

function PreviousUploads({ list }: { list: DossierDocumentDto[] }) {
  return (
    <Table<DossierDocumentDto>
      size="small"
      pagination={false}
      rowKey="id"
      dataSource={list}
      columns={[
        { title: 'Bản đã thay', key: 'file', render: (_, d) => <FileLink doc={d} /> },
        { title: 'Trạng thái khi thay', key: 'status', render: (_, d) => <StatusTag doc={d} /> },
        { title: 'Thời gian', key: 'when', render: (_, d) => <WhoWhen doc={d} /> },
      ]}
    />
  );
}

/** Tab "Hồ sơ, giấy tờ": the documents of one process for this person, with their review. */
export function MemberDossierTab({ member }: { member: MemberDto }) {
  const [process, setProcess] = useState<DossierProcess>('cadre_record');
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: ['dossier', member.id, process],
    queryFn: () => api.get<DossierDto>(`/api/members/${member.id}/dossier`, { process }),
  });
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: ['dossier', member.id] });
    void queryClient.invalidateQueries({ queryKey: ['history', 'member', member.id] });
    void queryClient.invalidateQueries({ queryKey: ['dossier-completeness'] });
  };
  const data = query.data;
  const writer = data?.canWrite ?? false;
  const archived = member.archivedAt !== null;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap align="center">
        <span>Quy trình:</span>
        <Select<DossierProcess>
          value={process}
          onChange={setProcess}
          options={processOptions}
          style={{ minWidth: 360 }}
          aria-label="Quy trình hồ sơ"
        />
      </Space>
      <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      {data && (
        <Space orientation="vertical" size={2} style={{ width: '100%' }}>
          <Progress
            percent={
              data.requiredCount
                ? Math.round((data.verifiedRequiredCount / data.requiredCount) * 100)
                : 100
            }
            status={data.complete ? 'success' : 'active'}
            format={() => `${data.verifiedRequiredCount}/${data.requiredCount}`}
          />
          <Typography.Text strong={!data.complete}>{data.summary}</Typography.Text>
        </Space>
      )}
      {archived && writer && (
        <Alert type="info" showIcon title="Hồ sơ đã lưu trữ: chỉ xem, không bổ sung giấy tờ." />
      )}
      <Table<Item>
        size="small"
        loading={query.isLoading}
        rowKey={(i) => i.type.id}
        dataSource={data?.items ?? []}
        pagination={false}
        locale={{ emptyText: 'Quy trình này chưa có loại giấy tờ nào' }}
        expandable={{
          rowExpandable: (i) => i.previous.length > 0,
          expandedRowRender: (i) => <PreviousUploads list={i.previous} />,
        }}
        columns={[
          {
            title: 'Loại giấy tờ',
            key: 'type',
            render: (_, i) => (
              <Space orientation="vertical" size={0}>
                <Tooltip title={i.type.description || undefined}>
                  <span>{i.type.typeName}</span>
                </Tooltip>
                <Space size={2} wrap>
                  {i.type.required && <Tag color="blue">Bắt buộc</Tag>}
                  {i.type.sensitive && <Tag color="purple">Phần mật</Tag>}
                  {!i.type.active && <Tag>Ngừng dùng</Tag>}
                </Space>
              </Space>
            ),
          },
          {
            title: 'Tệp hiện tại',
            key: 'file',
            render: (_, i) =>
              i.current ? (
                <Space orientation="vertical" size={0}>
                  <FileLink doc={i.current} />
                  <WhoWhen doc={i.current} />
                </Space>
              ) : (
                <Typography.Text type="secondary">
                  {kindsText(i.type.allowedKinds)}, tối đa {i.type.maxSizeMb} MB
                </Typography.Text>
              ),
          },
          {
            title: 'Trạng thái',
            key: 'status',
            width: 220,
            render: (_, i) => (
              <Space orientation="vertical" size={0}>
                <StatusTag doc={i.current} />
                {i.current?.status === 'rejected' && (
                  <Typography.Text type="danger" style={{ fontSize: 12 }}>
                    {i.current.rejectReason}
                  </Typography.Text>
                )}
              </Space>
            ),
          },
          ...(writer && !archived
            ? [
                {
                  title: 'Thao tác',
                  key: 'actions',
                  width: 230,
                  render: (_: unknown, i: Item) => {
                    const allowed = !i.type.sensitive || (data?.canSeeSensitive ?? false);
                    if (!allowed) {
                      return (
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          Cần quyền xem phần mật
                        </Typography.Text>
                      );
                    }
                    return (
                      <Space size={4} wrap>
                        <UploadButton
                          memberId={member.id}
                          type={i.type}
                          replacing={Boolean(i.current)}
                          onDone={refresh}
                        />
                        {i.current && <ReviewButtons doc={i.current} onDone={refresh} />}
                      </Space>
                    );
                  },
                },
              ]
            : []),
        ]}
      />
    </Space>
  );
}
