import { useState } from 'react';
import { App, Checkbox, Form, Input, Modal, Select, Space } from 'antd';
import { api } from '../../api/client.ts';
import { useApiErrorHandler } from '../../components/errors.tsx';
import {
  attendeeStatusLabels,
  attendeeStatuses,
  useAttendees,
  useCongressAction,
  type AttendeeDto,
  type CongressDto,
} from './api.ts';
import { MembersSelect } from './MembersSelect.tsx';

/** Dialogs of the people-summoned tab: a status with its reason, a replacement, new delegates. */
export function StatusModal({
  congress,
  a,
  onClose,
}: {
  congress: CongressDto;
  a: AttendeeDto;
  onClose: () => void;
}) {
  const [form] = Form.useForm();
  const handle = useApiErrorHandler();
  const save = useCongressAction(congress.id, (v: Record<string, unknown>) =>
    api.patch(`/api/congress-attendees/${a.id}`, { version: a.version, ...v }),
  );
  const choices = attendeeStatuses.filter((s) => s !== 'replaced');
  return (
    <Modal
      open
      title={`Tình trạng: ${a.fullName}`}
      okText="Lưu"
      cancelText="Hủy"
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          status: a.status,
          statusNote: a.statusNote,
          conveningCommittee: a.conveningCommittee,
        }}
        onFinish={(v) =>
          save.mutate(v, { onSuccess: onClose, onError: (e) => handle(e, { form }) })
        }
      >
        <Form.Item label="Tình trạng" name="status">
          <Select options={choices.map((s) => ({ value: s, label: attendeeStatusLabels[s] }))} />
        </Form.Item>
        <Form.Item label="Lý do, ghi chú" name="statusNote">
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        {congress.kind === 'delegates' && a.role === 'delegate' && (
          <Form.Item name="conveningCommittee" valuePropName="checked">
            <Checkbox>Ủy viên cấp ủy triệu tập đại hội (khóa đương nhiệm)</Checkbox>
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

export function ReplaceModal({
  congress,
  a,
  onClose,
}: {
  congress: CongressDto;
  a: AttendeeDto;
  onClose: () => void;
}) {
  const [alternateId, setAlternateId] = useState<number | null>(null);
  const [note, setNote] = useState('');
  const handle = useApiErrorHandler();
  const alternates = useAttendees(congress.id, { role: 'alternate', page: 1, pageSize: 200 });
  const save = useCongressAction(congress.id, () =>
    api.post(`/api/congress-attendees/${a.id}/replace`, {
      version: a.version,
      alternateId,
      statusNote: note,
    }),
  );
  const free = (alternates.data?.items ?? []).filter((x) => !x.replacesName);
  return (
    <Modal
      open
      title={`Thay đại biểu ${a.fullName}`}
      okText="Thay"
      cancelText="Hủy"
      okButtonProps={{ disabled: !alternateId }}
      onCancel={onClose}
      onOk={() => save.mutate(undefined, { onSuccess: onClose, onError: (e) => handle(e) })}
      confirmLoading={save.isPending}
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Select
          placeholder="Chọn đại biểu dự khuyết"
          value={alternateId}
          onChange={setAlternateId}
          style={{ width: '100%' }}
          options={free.map((x) => ({ value: x.id, label: `${x.fullName} — ${x.unitName}` }))}
          notFoundContent="Không còn đại biểu dự khuyết"
        />
        <Input
          placeholder="Lý do vắng mặt"
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
      </Space>
    </Modal>
  );
}

export function AddDelegatesModal({
  congress,
  onClose,
}: {
  congress: CongressDto;
  onClose: () => void;
}) {
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const handle = useApiErrorHandler();
  const save = useCongressAction(congress.id, (v: Record<string, unknown>) =>
    api.post<{ added: number; alreadySummoned: number }>(
      `/api/congresses/${congress.id}/attendees`,
      v,
    ),
  );
  return (
    <Modal
      open
      width={720}
      title="Thêm đại biểu"
      okText="Thêm"
      cancelText="Hủy"
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ role: 'delegate', conveningCommittee: false, memberIds: [] }}
        onFinish={(v) =>
          save.mutate(v, {
            onSuccess: (r) => {
              void message.success(
                `Đã thêm ${r.added} người${r.alreadySummoned ? `; ${r.alreadySummoned} người đã có trong danh sách` : ''}`,
              );
              onClose();
            },
            onError: (e) => handle(e, { form }),
          })
        }
      >
        <Form.Item label="Tư cách" name="role">
          <Select
            options={[
              { value: 'delegate', label: 'Đại biểu chính thức' },
              { value: 'alternate', label: 'Đại biểu dự khuyết' },
            ]}
          />
        </Form.Item>
        <Form.Item
          label="Đảng viên"
          name="memberIds"
          rules={[{ required: true, message: 'Chọn ít nhất một người' }]}
        >
          <MembersSelect unitId={congress.unitId} />
        </Form.Item>
        <Form.Item name="conveningCommittee" valuePropName="checked">
          <Checkbox>Là ủy viên cấp ủy triệu tập đại hội (đại biểu đương nhiên)</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}
