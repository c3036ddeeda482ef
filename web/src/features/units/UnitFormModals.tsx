import { App, Form, Modal } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { IsoDatePicker, todayIso } from '../../components/DateField.tsx';
import { useApiErrorHandler } from '../../components/errors.tsx';
import { UnitPicker } from '../../components/UnitPicker.tsx';
import type { UnitDto, UnitType } from '../../lib/contracts.ts';
import { UnitFields } from './UnitFields.tsx';

interface ModalProps {
  onClose: () => void;
  onDone: (goTo?: number) => void;
}

interface UnitValues {
  type: UnitType;
  code: string;
  name: string;
  locality?: string;
}

const dateRule = [{ required: true, message: 'Chọn ngày có hiệu lực' }];

export function CreateUnitModal({ parent, onClose, onDone }: ModalProps & { parent: UnitDto }) {
  const [form] = Form.useForm<UnitValues & { validFrom: string }>();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const m = useMutation({
    mutationFn: (v: UnitValues & { validFrom: string }) =>
      api.post<UnitDto>('/api/units', { ...v, locality: v.locality ?? '', parentId: parent.id }),
    onSuccess: (u) => {
      void message.success(`Đã thêm ${u.name}`);
      onDone(u.id);
    },
    onError: (e) => handleError(e, { form }),
  });
  return (
    <Modal
      open
      width={720}
      title={`Thêm tổ chức trực thuộc ${parent.name}`}
      okText="Lưu"
      cancelText="Hủy"
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={m.isPending}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ type: 'cell', validFrom: todayIso(), locality: parent.locality }}
        onFinish={(v) => m.mutate(v)}
      >
        <UnitFields />
        <Form.Item label="Ngày có hiệu lực" name="validFrom" rules={dateRule}>
          <IsoDatePicker />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function EditUnitModal({ unit, onClose, onDone }: ModalProps & { unit: UnitDto }) {
  const [form] = Form.useForm<UnitValues & { effectiveDate: string }>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const handleError = useApiErrorHandler();
  const m = useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      api.patch<UnitDto>(`/api/units/${unit.id}`, body),
    onSuccess: () => {
      void message.success('Đã lưu thay đổi');
      onDone();
    },
    onError: (e) =>
      handleError(e, {
        form,
        onReload: () => {
          void queryClient.invalidateQueries({ queryKey: ['unit', unit.id] });
          onClose();
        },
      }),
  });
  const onFinish = (v: UnitValues & { effectiveDate: string }) => {
    const body: Record<string, unknown> = { version: unit.version, effectiveDate: v.effectiveDate };
    if (v.type !== unit.type) body.type = v.type;
    if (v.code !== unit.code) body.code = v.code;
    if (v.name !== unit.name) body.name = v.name;
    if ((v.locality ?? '') !== unit.locality) body.locality = v.locality ?? '';
    if (Object.keys(body).length === 2) {
      void message.info('Không có thay đổi nào');
      return;
    }
    m.mutate(body);
  };
  return (
    <Modal
      open
      width={720}
      title={`Sửa / đổi tên: ${unit.name}`}
      okText="Lưu"
      cancelText="Hủy"
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={m.isPending}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ ...unit, effectiveDate: todayIso() }}
        onFinish={onFinish}
      >
        <UnitFields />
        <Form.Item
          label="Ngày có hiệu lực"
          name="effectiveDate"
          rules={dateRule}
          extra="Tên gọi cũ được giữ lại trong lịch sử tên gọi đến trước ngày này."
        >
          <IsoDatePicker />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function MoveUnitModal({ unit, onClose, onDone }: ModalProps & { unit: UnitDto }) {
  const [form] = Form.useForm<{ newParentId: number; effectiveDate: string }>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const handleError = useApiErrorHandler();
  const m = useMutation({
    mutationFn: (v: { newParentId: number; effectiveDate: string }) =>
      api.post<UnitDto>(`/api/units/${unit.id}/move`, { ...v, version: unit.version }),
    onSuccess: () => {
      void message.success('Đã chuyển tổ chức cấp trên');
      onDone();
    },
    onError: (e) =>
      handleError(e, {
        form,
        onReload: () => {
          void queryClient.invalidateQueries({ queryKey: ['unit', unit.id] });
          onClose();
        },
      }),
  });
  return (
    <Modal
      open
      title={`Chuyển tổ chức cấp trên: ${unit.name}`}
      okText="Lưu"
      cancelText="Hủy"
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={m.isPending}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ effectiveDate: todayIso() }}
        onFinish={(v) => m.mutate(v)}
      >
        <Form.Item
          label="Tổ chức cấp trên mới"
          name="newParentId"
          rules={[{ required: true, message: 'Chọn tổ chức cấp trên mới' }]}
        >
          <UnitPicker excludeIds={[unit.id, ...(unit.parentId ? [unit.parentId] : [])]} />
        </Form.Item>
        <Form.Item label="Ngày có hiệu lực" name="effectiveDate" rules={dateRule}>
          <IsoDatePicker />
        </Form.Item>
      </Form>
    </Modal>
  );
}
