import { Alert, App, Form, Input, Modal, Radio, Select } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { IsoDatePicker, todayIso } from '../../components/DateField.tsx';
import { useApiErrorHandler } from '../../components/errors.tsx';
import { UnitMultiPicker, UnitPicker, unitNameOf } from '../../components/UnitPicker.tsx';
import type { UnitDto, UnitType } from '../../lib/contracts.ts';
import { formatNumber } from '../../lib/vn.ts';
import { UnitFields } from './UnitFields.tsx';

interface MergeValues {
  sourceIds: number[];
  into: 'existing' | 'new';
  targetId?: number;
  newUnit?: { parentId: number; type: UnitType; code: string; name: string; locality?: string };
  effectiveDate: string;
  decision?: string;
}

interface MergeUnitsModalProps {
  unit: UnitDto;
  onClose: () => void;
  onDone: (goTo?: number) => void;
}

export function MergeUnitsModal({ unit, onClose, onDone }: MergeUnitsModalProps) {
  const [form] = Form.useForm<MergeValues>();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const sourceIds = Form.useWatch('sourceIds', form) ?? [];
  const into = Form.useWatch('into', form) ?? 'existing';

  const m = useMutation({
    mutationFn: (v: MergeValues) =>
      api.post<{ targetId: number; movedMembers: number }>('/api/units/merge', {
        sourceIds: v.sourceIds,
        effectiveDate: v.effectiveDate,
        decision: v.decision ?? '',
        ...(v.into === 'existing'
          ? { targetId: v.targetId }
          : { newUnit: { ...v.newUnit, locality: v.newUnit?.locality ?? '' } }),
      }),
    onSuccess: (r) => {
      void message.success(`Đã hợp nhất tổ chức, chuyển ${formatNumber(r.movedMembers)} đảng viên`);
      onDone(r.targetId);
    },
    onError: (e) => handleError(e, { form }),
  });

  const targetOptions = sourceIds.map((id) => ({
    value: id,
    label: unitNameOf(id) ?? `Tổ chức #${id}`,
  }));

  return (
    <Modal
      open
      width={760}
      title="Hợp nhất tổ chức"
      okText="Hợp nhất"
      cancelText="Hủy"
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={m.isPending}
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title="Đảng viên và tổ chức trực thuộc của các tổ chức bị hợp nhất được chuyển sang tổ chức tiếp nhận; tên gọi cũ vẫn được giữ trong lịch sử."
      />
      <Form<MergeValues>
        form={form}
        layout="vertical"
        initialValues={{
          sourceIds: [unit.id],
          into: 'existing',
          targetId: unit.id,
          effectiveDate: todayIso(),
          newUnit: { parentId: unit.parentId ?? undefined, type: unit.type },
        }}
        onFinish={(v) => m.mutate(v)}
      >
        <Form.Item
          label="Các tổ chức hợp nhất"
          name="sourceIds"
          rules={[
            {
              validator: (_, v: number[] | undefined) =>
                v && v.length >= 2
                  ? Promise.resolve()
                  : Promise.reject(new Error('Cần chọn ít nhất 2 tổ chức')),
            },
          ]}
        >
          <UnitMultiPicker />
        </Form.Item>
        <Form.Item label="Hình thức" name="into">
          <Radio.Group
            options={[
              { value: 'existing', label: 'Hợp nhất vào một tổ chức đã chọn' },
              { value: 'new', label: 'Hợp nhất thành tổ chức mới' },
            ]}
          />
        </Form.Item>
        {into === 'existing' ? (
          <Form.Item
            label="Tổ chức tiếp nhận"
            name="targetId"
            rules={[
              { required: true, message: 'Chọn tổ chức tiếp nhận' },
              {
                validator: (_, v: number | undefined) =>
                  v === undefined || sourceIds.includes(v)
                    ? Promise.resolve()
                    : Promise.reject(
                        new Error('Tổ chức tiếp nhận phải là một trong các tổ chức đã chọn'),
                      ),
              },
            ]}
          >
            <Select options={targetOptions} placeholder="Chọn trong các tổ chức hợp nhất" />
          </Form.Item>
        ) : (
          <>
            <Form.Item
              label="Tổ chức cấp trên của tổ chức mới"
              name={['newUnit', 'parentId']}
              rules={[{ required: true, message: 'Chọn tổ chức cấp trên' }]}
            >
              <UnitPicker />
            </Form.Item>
            <UnitFields prefix={['newUnit']} />
          </>
        )}
        <Form.Item
          label="Ngày có hiệu lực"
          name="effectiveDate"
          rules={[{ required: true, message: 'Chọn ngày có hiệu lực' }]}
        >
          <IsoDatePicker />
        </Form.Item>
        <Form.Item label="Số quyết định" name="decision">
          <Input maxLength={200} placeholder="Ví dụ: 123-QĐ/TU" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
