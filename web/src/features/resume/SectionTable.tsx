import { App, Button, Popconfirm, Space, Table } from 'antd';
import type { TableColumnsType } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import { useApiErrorHandler } from '../../components/errors.tsx';
import {
  formatPartialDate,
  sectionSpecs,
  type ResumeEntryDto,
  type ResumeSection,
} from '../../lib/contracts.ts';
import { EntryModal } from './EntryModal.tsx';
import { formatValue } from './SpecField.tsx';

export function periodText(e: { from: string | null; to: string | null }, open = true): string {
  const from = formatPartialDate(e.from);
  const to = formatPartialDate(e.to);
  if (!from) return '';
  return to ? `${from} – ${to}` : open ? `${from} – nay` : from;
}

/** One 2C table (đào tạo, khen thưởng, quan hệ gia đình…) with add/edit/delete in modals. */
export function SectionTable({
  memberId,
  section,
  entries,
  canEdit,
  onChanged,
}: {
  memberId: number;
  section: ResumeSection;
  entries: ResumeEntryDto[];
  canEdit: boolean;
  onChanged: () => void;
}) {
  const spec = sectionSpecs[section];
  const [editing, setEditing] = useState<ResumeEntryDto | 'new' | null>(null);
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const remove = useMutation({
    mutationFn: (e: ResumeEntryDto) =>
      api.delete(`/api/members/${memberId}/resume/entries/${e.id}?version=${e.version}`),
    onSuccess: () => {
      void message.success('Đã xóa dòng lý lịch');
      onChanged();
    },
    onError: (e) => handleError(e, { onReload: onChanged }),
  });

  const period = spec.period;
  const columns: TableColumnsType<ResumeEntryDto> = [
    ...(period === 'none'
      ? []
      : [
          {
            title: period.to ? `${period.from} – ${period.to.toLowerCase()}` : period.from,
            key: 'period',
            width: 170,
            render: (_: unknown, e: ResumeEntryDto) => periodText(e, Boolean(period.to)),
          },
        ]),
    ...spec.fields.map((f) => ({
      title: f.label,
      key: f.key,
      render: (_: unknown, e: ResumeEntryDto) => (
        <span style={{ whiteSpace: 'pre-wrap' }}>{formatValue(f, e.fields[f.key])}</span>
      ),
    })),
    ...(canEdit
      ? [
          {
            title: '',
            key: 'actions',
            width: 120,
            render: (_: unknown, e: ResumeEntryDto) => (
              <Space size={4}>
                <Button size="small" type="link" onClick={() => setEditing(e)}>
                  Sửa
                </Button>
                <Popconfirm
                  title="Xóa dòng này khỏi lý lịch?"
                  okText="Xóa"
                  cancelText="Hủy"
                  onConfirm={() => remove.mutate(e)}
                >
                  <Button size="small" type="link" danger>
                    Xóa
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <Table<ResumeEntryDto>
        rowKey="id"
        size="small"
        pagination={false}
        columns={columns}
        dataSource={entries}
        scroll={{ x: 700 }}
        locale={{ emptyText: 'Chưa có dòng nào' }}
      />
      {canEdit && (
        <Button style={{ marginTop: 8 }} onClick={() => setEditing('new')}>
          Thêm dòng
        </Button>
      )}
      {editing && (
        <EntryModal
          memberId={memberId}
          section={section}
          entry={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            onChanged();
          }}
          onReload={onChanged}
        />
      )}
    </>
  );
}
