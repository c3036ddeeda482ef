import { useEffect } from 'react';
import { Button, Card, Form, Input, InputNumber, Select, Space, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router-dom';
import { api } from '../../api/client.ts';
import { IsoDatePicker } from '../../components/DateField.tsx';
import { ErrorAlert, useApiErrorHandler } from '../../components/errors.tsx';
import { MemberPicker } from '../../components/MemberPicker.tsx';
import { canWrite } from '../../lib/roles.ts';
import { useCurrentUser } from '../auth/auth.tsx';
import {
  taskPeriodKindLabels,
  taskPeriodKinds,
  type CreateTaskBody,
  type TaskDto,
} from './contracts.ts';

type Values = Omit<CreateTaskBody, 'memberId'> & { memberId?: number | null };

const thisYear = new Date().getFullYear();
const blank: Partial<Values> = {
  periodKind: 'year',
  startYear: thisYear,
  endYear: thisYear,
  deadline: `${thisYear}-12-31`,
  targets: [{ name: '', unit: '', targetValue: 1 }],
  milestones: [],
};

/** /tasks/new and /tasks/:id/edit: the registration form (a returned task is sent back for approval). */
export default function TaskFormPage() {
  const { id } = useParams();
  const editing = id ? Number(id) : null;
  const user = useCurrentUser();
  const [form] = Form.useForm<Values>();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const onError = useApiErrorHandler();
  const existing = useQuery({
    queryKey: ['task', editing],
    queryFn: () => api.get<TaskDto>(`/api/tasks/${editing}`),
    enabled: editing !== null,
  });
  useEffect(() => {
    if (existing.data) form.setFieldsValue(existing.data as unknown as Values);
  }, [existing.data, form]);
  const periodKind = Form.useWatch('periodKind', form);

  const save = useMutation({
    mutationFn: (v: Values) => {
      const body = { ...v, memberId: v.memberId ?? undefined, milestones: v.milestones ?? [] };
      if (periodKind === 'year') body.endYear = body.startYear;
      return editing
        ? api.put<TaskDto>(`/api/tasks/${editing}`, { ...body, version: existing.data!.version })
        : api.post<TaskDto>('/api/tasks', body);
    },
    onSuccess: (t) => {
      void queryClient.invalidateQueries({ queryKey: ['tasks'] });
      queryClient.setQueryData(['task', t.id], t);
      navigate(`/tasks/${t.id}`);
    },
    onError: (e) => onError(e, { form, onReload: () => void existing.refetch() }),
  });

  if (existing.error) return <ErrorAlert error={existing.error} />;
  return (
    <Card title={editing ? 'Sửa việc đăng ký' : 'Đăng ký việc mới, việc khó'}>
      {existing.data?.decisionReason && existing.data.status === 'returned' && (
        <Typography.Paragraph type="warning">
          Lý do trả lại: {existing.data.decisionReason}
        </Typography.Paragraph>
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={blank}
        onFinish={(v) => save.mutate(v)}
        style={{ maxWidth: 860 }}
      >
        {!editing && canWrite(user) && (
          <Form.Item
            name="memberId"
            label="Người đăng ký"
            extra={user.memberId ? 'Để trống: đăng ký cho chính mình' : 'Chọn đảng viên đăng ký'}
          >
            <MemberPicker placeholder="Gõ tên đảng viên" />
          </Form.Item>
        )}
        <Form.Item
          name="title"
          label="Tên việc"
          rules={[{ required: true, message: 'Hãy nhập tên việc' }]}
        >
          <Input data-testid="task-title" maxLength={300} />
        </Form.Item>
        <Form.Item name="description" label="Mô tả, cách làm">
          <Input.TextArea rows={3} maxLength={5000} />
        </Form.Item>
        <Space wrap align="start">
          <Form.Item name="periodKind" label="Thời gian thực hiện">
            <Select
              style={{ width: 180 }}
              options={taskPeriodKinds.map((k) => ({ value: k, label: taskPeriodKindLabels[k] }))}
            />
          </Form.Item>
          <Form.Item name="startYear" label={periodKind === 'year' ? 'Năm' : 'Từ năm'}>
            <InputNumber min={2000} max={2100} data-testid="task-start-year" />
          </Form.Item>
          {periodKind !== 'year' && (
            <Form.Item name="endYear" label="Đến năm">
              <InputNumber min={2000} max={2100} />
            </Form.Item>
          )}
          <Form.Item
            name="deadline"
            label="Thời hạn hoàn thành"
            rules={[{ required: true, message: 'Hãy chọn thời hạn' }]}
          >
            <IsoDatePicker data-testid="task-deadline" style={{ width: 160 }} />
          </Form.Item>
        </Space>
        <Typography.Title level={5}>Chỉ tiêu định lượng</Typography.Title>
        <Form.List name="targets">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, i) => (
                <Space key={f.key} align="start" wrap>
                  <Form.Item
                    name={[f.name, 'name']}
                    rules={[{ required: true, message: 'Hãy nhập nội dung chỉ tiêu' }]}
                  >
                    <Input
                      placeholder="Nội dung chỉ tiêu"
                      aria-label={`Chỉ tiêu ${i + 1}`}
                      data-testid={`task-target-name-${i}`}
                      style={{ width: 380 }}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[f.name, 'targetValue']}
                    rules={[{ required: true, message: 'Nhập giá trị' }]}
                  >
                    <InputNumber
                      min={0}
                      decimalSeparator=","
                      placeholder="Giá trị"
                      aria-label={`Giá trị chỉ tiêu ${i + 1}`}
                      data-testid={`task-target-value-${i}`}
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'unit']}>
                    <Input placeholder="Đơn vị tính" style={{ width: 120 }} />
                  </Form.Item>
                  {fields.length > 1 && <Button onClick={() => remove(f.name)}>Bỏ</Button>}
                </Space>
              ))}
              <div style={{ marginBottom: 8 }}>
                <Button onClick={() => add({ name: '', unit: '', targetValue: 1 })}>
                  Thêm chỉ tiêu
                </Button>
              </div>
            </>
          )}
        </Form.List>
        <Typography.Title level={5} style={{ marginTop: 16 }}>
          Lộ trình thực hiện
        </Typography.Title>
        <Form.List name="milestones">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, i) => (
                <Space key={f.key} align="start" wrap>
                  <Form.Item
                    name={[f.name, 'title']}
                    rules={[{ required: true, message: 'Hãy nhập nội dung bước' }]}
                  >
                    <Input placeholder={`Bước ${i + 1}`} style={{ width: 380 }} />
                  </Form.Item>
                  <Form.Item
                    name={[f.name, 'dueDate']}
                    rules={[{ required: true, message: 'Chọn thời hạn bước' }]}
                  >
                    <IsoDatePicker style={{ width: 160 }} />
                  </Form.Item>
                  <Button onClick={() => remove(f.name)}>Bỏ</Button>
                </Space>
              ))}
              <div>
                <Button onClick={() => add({ title: '', dueDate: null })}>Thêm bước</Button>
              </div>
            </>
          )}
        </Form.List>
        <Space style={{ marginTop: 24 }}>
          <Button
            type="primary"
            htmlType="submit"
            loading={save.isPending}
            data-testid="task-submit"
          >
            {editing ? 'Lưu và gửi phê duyệt' : 'Gửi đăng ký'}
          </Button>
          <Button onClick={() => navigate(-1)}>Hủy</Button>
        </Space>
      </Form>
    </Card>
  );
}
