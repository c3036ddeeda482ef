import { App, Form, Input, Modal } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { IsoDatePicker, todayIso } from '../../components/DateField.tsx';
import { useApiErrorHandler } from '../../components/errors.tsx';
import { UnitPicker } from '../../components/UnitPicker.tsx';
import type { MemberDto } from '../../lib/contracts.ts';

interface ActionModalProps {
  member: MemberDto;
  onClose: () => void;
  onDone: (m: MemberDto) => void;
  onReload: () => void;
}

export function TransferModal({ member, onClose, onDone, onReload }: ActionModalProps) {
  const [form] = Form.useForm<{ toUnitId: number; effectiveDate: string; note?: string }>();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const m = useMutation({
    mutationFn: (v: { toUnitId: number; effectiveDate: string; note?: string }) =>
      api.post<MemberDto>(`/api/members/${member.id}/transfer`, {
        version: member.version,
        toUnitId: v.toUnitId,
        effectiveDate: v.effectiveDate,
        note: v.note?.trim() || null,
      }),
    onSuccess: (dto) => {
      void message.success(`Đã chuyển sinh hoạt đến ${dto.unitName}`);
      onDone(dto);
    },
    onError: (e) => handleError(e, { form, onReload }),
  });
  return (
    <Modal
      open
      title={`Chuyển sinh hoạt: ${member.fullName}`}
      okText="Chuyển sinh hoạt"
      cancelText="Hủy"
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={m.isPending}
    >
      <p>
        Đang sinh hoạt tại: <strong>{member.unitName}</strong>
      </p>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ effectiveDate: todayIso() }}
        onFinish={(v) => m.mutate(v)}
      >
        <Form.Item
          label="Tổ chức chuyển đến"
          name="toUnitId"
          rules={[{ required: true, message: 'Chọn tổ chức chuyển đến' }]}
        >
          <UnitPicker excludeIds={[member.unitId]} />
        </Form.Item>
        <Form.Item
          label="Ngày có hiệu lực"
          name="effectiveDate"
          rules={[{ required: true, message: 'Chọn ngày có hiệu lực' }]}
        >
          <IsoDatePicker />
        </Form.Item>
        <Form.Item label="Ghi chú" name="note">
          <Input.TextArea rows={2} maxLength={300} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function ArchiveModal({ member, onClose, onDone, onReload }: ActionModalProps) {
  const [form] = Form.useForm<{ reason?: string }>();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const m = useMutation({
    mutationFn: (v: { reason?: string }) =>
      api.post<MemberDto>(`/api/members/${member.id}/archive`, {
        version: member.version,
        reason: v.reason?.trim() || null,
      }),
    onSuccess: (dto) => {
      void message.success('Đã lưu trữ hồ sơ');
      onDone(dto);
    },
    onError: (e) => handleError(e, { form, onReload }),
  });
  return (
    <Modal
      open
      title={`Lưu trữ hồ sơ: ${member.fullName}`}
      okText="Lưu trữ"
      okButtonProps={{ danger: true }}
      cancelText="Hủy"
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={m.isPending}
    >
      <p>Hồ sơ đã lưu trữ không còn trong danh sách đảng viên đang quản lý và có thể khôi phục.</p>
      <Form form={form} layout="vertical" onFinish={(v) => m.mutate(v)}>
        <Form.Item label="Lý do" name="reason">
          <Input.TextArea rows={3} maxLength={300} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** "Khôi phục": confirm, then POST /restore. */
export function useRestoreMember(onDone: (m: MemberDto) => void, onReload: () => void) {
  const { message, modal } = App.useApp();
  const handleError = useApiErrorHandler();
  return (member: MemberDto) =>
    modal.confirm({
      title: 'Khôi phục hồ sơ',
      content: `Khôi phục hồ sơ của ${member.fullName} về danh sách đang quản lý?`,
      okText: 'Khôi phục',
      cancelText: 'Hủy',
      onOk: async () => {
        try {
          const dto = await api.post<MemberDto>(`/api/members/${member.id}/restore`, {
            version: member.version,
          });
          void message.success('Đã khôi phục hồ sơ');
          onDone(dto);
        } catch (e) {
          handleError(e, { onReload });
        }
      },
    });
}
