import { useState } from 'react';
import { App, Button, Form, Input, Modal, Select, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { IsoDatePicker, todayIso } from '../../components/DateField.tsx';
import { ErrorAlert, useApiErrorHandler } from '../../components/errors.tsx';
import { canWrite } from '../../lib/roles.ts';
import { formatDate } from '../../lib/vn.ts';
import { useCurrentUser } from '../auth/auth.tsx';
import { feedbackSourceLabels, feedbackSources, type FeedbackDto } from './api.ts';

/**
 * Feedback from the Front, mass organisations and residents about one cadre, for evaluators
 * only (the server refuses it to the person concerned).
 */
export function FeedbackList({ memberId }: { memberId: number }) {
  const user = useCurrentUser();
  const [adding, setAdding] = useState(false);
  const list = useQuery({
    queryKey: ['feedback', memberId],
    queryFn: () => api.get<FeedbackDto[]>(`/api/members/${memberId}/feedback`),
  });
  const columns: TableColumnsType<FeedbackDto> = [
    { title: 'Ngày nhận', width: 110, render: (_, f) => formatDate(f.receivedDate) },
    {
      title: 'Nguồn',
      width: 260,
      render: (_, f) => (
        <>
          <Tag>{feedbackSourceLabels[f.sourceKind]}</Tag> {f.sourceName}
        </>
      ),
    },
    { title: 'Nội dung', dataIndex: 'content' },
    { title: 'Người ghi nhận', width: 160, dataIndex: 'recordedBy' },
  ];
  if (list.error) return <ErrorAlert error={list.error} />;
  return (
    <>
      {canWrite(user) && (
        <Button style={{ marginBottom: 8 }} onClick={() => setAdding(true)}>
          Ghi nhận ý kiến
        </Button>
      )}
      <Table
        rowKey="id"
        size="small"
        loading={list.isLoading}
        columns={columns}
        dataSource={list.data ?? []}
        pagination={false}
        locale={{ emptyText: 'Chưa có ý kiến phản ánh' }}
      />
      {adding && <AddFeedbackModal memberId={memberId} onClose={() => setAdding(false)} />}
    </>
  );
}

interface FeedbackForm {
  sourceKind: FeedbackDto['sourceKind'];
  sourceName: string;
  receivedDate: string;
  content: string;
}

function AddFeedbackModal({ memberId, onClose }: { memberId: number; onClose: () => void }) {
  const [form] = Form.useForm<FeedbackForm>();
  const handleError = useApiErrorHandler();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [saving, setSaving] = useState(false);
  const submit = async (values: FeedbackForm) => {
    setSaving(true);
    try {
      await api.post(`/api/members/${memberId}/feedback`, values);
      void message.success('Đã ghi nhận ý kiến');
      void queryClient.invalidateQueries({ queryKey: ['feedback', memberId] });
      onClose();
    } catch (e) {
      handleError(e, { form });
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open
      title="Ghi nhận ý kiến về cán bộ"
      okText="Lưu"
      cancelText="Hủy"
      confirmLoading={saving}
      onCancel={onClose}
      onOk={() => form.submit()}
    >
      <Form<FeedbackForm>
        form={form}
        layout="vertical"
        initialValues={{ sourceKind: 'front', receivedDate: todayIso() }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item name="sourceKind" label="Nguồn ý kiến">
          <Select
            options={feedbackSources.map((s) => ({ value: s, label: feedbackSourceLabels[s] }))}
          />
        </Form.Item>
        <Form.Item
          name="sourceName"
          label="Tên cơ quan, tổ chức, người phản ánh"
          rules={[{ required: true, whitespace: true, message: 'Nhập nguồn cụ thể' }]}
        >
          <Input maxLength={300} placeholder="Ví dụ: Ban công tác Mặt trận tổ dân phố số 5" />
        </Form.Item>
        <Form.Item
          name="receivedDate"
          label="Ngày nhận"
          rules={[{ required: true, message: 'Chọn ngày' }]}
        >
          <IsoDatePicker />
        </Form.Item>
        <Form.Item
          name="content"
          label="Nội dung"
          rules={[{ required: true, whitespace: true, message: 'Nhập nội dung' }]}
        >
          <Input.TextArea rows={4} maxLength={8000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
