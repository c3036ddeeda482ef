import { Alert, App, Form, Input, InputNumber, Modal } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { IsoDatePicker } from '../../components/DateField.tsx';
import { useApiErrorHandler } from '../../components/errors.tsx';
import { UnitPicker } from '../../components/UnitPicker.tsx';
import type { RuleDetailDto, RuleEntryDto } from '../../lib/contracts.ts';
import { formatDate } from '../../lib/vn.ts';

export type EntryDialog =
  | { kind: 'version'; rule: RuleDetailDto }
  | { kind: 'override'; rule: RuleDetailDto }
  | { kind: 'edit'; entry: RuleEntryDto };

interface Values {
  value?: number | string;
  document?: string;
  article?: string;
  unitId?: number | null;
  validFrom?: string | null;
  validTo?: string | null;
  note?: string;
}

/**
 * New national version, local override, or a correction of an entry's source and end date.
 * A value is never edited in place: past decisions keep the value they were made under.
 */
export function RuleEntryModal({
  ruleKey,
  dialog,
  onClose,
}: {
  ruleKey: string;
  dialog: EntryDialog;
  onClose: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const queryClient = useQueryClient();
  const editing = dialog.kind === 'edit' ? dialog.entry : null;
  const rule = dialog.kind === 'edit' ? null : dialog.rule;
  const textValue = rule?.kind === 'text';

  const save = useMutation({
    mutationFn: (v: Values) =>
      editing
        ? api.patch<RuleEntryDto>(`/api/rules/entries/${editing.id}`, {
            version: editing.version,
            document: v.document,
            article: v.article ?? '',
            validTo: v.validTo ?? null,
            note: v.note ?? '',
          })
        : api.post<RuleEntryDto>(`/api/rules/${ruleKey}/entries`, {
            value: v.value,
            document: v.document,
            article: v.article ?? '',
            unitId: dialog.kind === 'override' ? (v.unitId ?? null) : null,
            validFrom: v.validFrom,
            validTo: v.validTo ?? null,
            note: v.note ?? '',
          }),
    onSuccess: () => {
      void message.success('Đã lưu quy định.');
      void queryClient.invalidateQueries({ queryKey: ['rules'] });
      void queryClient.invalidateQueries({ queryKey: ['rule', ruleKey] });
      void queryClient.invalidateQueries({ queryKey: ['rule-history', ruleKey] });
      onClose();
    },
    onError: (err) => handleError(err, { form }),
  });

  const title =
    dialog.kind === 'edit'
      ? 'Sửa phiên bản quy định'
      : dialog.kind === 'version'
        ? 'Thêm phiên bản mới áp dụng toàn quốc'
        : 'Thêm quy định riêng cho một đơn vị';

  return (
    <Modal
      open
      title={title}
      okText="Lưu"
      cancelText="Hủy"
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {rule && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          message={rule.title}
          description={
            dialog.kind === 'version'
              ? 'Phiên bản đang hiệu lực (không có ngày kết thúc) sẽ tự kết thúc vào ngày trước ngày có hiệu lực của phiên bản mới; giá trị cũ vẫn được dùng cho các quyết định trước đó.'
              : 'Quy định riêng áp dụng cho đơn vị được chọn và toàn bộ tổ chức trực thuộc, thay cho quy định chung, từ ngày có hiệu lực.'
          }
        />
      )}
      {editing && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          message={`Giá trị ${editing.valueText}, hiệu lực từ ${formatDate(editing.validFrom)}`}
          description="Giá trị không sửa trực tiếp được: để đổi giá trị, hãy thêm phiên bản mới từ một ngày."
        />
      )}
      <Form
        form={form}
        layout="vertical"
        initialValues={
          editing
            ? {
                document: editing.document,
                article: editing.article,
                validTo: editing.validTo,
                note: editing.note,
              }
            : { article: '', note: '' }
        }
        onFinish={(v) => save.mutate(v)}
      >
        {dialog.kind === 'override' && (
          <Form.Item
            name="unitId"
            label="Áp dụng cho tổ chức"
            rules={[{ required: true, message: 'Chọn tổ chức' }]}
          >
            <UnitPicker />
          </Form.Item>
        )}
        {!editing && (
          <Form.Item
            name="value"
            label={textValue ? 'Giá trị (tháng, dạng yyyy-mm)' : 'Giá trị'}
            rules={[{ required: true, message: 'Nhập giá trị' }]}
          >
            {textValue ? <Input placeholder="2025-07" /> : <InputNumber style={{ width: 200 }} />}
          </Form.Item>
        )}
        <Form.Item
          name="document"
          label="Văn bản quy định (số, ngày, trích yếu)"
          rules={[{ required: true, message: 'Nhập văn bản quy định' }]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="article" label="Điều, khoản">
          <Input />
        </Form.Item>
        {!editing && (
          <Form.Item
            name="validFrom"
            label="Ngày có hiệu lực"
            rules={[{ required: true, message: 'Chọn ngày có hiệu lực' }]}
          >
            <IsoDatePicker />
          </Form.Item>
        )}
        <Form.Item name="validTo" label="Ngày hết hiệu lực (để trống nếu chưa có)">
          <IsoDatePicker />
        </Form.Item>
        <Form.Item name="note" label="Ghi chú">
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
