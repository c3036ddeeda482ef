import { Alert, App, Button, Card, Checkbox, Col, Form, Input, Modal, Row, Select } from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { IsoDatePicker, todayIso } from '../../components/DateField.tsx';
import { useApiErrorHandler } from '../../components/errors.tsx';
import type { MemberListItem, Page, UnitDto, UnitType } from '../../lib/contracts.ts';
import { vnSearch } from '../../lib/options.ts';
import { formatDate, formatNumber } from '../../lib/vn.ts';
import { fetchChildren } from './api.ts';
import { UnitFields } from './UnitFields.tsx';

interface Part {
  type: UnitType;
  code: string;
  name: string;
  locality?: string;
  childUnitIds?: number[];
  memberIds?: number[];
}

interface SplitValues {
  parts: Part[];
  closeSource: boolean;
  effectiveDate: string;
  decision?: string;
}

interface SplitUnitModalProps {
  unit: UnitDto;
  onClose: () => void;
  onDone: (goTo?: number) => void;
}

const MEMBER_LIMIT = 200;

export function SplitUnitModal({ unit, onClose, onDone }: SplitUnitModalProps) {
  const [form] = Form.useForm<SplitValues>();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const parts: Partial<Part>[] = Form.useWatch('parts', form) ?? [];
  const closeSource: boolean = Form.useWatch('closeSource', form) ?? false;

  const children = useQuery({
    queryKey: ['units', 'children', unit.id, false],
    queryFn: () => fetchChildren(unit.id, false),
  });
  const members = useQuery({
    queryKey: ['members', 'direct', unit.id],
    queryFn: () =>
      api.get<Page<MemberListItem>>('/api/members', {
        unitId: unit.id,
        subtree: false,
        pageSize: MEMBER_LIMIT,
      }),
  });

  const m = useMutation({
    mutationFn: (v: SplitValues) =>
      api.post<{ newUnitIds: number[]; movedMembers: number }>(`/api/units/${unit.id}/split`, {
        version: unit.version,
        effectiveDate: v.effectiveDate,
        decision: v.decision ?? '',
        closeSource: v.closeSource,
        parts: v.parts.map((p) => ({
          type: p.type,
          code: p.code,
          name: p.name,
          locality: p.locality ?? '',
          childUnitIds: p.childUnitIds ?? [],
          memberIds: p.memberIds ?? [],
        })),
      }),
    onSuccess: (r) => {
      void message.success(
        `Đã chia tách thành ${r.newUnitIds.length} tổ chức, chuyển ${formatNumber(r.movedMembers)} đảng viên`,
      );
      onDone(r.newUnitIds[0]);
    },
    onError: (e) => handleError(e, { form }),
  });

  /** Ids taken by parts other than `index`, so one child or member goes to one part only. */
  const takenElsewhere = (index: number, key: 'childUnitIds' | 'memberIds') =>
    new Set(parts.flatMap((p, i) => (i === index ? [] : (p?.[key] ?? []))));

  const assignedChildren = new Set(parts.flatMap((p) => p?.childUnitIds ?? []));
  const assignedMembers = new Set(parts.flatMap((p) => p?.memberIds ?? []));
  const childList = children.data ?? [];
  const memberList = members.data?.items ?? [];
  const leftChildren = childList.filter((c) => !assignedChildren.has(c.id)).length;
  const leftMembers = (members.data?.total ?? 0) - assignedMembers.size;

  return (
    <Modal
      open
      width={900}
      title={`Chia tách: ${unit.name}`}
      okText="Chia tách"
      cancelText="Hủy"
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={m.isPending}
    >
      <Form<SplitValues>
        form={form}
        layout="vertical"
        initialValues={{
          parts: [{ type: unit.type, locality: unit.locality }],
          closeSource: false,
          effectiveDate: todayIso(),
        }}
        onFinish={(v) => m.mutate(v)}
      >
        <Form.List name="parts">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, index) => (
                <Card
                  key={field.key}
                  size="small"
                  title={`Tổ chức mới ${index + 1}`}
                  style={{ marginBottom: 12 }}
                  extra={
                    fields.length > 1 && (
                      <Button size="small" danger onClick={() => remove(field.name)}>
                        Bỏ
                      </Button>
                    )
                  }
                >
                  <UnitFields prefix={[field.name]} />
                  <Row gutter={12}>
                    <Col xs={24} md={12}>
                      <Form.Item
                        label="Tổ chức trực thuộc chuyển sang"
                        name={[field.name, 'childUnitIds']}
                      >
                        <Select
                          mode="multiple"
                          showSearch={vnSearch}
                          loading={children.isLoading}
                          placeholder="Chọn tổ chức trực thuộc"
                          options={childList.map((c) => ({
                            value: c.id,
                            label: c.name,
                            disabled: takenElsewhere(index, 'childUnitIds').has(c.id),
                          }))}
                        />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={12}>
                      <Form.Item label="Đảng viên chuyển sang" name={[field.name, 'memberIds']}>
                        <Select
                          mode="multiple"
                          showSearch={vnSearch}
                          loading={members.isLoading}
                          placeholder="Chọn đảng viên"
                          maxTagCount="responsive"
                          options={memberList.map((mm) => ({
                            value: mm.id,
                            label: `${mm.fullName} (${formatDate(mm.birthDate)})`,
                            disabled: takenElsewhere(index, 'memberIds').has(mm.id),
                          }))}
                        />
                      </Form.Item>
                    </Col>
                  </Row>
                </Card>
              ))}
              <Button
                type="dashed"
                block
                style={{ marginBottom: 16 }}
                onClick={() => add({ type: unit.type, locality: unit.locality })}
              >
                Thêm tổ chức mới
              </Button>
            </>
          )}
        </Form.List>
        {(members.data?.total ?? 0) > MEMBER_LIMIT && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            title={`Tổ chức có ${formatNumber(members.data?.total ?? 0)} đảng viên sinh hoạt trực tiếp; chỉ ${MEMBER_LIMIT} người đầu tiên được liệt kê để chọn.`}
          />
        )}
        <Form.Item name="closeSource" valuePropName="checked">
          <Checkbox>Kết thúc tổ chức cũ</Checkbox>
        </Form.Item>
        {closeSource && (leftChildren > 0 || leftMembers > 0) && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            title={`Khi kết thúc tổ chức cũ, mọi tổ chức trực thuộc và đảng viên phải được chuyển sang tổ chức mới. Còn ${formatNumber(leftChildren)} tổ chức và ${formatNumber(Math.max(leftMembers, 0))} đảng viên chưa được phân.`}
          />
        )}
        <Row gutter={12}>
          <Col xs={24} md={12}>
            <Form.Item
              label="Ngày có hiệu lực"
              name="effectiveDate"
              rules={[{ required: true, message: 'Chọn ngày có hiệu lực' }]}
            >
              <IsoDatePicker />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label="Số quyết định" name="decision">
              <Input maxLength={200} placeholder="Ví dụ: 45-QĐ/TU" />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
