import { useState } from 'react';
import {
  App,
  Button,
  Card,
  Checkbox,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Switch,
  Table,
  Tag,
} from 'antd';
import type { TableColumnsType } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { ErrorAlert, useApiErrorHandler } from '../../components/errors.tsx';
import { useCurrentUser } from '../auth/auth.tsx';
import { isAdmin } from '../../lib/roles.ts';
import {
  postLevelLabels,
  postLevels,
  postSectorLabels,
  postSectors,
  type PostTitleDto,
} from '../../lib/contracts.ts';
import { enumOptions } from '../../lib/options.ts';
import { usePostTitles } from './api.ts';

type Values = Omit<PostTitleDto, 'id' | 'version'>;

/** /posts: the catalogue of post titles; administrators of the whole tree edit it. */
export default function PostTitlesPage() {
  const admin = isAdmin(useCurrentUser());
  const [showInactive, setShowInactive] = useState(false);
  const [editing, setEditing] = useState<PostTitleDto | null | undefined>(undefined);
  const list = usePostTitles(showInactive);
  const queryClient = useQueryClient();
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['post-titles'] });

  const columns: TableColumnsType<PostTitleDto> = [
    { title: 'Mã', dataIndex: 'code', width: 110 },
    {
      title: 'Chức danh',
      render: (_, p) => (
        <Space size={4}>
          {p.name}
          {!p.active && <Tag>Ngừng sử dụng</Tag>}
        </Space>
      ),
    },
    { title: 'Cấp', render: (_, p) => postLevelLabels[p.level], width: 110 },
    { title: 'Khối', render: (_, p) => postSectorLabels[p.sector] },
    { title: 'Diện quản lý', dataIndex: 'managingBody' },
    {
      title: 'Chủ chốt',
      width: 90,
      render: (_, p) => (p.isKey ? <Tag color="geekblue">Chủ chốt</Tag> : ''),
    },
    ...(admin
      ? [
          {
            title: '',
            key: 'edit',
            width: 70,
            render: (_: unknown, p: PostTitleDto) => (
              <Button size="small" onClick={() => setEditing(p)}>
                Sửa
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <Card
      title="Danh mục chức danh"
      extra={
        <Space>
          <Checkbox checked={showInactive} onChange={(e) => setShowInactive(e.target.checked)}>
            Hiện cả chức danh ngừng sử dụng
          </Checkbox>
          {admin && (
            <Button type="primary" onClick={() => setEditing(null)}>
              Thêm chức danh
            </Button>
          )}
        </Space>
      }
    >
      {list.error && <ErrorAlert error={list.error} />}
      <Table<PostTitleDto>
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={list.data ?? []}
        columns={columns}
        pagination={false}
      />
      {editing !== undefined && (
        <PostTitleModal
          title={editing}
          onClose={() => setEditing(undefined)}
          onDone={() => {
            setEditing(undefined);
            refresh();
          }}
          onReload={refresh}
        />
      )}
    </Card>
  );
}

function PostTitleModal({
  title,
  onClose,
  onDone,
  onReload,
}: {
  title: PostTitleDto | null;
  onClose: () => void;
  onDone: () => void;
  onReload: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const m = useMutation({
    mutationFn: (v: Values) =>
      title
        ? api.patch<PostTitleDto>(`/api/post-titles/${title.id}`, { ...v, version: title.version })
        : api.post<PostTitleDto>('/api/post-titles', v),
    onSuccess: () => {
      void message.success('Đã lưu chức danh');
      onDone();
    },
    onError: (e) => handleError(e, { form, onReload }),
  });
  return (
    <Modal
      open
      title={title ? `Sửa chức danh ${title.name}` : 'Thêm chức danh'}
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
          title ?? {
            level: 'head',
            sector: 'party',
            managingBody: '',
            isKey: false,
            sortOrder: 0,
            active: true,
          }
        }
        onFinish={(v) => m.mutate(v)}
      >
        <Form.Item
          label="Mã"
          name="code"
          rules={[{ required: true, message: 'Nhập mã chức danh' }]}
        >
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item
          label="Tên chức danh"
          name="name"
          rules={[{ required: true, message: 'Nhập tên' }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item label="Cấp" name="level">
          <Select options={enumOptions(postLevels, postLevelLabels)} />
        </Form.Item>
        <Form.Item label="Khối" name="sector">
          <Select options={enumOptions(postSectors, postSectorLabels)} />
        </Form.Item>
        <Form.Item label="Diện quản lý" name="managingBody">
          <Input maxLength={200} placeholder="Ban Thường vụ Thành ủy" />
        </Form.Item>
        <Form.Item
          label="Chức danh chủ chốt"
          name="isKey"
          valuePropName="checked"
          extra="Tính trong quy định không là người địa phương và không quá hai nhiệm kỳ liên tiếp (Quy định 65-QĐ/TW)."
        >
          <Switch />
        </Form.Item>
        <Form.Item label="Thứ tự" name="sortOrder">
          <InputNumber min={0} max={100000} />
        </Form.Item>
        {title && (
          <Form.Item label="Đang sử dụng" name="active" valuePropName="checked">
            <Switch />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
