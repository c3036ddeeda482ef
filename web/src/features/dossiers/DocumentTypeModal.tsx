import { useEffect } from 'react';
import { App, Checkbox, Form, Input, InputNumber, Modal, Select, Switch } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { recordFormBehaviour, useApiErrorHandler } from '../../components/errors.tsx';
import {
  documentFileKindLabels,
  documentFileKinds,
  MAX_UPLOAD_MB,
  type DocumentFileKind,
  type DocumentTypeDto,
  type DossierProcess,
} from '../../lib/contracts.ts';
import { processOptions } from './dossierUi.tsx';

interface Values {
  process: DossierProcess;
  typeCode: string;
  typeName: string;
  description: string;
  required: boolean;
  sensitive: boolean;
  allowedKinds: DocumentFileKind[];
  maxSizeMb: number;
  sortOrder: number;
  active: boolean;
}

const kindOptions = documentFileKinds.map((k) => ({ value: k, label: documentFileKindLabels[k] }));

/** Add (type === null) or edit a document type; the process and code are fixed once created. */
export function DocumentTypeModal({
  open,
  type,
  process,
  onClose,
  onSaved,
}: {
  open: boolean;
  type: DocumentTypeDto | null;
  process: DossierProcess;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(
      type
        ? { ...type }
        : {
            process,
            typeCode: '',
            typeName: '',
            description: '',
            required: true,
            sensitive: false,
            allowedKinds: ['pdf', 'jpg', 'png'],
            maxSizeMb: 10,
            sortOrder: 1000,
            active: true,
          },
    );
  }, [open, type, process, form]);

  const save = useMutation({
    mutationFn: (v: Values) => {
      if (!type) {
        const { active: _active, ...body } = v;
        return api.post<DocumentTypeDto>('/api/document-types', body);
      }
      const { process: _p, typeCode: _c, ...body } = v;
      return api.patch<DocumentTypeDto>(`/api/document-types/${type.id}`, {
        ...body,
        version: type.version,
      });
    },
    onSuccess: (saved) => {
      void message.success(`Đã lưu loại giấy tờ “${saved.typeName}”.`);
      onSaved();
    },
    onError: (err) => handleError(err, { form, onReload: onSaved }),
  });

  return (
    <Modal
      title={type ? `Sửa loại giấy tờ: ${type.typeName}` : 'Thêm loại giấy tờ'}
      open={open}
      okText="Lưu"
      cancelText="Hủy"
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: save.isPending }}
      width={640}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={(v) => save.mutate(v)}
        {...recordFormBehaviour(form)}
      >
        <Form.Item name="process" label="Quy trình hồ sơ" rules={[{ required: true }]}>
          <Select options={processOptions} disabled={Boolean(type)} />
        </Form.Item>
        <Form.Item
          name="typeCode"
          label="Mã loại giấy tờ"
          extra="Chữ thường không dấu, chữ số và dấu gạch dưới; không đổi được sau khi tạo."
          rules={[{ required: true, message: 'Chưa nhập mã loại giấy tờ' }]}
        >
          <Input disabled={Boolean(type)} maxLength={40} />
        </Form.Item>
        <Form.Item
          name="typeName"
          label="Tên loại giấy tờ"
          rules={[{ required: true, whitespace: true, message: 'Chưa nhập tên loại giấy tờ' }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="description" label="Mô tả">
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
        <Form.Item
          name="allowedKinds"
          label="Loại tệp cho phép"
          rules={[{ required: true, message: 'Chọn ít nhất một loại tệp' }]}
        >
          <Checkbox.Group options={kindOptions} />
        </Form.Item>
        <Form.Item
          name="maxSizeMb"
          label={`Dung lượng tối đa (MB, không quá ${MAX_UPLOAD_MB})`}
          rules={[{ required: true, message: 'Chưa nhập dung lượng tối đa' }]}
        >
          <InputNumber min={1} max={MAX_UPLOAD_MB} precision={0} />
        </Form.Item>
        <Form.Item name="sortOrder" label="Thứ tự hiển thị">
          <InputNumber min={0} max={10000} precision={0} />
        </Form.Item>
        <Form.Item name="required" label="Bắt buộc" valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item
          name="sensitive"
          label="Thuộc phần mật (chỉ người có quyền xem phần mật mới xem, tải lên, xác minh)"
          valuePropName="checked"
        >
          <Switch />
        </Form.Item>
        {type && (
          <Form.Item name="active" label="Đang sử dụng" valuePropName="checked">
            <Switch />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
