import { useEffect, useState } from 'react';
import {
  App,
  Button,
  Col,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Row,
  Select,
  Space,
  Typography,
} from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { api } from '../../api/client.ts';
import { IsoDatePicker } from '../../components/DateField.tsx';
import { useApiErrorHandler } from '../../components/errors.tsx';
import { UnitPicker } from '../../components/UnitPicker.tsx';
import {
  bodyKindLabels,
  bodyKinds,
  congressKindLabels,
  congressKinds,
  congressStatusLabels,
  congressStatuses,
  type BodyKind,
  type CongressDto,
} from './api.ts';

interface Values {
  unitId: number;
  name: string;
  term: string;
  kind: 'members' | 'delegates';
  startsOn: string;
  endsOn: string;
  ageReferenceMonth?: string | null;
  status?: string;
  bodies: { id?: number; kind: BodyKind; name: string; seats: number }[];
}

const options = <T extends string>(list: readonly T[], labels: Record<T, string>) =>
  list.map((v) => ({ value: v, label: labels[v] }));

/** A month 'yyyy-mm' picked as MM/YYYY. */
function MonthPicker({
  value,
  onChange,
}: {
  value?: string | null;
  onChange?: (v: string | null) => void;
}) {
  return (
    <DatePicker
      picker="month"
      format="MM/YYYY"
      placeholder="mm/yyyy"
      style={{ width: '100%' }}
      value={value ? dayjs(`${value}-01`) : null}
      onChange={(d) => onChange?.(d ? d.format('YYYY-MM') : null)}
    />
  );
}

