import { useState } from 'react';
import { App, Button, Form, Input, Modal, Space, Upload } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { useApiErrorHandler } from '../../components/errors.tsx';
import type { DocumentTypeDto, DossierDocumentDto } from '../../lib/contracts.ts';
import { acceptOf } from './dossierUi.tsx';

/** Uploads a file for one type of a person's dossier; the server decides what is acceptable. */
export function UploadButton({
  memberId,
  type,
  replacing,
  onDone,
}: {
  memberId: number;
  type: DocumentTypeDto;
  replacing: boolean;
  onDone: () => void;
}) {
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const upload = useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('typeId', String(type.id));
      form.append('file', file, file.name);
      return api.upload<DossierDocumentDto>(`/api/members/${memberId}/documents`, form);
    },
    onSuccess: () => {
      void message.success(`Đã tải lên “${type.typeName}”.`);
      onDone();
    },
    onError: (err) => handleError(err),
  });
  return (
    <Upload
      accept={acceptOf(type.allowedKinds)}
      showUploadList={false}
      maxCount={1}
      disabled={!type.active}
      beforeUpload={(file) => {
        if (file.size > type.maxSizeMb * 1024 * 1024) {
          void message.error(
            `Tệp “${file.name}” vượt dung lượng tối đa ${type.maxSizeMb} MB của loại giấy tờ này.`,
          );
          return Upload.LIST_IGNORE;
        }
        return true;
      }}
      customRequest={({ file, onSuccess, onError }) => {
        upload.mutate(file as File, {
          onSuccess: (doc) => onSuccess?.(doc),
          onError: (err) => onError?.(err),
        });
      }}
    >
      <Button size="small" loading={upload.isPending} disabled={!type.active}>
        {replacing ? 'Thay tệp' : 'Tải lên'}
      </Button>
    </Upload>
  );
}

/** Xác minh / Trả lại (with a reason) for the current upload of a type. */
export function ReviewButtons({ doc, onDone }: { doc: DossierDocumentDto; onDone: () => void }) {
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const [rejecting, setRejecting] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  const review = useMutation({
    mutationFn: (body: { outcome: 'verified' | 'rejected'; reason?: string }) =>
      api.post<DossierDocumentDto>(`/api/documents/${doc.id}/review`, {
        ...body,
        version: doc.version,
      }),
    onSuccess: (saved) => {
      void message.success(
        saved.status === 'verified' ? 'Đã xác minh giấy tờ.' : 'Đã trả lại giấy tờ.',
      );
      setRejecting(false);
      form.resetFields();
      onDone();
    },
    onError: (err) => handleError(err, { form, onReload: onDone }),
  });
  return (
    <Space size={4}>
      {doc.status !== 'verified' && (
        <Button
          size="small"
          type="link"
          loading={review.isPending && !rejecting}
          onClick={() => review.mutate({ outcome: 'verified' })}
        >
          Xác minh
        </Button>
      )}
      {doc.status !== 'rejected' && (
        <Button size="small" type="link" danger onClick={() => setRejecting(true)}>
          Trả lại
        </Button>
      )}
      <Modal
        title="Trả lại giấy tờ"
        open={rejecting}
        okText="Trả lại"
        cancelText="Hủy"
        okButtonProps={{ danger: true, loading: review.isPending }}
        onCancel={() => setRejecting(false)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) => review.mutate({ outcome: 'rejected', reason: v.reason })}
        >
          <Form.Item
            name="reason"
            label="Lý do trả lại"
            rules={[{ required: true, whitespace: true, message: 'Cần ghi lý do trả lại' }]}
          >
            <Input.TextArea rows={3} maxLength={500} showCount />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
