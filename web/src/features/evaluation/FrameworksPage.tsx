import { useState } from 'react';
import {
  App,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { TableColumnsType } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { ErrorAlert, useApiErrorHandler } from '../../components/errors.tsx';
import { isAdmin } from '../../lib/roles.ts';
import { useCurrentUser } from '../auth/auth.tsx';
import {
  criterionPartLabels,
  criterionParts,
  evaluationSubjectLabels,
  points,
  type CriterionDto,
  type FrameworkDto,
} from './api.ts';

/** The five frameworks of QĐ 366-QĐ/TW with their criteria; administrators edit criteria. */
export function FrameworksPage() {
  const user = useCurrentUser();
  const [editing, setEditing] = useState<{ framework: FrameworkDto; criterion?: CriterionDto }>();
  const list = useQuery({
    queryKey: ['evaluation-frameworks'],
    queryFn: () => api.get<FrameworkDto[]>('/api/evaluation/frameworks'),
  });
  if (list.error) return <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />;
  const admin = isAdmin(user);
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        Khung tiêu chí đánh giá
      </Typography.Title>
      <Typography.Text type="secondary">
        Tiêu chí chung 30 điểm và kết quả thực hiện nhiệm vụ 70 điểm; tiêu chí gắn một chức danh
        thay phần kết quả nhiệm vụ chung cho người giữ chức danh đó.
      </Typography.Text>
      {(list.data ?? []).map((f) => {
        const columns: TableColumnsType<CriterionDto> = [
          { title: 'Phần', width: 190, render: (_, c) => criterionPartLabels[c.part] },
          { title: 'Tiêu chí', dataIndex: 'name' },
          {
            title: 'Chức danh',
            width: 110,
            render: (_, c) => (c.postTitleCode ? <Tag>{c.postTitleCode}</Tag> : 'Tất cả'),
          },
          {
            title: 'Điểm tối đa',
            width: 100,
            align: 'right',
            render: (_, c) => points(c.maxPoints),
          },
          {
            title: '',
            width: 90,
            render: (_, c) =>
              c.active ? (
                admin && (
                  <Button size="small" onClick={() => setEditing({ framework: f, criterion: c })}>
                    Sửa
                  </Button>
                )
              ) : (
                <Tag>Ngừng dùng</Tag>
              ),
          },
        ];
        return (
          <Card
            key={f.id}
            size="small"
            title={`${f.name} (${evaluationSubjectLabels[f.subject]})`}
            extra={
              admin && (
                <Button size="small" onClick={() => setEditing({ framework: f })}>
                  Thêm tiêu chí
                </Button>
              )
            }
          >
            <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
              {f.description} — {f.document}
            </Typography.Paragraph>
            <Table
              rowKey="id"
              size="small"
              columns={columns}
              dataSource={f.criteria}
              pagination={false}
            />
          </Card>
        );
      })}
      {editing && (
        <CriterionModal
          framework={editing.framework}
          criterion={editing.criterion}
          onClose={() => setEditing(undefined)}
        />
      )}
    </Space>
  );
}

interface CriterionForm {
  part: CriterionDto['part'];
  name: string;
  maxPoints: number;
  postTitleCode?: string | null;
  active?: boolean;
}

function CriterionModal({
  framework,
  criterion,
  onClose,
}: {
  framework: FrameworkDto;
  criterion?: CriterionDto;
  onClose: () => void;
}) {
  const [form] = Form.useForm<CriterionForm>();
  const handleError = useApiErrorHandler();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [saving, setSaving] = useState(false);
  const submit = async (v: CriterionForm) => {
    setSaving(true);
    const body = { ...v, postTitleCode: v.postTitleCode?.trim() || null };
    try {
      if (criterion) {
        await api.patch(`/api/evaluation/criteria/${criterion.id}`, {
          ...body,
          version: criterion.version,
        });
      } else {
        await api.post(`/api/evaluation/frameworks/${framework.id}/criteria`, body);
      }
      void message.success('Đã lưu tiêu chí');
      void queryClient.invalidateQueries({ queryKey: ['evaluation-frameworks'] });
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
      title={criterion ? 'Sửa tiêu chí' : `Thêm tiêu chí — ${framework.name}`}
      okText="Lưu"
      cancelText="Hủy"
      confirmLoading={saving}
      onCancel={onClose}
      onOk={() => form.submit()}
    >
      <Form<CriterionForm>
        form={form}
        layout="vertical"
        initialValues={criterion ?? { part: 'tasks', maxPoints: 10, active: true }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item name="part" label="Phần">
          <Select
            options={criterionParts.map((p) => ({ value: p, label: criterionPartLabels[p] }))}
          />
        </Form.Item>
        <Form.Item
          name="name"
          label="Tiêu chí"
          rules={[{ required: true, whitespace: true, message: 'Nhập tên tiêu chí' }]}
        >
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        <Form.Item
          name="maxPoints"
          label="Điểm tối đa"
          rules={[{ required: true, message: 'Nhập điểm' }]}
        >
          <InputNumber min={0.5} max={70} step={0.5} decimalSeparator="," />
        </Form.Item>
        <Form.Item
          name="postTitleCode"
          label="Chỉ áp dụng cho chức danh (mã, ví dụ BT; để trống: tất cả)"
        >
          <Input maxLength={50} />
        </Form.Item>
        {criterion && (
          <Form.Item name="active" label="Đang dùng" valuePropName="checked">
            <Switch />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
