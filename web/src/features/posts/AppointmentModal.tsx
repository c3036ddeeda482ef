import { App, Checkbox, Col, Form, Input, Modal, Row, Select } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { IsoDatePicker } from '../../components/DateField.tsx';
import { useApiErrorHandler } from '../../components/errors.tsx';
import { UnitPicker } from '../../components/UnitPicker.tsx';
import {
  appointmentMethodLabels,
  appointmentMethods,
  type AppointmentDto,
  type AppointmentMethod,
} from '../../lib/contracts.ts';
import { enumOptions, vnFilterOption } from '../../lib/options.ts';
import { usePostTitles } from './api.ts';

interface Values {
  postTitleId: number;
  unitId: number;
  startDate: string;
  endDate: string | null;
  decisionNumber: string;
  decisionDate: string | null;
  method: AppointmentMethod;
  concurrent: boolean;
  term: string;
  endReason: string;
  note: string;
}

interface Props {
  memberId: number;
  /** null: a new appointment. */
  appointment: AppointmentDto | null;
  /** Open the edit form on the end fields ("Kết thúc"). */
  ending?: boolean;
  onClose: () => void;
  onDone: () => void;
  onReload: () => void;
}

const methodOptions = enumOptions(appointmentMethods, appointmentMethodLabels);

export function AppointmentModal({
  memberId,
  appointment,
  ending,
  onClose,
  onDone,
  onReload,
}: Props) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const titles = usePostTitles(true);
  const m = useMutation({
    mutationFn: (v: Values) => {
      const body = {
        ...v,
        endDate: v.endDate ?? null,
        decisionDate: v.decisionDate ?? null,
        decisionNumber: v.decisionNumber ?? '',
        term: v.term ?? '',
        endReason: v.endReason ?? '',
        note: v.note ?? '',
        concurrent: !!v.concurrent,
      };
      return appointment
        ? api.patch<AppointmentDto>(`/api/appointments/${appointment.id}`, {
            ...body,
            version: appointment.version,
          })
        : api.post<AppointmentDto>(`/api/members/${memberId}/appointments`, body);
    },
    onSuccess: () => {
      void message.success(appointment ? 'Đã lưu chức vụ' : 'Đã thêm chức vụ');
      onDone();
    },
    onError: (e) => handleError(e, { form, onReload }),
  });
  const titleOptions = (titles.data ?? [])
    .filter((t) => t.active || t.id === appointment?.postTitleId)
    .map((t) => ({ value: t.id, label: t.name }));

  return (
    <Modal
      open
      width={720}
      title={
        ending ? 'Kết thúc giữ chức vụ' : appointment ? 'Sửa chức vụ' : 'Thêm chức vụ đã/đang giữ'
      }
      okText="Lưu"
      cancelText="Hủy"
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={m.isPending}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={
          appointment
            ? { ...appointment }
            : { method: 'appointed', concurrent: false, endDate: null, decisionDate: null }
        }
        onFinish={(v) => m.mutate(v)}
      >
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item
              label="Chức danh"
              name="postTitleId"
              rules={[{ required: true, message: 'Chọn chức danh' }]}
            >
              <Select
                options={titleOptions}
                showSearch={{ filterOption: vnFilterOption }}
                loading={titles.isLoading}
                disabled={ending}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              label="Tổ chức nơi giữ chức vụ"
              name="unitId"
              rules={[{ required: true, message: 'Chọn tổ chức' }]}
            >
              <UnitPicker disabled={ending} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              label="Ngày bắt đầu"
              name="startDate"
              rules={[{ required: true, message: 'Nhập ngày bắt đầu' }]}
            >
              <IsoDatePicker style={{ width: '100%' }} disabled={ending} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label="Hình thức" name="method" rules={[{ required: true }]}>
              <Select options={methodOptions} disabled={ending} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label="Nhiệm kỳ" name="term" extra="Ví dụ 2020-2025">
              <Input maxLength={9} disabled={ending} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label="Số quyết định" name="decisionNumber">
              <Input maxLength={100} disabled={ending} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label="Ngày quyết định" name="decisionDate">
              <IsoDatePicker style={{ width: '100%' }} disabled={ending} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label=" " name="concurrent" valuePropName="checked">
              <Checkbox disabled={ending}>Kiêm nhiệm</Checkbox>
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              label="Ngày thôi giữ chức vụ"
              name="endDate"
              rules={ending ? [{ required: true, message: 'Nhập ngày thôi giữ chức vụ' }] : []}
            >
              <IsoDatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item label="Lý do thôi giữ chức vụ" name="endReason">
              <Input maxLength={300} placeholder="Hết nhiệm kỳ, luân chuyển, nghỉ hưu…" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item label="Ghi chú" name="note">
              <Input.TextArea maxLength={1000} rows={2} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
