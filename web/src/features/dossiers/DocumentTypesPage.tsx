import { useState } from 'react';
import { Alert, Button, Card, Select, Space, Switch, Table, Tabs, Tag, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { ErrorAlert } from '../../components/errors.tsx';
import type { DocumentTypeDto, DocumentTypeList, DossierProcess } from '../../lib/contracts.ts';
import { CompletenessCard } from './CompletenessCard.tsx';
import { DocumentTypeModal } from './DocumentTypeModal.tsx';
import { kindsText, processOptions } from './dossierUi.tsx';

/** Danh mục loại giấy tờ of one process: everyone on staff reads, a top-level admin edits. */
function DocumentTypesCard() {
  const [process, setProcess] = useState<DossierProcess>('candidacy');
  const [showInactive, setShowInactive] = useState(false);
  const [editing, setEditing] = useState<DocumentTypeDto | 'new' | null>(null);
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: ['document-types', process, showInactive],
    queryFn: () =>
      api.get<DocumentTypeList>('/api/document-types', {
        process,
        includeInactive: showInactive,
      }),
  });
  const canManage = query.data?.canManage ?? false;
  const items = query.data?.items ?? [];
  const required = items.filter((t) => t.active && t.required).length;

  return (
    <Card
      title="Loại giấy tờ hồ sơ"
      extra={
        canManage && (
          <Button type="primary" onClick={() => setEditing('new')}>
            Thêm loại giấy tờ
          </Button>
        )
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Select<DossierProcess>
          value={process}
          onChange={setProcess}
          options={processOptions}
          style={{ width: 380 }}
          aria-label="Quy trình hồ sơ"
        />
        <Space>
          <Switch checked={showInactive} onChange={setShowInactive} />
          <span>Hiện cả loại đã ngừng dùng</span>
        </Space>
        {query.data && (
          <Typography.Text type="secondary">
            {items.filter((t) => t.active).length} loại đang dùng, {required} loại bắt buộc
          </Typography.Text>
        )}
      </Space>
      {!canManage && query.data && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title="Danh mục dùng chung cho toàn hệ thống; chỉ quản trị hệ thống cấp cao nhất được thêm hoặc sửa."
        />
      )}
      <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      <Table<DocumentTypeDto>
        size="small"
        rowKey="id"
        loading={query.isLoading}
        dataSource={items}
        pagination={false}
        columns={[
          { title: 'TT', key: 'n', width: 50, render: (_, __, i) => i + 1 },
          {
            title: 'Loại giấy tờ',
            key: 'name',
            render: (_, t) => (
              <Space orientation="vertical" size={0}>
                <span>{t.typeName}</span>
                {t.description && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t.description}
                  </Typography.Text>
                )}
              </Space>
            ),
          },
          { title: 'Mã', dataIndex: 'typeCode', width: 180 },
          {
            title: 'Tệp nhận',
            key: 'kinds',
            render: (_, t) => `${kindsText(t.allowedKinds)}; tối đa ${t.maxSizeMb} MB`,
          },
          {
            title: 'Đặc điểm',
            key: 'flags',
            render: (_, t) => (
              <Space size={2} wrap>
                {t.required ? <Tag color="blue">Bắt buộc</Tag> : <Tag>Không bắt buộc</Tag>}
                {t.sensitive && <Tag color="purple">Phần mật</Tag>}
                {!t.active && <Tag color="default">Ngừng dùng</Tag>}
              </Space>
            ),
          },
          ...(canManage
            ? [
                {
                  title: '',
                  key: 'edit',
                  width: 70,
                  render: (_: unknown, t: DocumentTypeDto) => (
                    <Button size="small" type="link" onClick={() => setEditing(t)}>
                      Sửa
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      <DocumentTypeModal
        open={editing !== null}
        type={editing === 'new' ? null : editing}
        process={process}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          void queryClient.invalidateQueries({ queryKey: ['document-types'] });
          void queryClient.invalidateQueries({ queryKey: ['dossier'] });
        }}
      />
    </Card>
  );
}

export default function DocumentTypesPage() {
  return (
    <Tabs
      items={[
        { key: 'types', label: 'Loại giấy tờ', children: <DocumentTypesCard /> },
        { key: 'completeness', label: 'Tình trạng hồ sơ', children: <CompletenessCard /> },
      ]}
    />
  );
}