/** Create or edit a congress and the bodies it elects with their seats. */
export default function CongressFormModal({
  congress,
  onClose,
  onSaved,
}: {
  congress?: CongressDto;
  onClose: () => void;
  onSaved: (c: CongressDto) => void;
}) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const handle = useApiErrorHandler();
  const qc = useQueryClient();
  const unitId = Form.useWatch('unitId', form);
  const startsOn = Form.useWatch('startsOn', form);
  const [suggested, setSuggested] = useState<{ month: string; source: string } | null>(null);

  // The rule's month for the unit's level (CT 45), offered until the officer types another.
  useEffect(() => {
    if (congress || !unitId || !startsOn) return;
    let live = true;
    api
      .get<{ month: string; citation: { document: string } }>('/api/congresses/age-reference', {
        unitId,
        on: startsOn,
      })
      .then((r) => {
        if (!live) return;
        setSuggested({ month: r.month, source: r.citation.document });
        if (!form.isFieldTouched('ageReferenceMonth'))
          form.setFieldValue('ageReferenceMonth', r.month);
      })
      .catch(() => live && setSuggested(null));
    return () => {
      live = false;
    };
  }, [unitId, startsOn, congress, form]);

  const save = useMutation({
    mutationFn: (v: Values) => {
      const bodies = v.bodies.map((b) => ({
        ...(b.id ? { id: b.id } : {}),
        kind: b.kind,
        name: b.name,
        seats: b.seats,
      }));
      const month = v.ageReferenceMonth ?? undefined;
      return congress
        ? api.patch<CongressDto>(`/api/congresses/${congress.id}`, {
            version: congress.version,
            name: v.name,
            term: v.term,
            kind: v.kind,
            startsOn: v.startsOn,
            endsOn: v.endsOn,
            ageReferenceMonth: month,
            status: v.status,
            bodies,
          })
        : api.post<CongressDto>('/api/congresses', { ...v, ageReferenceMonth: month, bodies });
    },
    onSuccess: (c) => {
      void message.success(congress ? 'Đã lưu đại hội' : 'Đã tạo đại hội');
      void qc.invalidateQueries({ queryKey: ['congress'] });
      onSaved(c);
    },
    onError: (e) => handle(e, { form }),
  });

  return (
    <Modal
      open
      width={820}
      title={congress ? 'Sửa đại hội' : 'Tạo đại hội'}
      okText="Lưu"
      cancelText="Hủy"
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={save.isPending}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={
          congress ?? {
            term: '2025-2030',
            kind: 'delegates',
            bodies: [
              { kind: 'executive_committee', name: 'Ban Chấp hành' },
              { kind: 'standing_committee', name: 'Ban Thường vụ' },
              { kind: 'secretary', name: 'Bí thư', seats: 1 },
            ],
          }
        }
        onFinish={(v) => save.mutate(v)}
      >
        {!congress && (
          <Form.Item
            label="Tổ chức đảng tổ chức đại hội"
            name="unitId"
            rules={[{ required: true, message: 'Chọn tổ chức đảng' }]}
          >
            <UnitPicker />
          </Form.Item>
        )}
        <Form.Item
          label="Tên đại hội"
          name="name"
          rules={[{ required: true, message: 'Nhập tên đại hội' }]}
        >
          <Input placeholder="Đại hội đại biểu Đảng bộ … lần thứ …" />
        </Form.Item>
        <Row gutter={16}>
          <Col span={6}>
            <Form.Item
              label="Nhiệm kỳ"
              name="term"
              rules={[{ required: true, pattern: /^\d{4}-\d{4}$/, message: 'Dạng 2025-2030' }]}
            >
              <Input />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item label="Hình thức" name="kind" rules={[{ required: true }]}>
              <Select options={options(congressKinds, congressKindLabels)} />
            </Form.Item>
          </Col>
          {congress && (
            <Col span={8}>
              <Form.Item label="Trạng thái" name="status">
                <Select options={options(congressStatuses, congressStatusLabels)} />
              </Form.Item>
            </Col>
          )}
        </Row>
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item
              label="Ngày khai mạc"
              name="startsOn"
              rules={[{ required: true, message: 'Chọn ngày' }]}
            >
              <IsoDatePicker />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              label="Ngày bế mạc"
              name="endsOn"
              rules={[{ required: true, message: 'Chọn ngày' }]}
            >
              <IsoDatePicker />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              label="Tháng tính tuổi"
              name="ageReferenceMonth"
              extra={
                suggested
                  ? `Theo quy định: ${suggested.month.slice(5)}/${suggested.month.slice(0, 4)} (${suggested.source})`
                  : undefined
              }
            >
              <MonthPicker />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Title level={5}>Cơ quan bầu và số lượng</Typography.Title>
        <Form.List name="bodies">
          {(fields, { add, remove }) => (
            <Space orientation="vertical" style={{ width: '100%' }}>
              {fields.map((f) => (
                <Row gutter={8} key={f.key}>
                  <Col span={8}>
                    <Form.Item
                      name={[f.name, 'kind']}
                      rules={[{ required: true, message: 'Chọn loại' }]}
                      style={{ marginBottom: 8 }}
                    >
                      <Select
                        options={options(bodyKinds, bodyKindLabels)}
                        aria-label="Loại cơ quan"
                        onChange={(k: BodyKind) =>
                          form.setFieldValue(['bodies', f.name, 'name'], bodyKindLabels[k])
                        }
                      />
                    </Form.Item>
                  </Col>
                  <Col span={10}>
                    <Form.Item
                      name={[f.name, 'name']}
                      rules={[{ required: true, message: 'Nhập tên' }]}
                      style={{ marginBottom: 8 }}
                    >
                      <Input aria-label="Tên cơ quan" />
                    </Form.Item>
                  </Col>
                  <Col span={4}>
                    <Form.Item
                      name={[f.name, 'seats']}
                      rules={[{ required: true, message: 'Số lượng' }]}
                      style={{ marginBottom: 8 }}
                    >
                      <InputNumber
                        min={1}
                        placeholder="Số lượng"
                        aria-label="Số lượng"
                        style={{ width: '100%' }}
                      />
                    </Form.Item>
                  </Col>
                  <Col span={2}>
                    <Button danger type="text" onClick={() => remove(f.name)} aria-label="Xóa">
                      Xóa
                    </Button>
                  </Col>
                </Row>
              ))}
              <Button
                onClick={() => add({ kind: 'inspection_committee', name: 'Ủy ban Kiểm tra' })}
              >
                Thêm cơ quan bầu
              </Button>
            </Space>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
