import { App, Form, Modal } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { useApiErrorHandler } from '../../components/errors.tsx';
import { sectionSpecs, type ResumeEntryDto, type ResumeSection } from '../../lib/contracts.ts';
import { PartialDateInput, partialDateRule } from './PartialDateInput.tsx';
import { cleanValues, SpecField } from './SpecField.tsx';

interface EntryValues {
  from?: string;
  to?: string;
  fields?: Record<string, unknown>;
}

/** Add or edit one row of a 2C table; the whole row is sent with the version being edited. */
export function EntryModal({
  memberId,
  section,
  entry,
  onClose,
  onSaved,
  onReload,
}: {
  memberId: number;
  section: ResumeSection;
  /** null: a new row. */
  entry: ResumeEntryDto | null;
  onClose: () => void;
  onSaved: () => void;
  onReload: () => void;
}) {
  const spec = sectionSpecs[section];
  const [form] = Form.useForm<EntryValues>();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const save = useMutation({
    mutationFn: (v: EntryValues) => {
      const body = {
        section,
        from: v.from ?? null,
        to: v.to ?? null,
        fields: cleanValues(v.fields),
      };
      const base = `/api/members/${memberId}/resume/entries`;
      return entry
        ? api.patch<ResumeEntryDto>(`${base}/${entry.id}`, { ...body, version: entry.version })
        : api.post<ResumeEntryDto>(base, body);
    },
    onSuccess: () => {
      void message.success(entry ? 'Đã lưu dòng lý lịch' : 'Đã thêm dòng lý lịch');
      onSaved();
    },
    onError: (e) => handleError(e, { form, onReload }),
  });
  const period = spec.period;
  return (
    <Modal
      open
      width={640}
      title={`${entry ? 'Sửa' : 'Thêm'}: ${spec.title}`}
      okText="Lưu"
      cancelText="Hủy"
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Form<EntryValues>
        form={form}
        layout="vertical"
        initialValues={
          entry
            ? { from: entry.from ?? undefined, to: entry.to ?? undefined, fields: entry.fields }
            : { fields: {} }
        }
        onFinish={(v) => save.mutate(v)}
      >
        {period !== 'none' && (
          <div style={{ display: 'flex', gap: 16, flexWrap: 'wrap' }}>
            <Form.Item
              label={period.from}
              name="from"
              rules={[
                ...(period.required ? [{ required: true, message: 'Chưa nhập thời gian' }] : []),
                partialDateRule,
              ]}
            >
              <PartialDateInput />
            </Form.Item>
            {period.to && (
              <Form.Item
                label={period.to}
                name="to"
                rules={[partialDateRule]}
                extra="Để trống nếu đến nay"
              >
                <PartialDateInput />
              </Form.Item>
            )}
          </div>
        )}
        {spec.fields.map((f) => (
          <SpecField key={f.key} spec={f} parent="fields" />
        ))}
      </Form>
    </Modal>
  );
}
