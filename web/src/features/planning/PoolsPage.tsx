import { useState } from 'react';
import { App, Button, Form, Input, Modal, Select, Space, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router-dom';
import { api } from '../../api/client.ts';
import { useApiErrorHandler, ErrorAlert } from '../../components/errors.tsx';
import { UnitPicker } from '../../components/UnitPicker.tsx';
import { useCurrentUser } from '../auth/auth.tsx';
import { canWrite } from '../../lib/roles.ts';
import { formatNumber } from '../../lib/vn.ts';
import { vnSearch } from '../../lib/options.ts';
import { usePostTitles } from '../posts/api.ts';
import type { PoolDto, PoolPageDto } from '../../../../src/contracts/planning.ts';
import { DEFAULT_TERM, TermInput, validTerm } from './shared.tsx';

/** /planning/pools: the pools of a subtree (post, unit, term) with how full each is. */
export default function PoolsPage() {
  const writer = canWrite(useCurrentUser());
  const [unitId, setUnitId] = useState<number | null>(null);
  const [term, setTerm] = useState(DEFAULT_TERM);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(50);
  const [creating, setCreating] = useState(false);
  const q = {
    unitId: unitId ?? undefined,
    term: validTerm(term) ? term : undefined,
    page,
    pageSize,
  };
  const list = useQuery({
    queryKey: ['planning', 'pools', q],
    queryFn: () => api.get<PoolPageDto>('/api/planning/pools', q),
    placeholderData: keepPreviousData,
  });
  const columns: TableColumnsType<PoolDto> = [
    {
      title: 'Chức danh',
      render: (_, r) => (
        <Space>
          <Link to={`/planning/pools/${r.id}`}>{r.postTitleName}</Link>
          {r.isKey && <Tag>Chủ chốt</Tag>}
        </Space>
      ),
    },
    { title: 'Tổ chức', dataIndex: 'unitName' },
    { title: 'Nhiệm kỳ', dataIndex: 'term', width: 110 },
    {
      title: 'Số người trong quy hoạch',
      width: 200,
      render: (_, r) => (
        <Tag color={r.activeCount === 0 ? 'red' : r.activeCount === 1 ? 'orange' : 'green'}>
          {r.activeCount}/{r.maxPeople}
        </Tag>
      ),
    },
  ];
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <UnitPicker
          value={unitId}
          onChange={(v) => {
            setUnitId(v);
            setPage(1);
          }}
          allowClear
          placeholder="Toàn bộ phạm vi quản lý"
          style={{ width: 340 }}
        />
        <TermInput
          value={term}
          onChange={(v) => {
            setTerm(v);
            setPage(1);
          }}
        />
        {writer && (
          <Button type="primary" onClick={() => setCreating(true)}>
            Lập quỹ quy hoạch
          </Button>
        )}
      </Space>
      {list.error && <ErrorAlert error={list.error} />}
      <Table<PoolDto>
        rowKey="id"
        size="small"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        columns={columns}
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (n) => `${formatNumber(n)} quỹ quy hoạch`,
          onChange: (p, s) => {
            setPage(p);
            setPageSize(s);
          },
        }}
      />
      {creating && (
        <CreatePoolModal
          term={validTerm(term) ? term : DEFAULT_TERM}
          unitId={unitId}
          onClose={() => setCreating(false)}
        />
      )}
    </>
  );
}

interface PoolValues {
  postTitleId: number;
  unitId: number;
  term: string;
}

function CreatePoolModal(props: { term: string; unitId: number | null; onClose: () => void }) {
  const [form] = Form.useForm<PoolValues>();
  const titles = usePostTitles();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const m = useMutation({
    mutationFn: (v: PoolValues) => api.post<PoolDto>('/api/planning/pools', v),
    onSuccess: (p) => {
      void message.success('Đã lập quỹ quy hoạch');
      void qc.invalidateQueries({ queryKey: ['planning'] });
      navigate(`/planning/pools/${p.id}`);
    },
    onError: (e) => handleError(e, { form }),
  });
  return (
    <Modal
      open
      title="Lập quỹ quy hoạch"
      okText="Lập quỹ"
      cancelText="Hủy"
      onCancel={props.onClose}
      onOk={() => form.submit()}
      confirmLoading={m.isPending}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ term: props.term, unitId: props.unitId ?? undefined }}
        onFinish={(v) => m.mutate(v)}
      >
        <Form.Item
          name="postTitleId"
          label="Chức danh"
          rules={[{ required: true, message: 'Chọn chức danh' }]}
        >
          <Select
            showSearch={vnSearch}
            options={(titles.data ?? []).map((t) => ({
              value: t.id,
              label: t.isKey ? `${t.name} (chủ chốt)` : t.name,
            }))}
          />
        </Form.Item>
        <Form.Item
          name="unitId"
          label="Tổ chức"
          rules={[{ required: true, message: 'Chọn tổ chức' }]}
        >
          <UnitPicker />
        </Form.Item>
        <Form.Item
          name="term"
          label="Nhiệm kỳ quy hoạch"
          rules={[
            { required: true, pattern: /^\d{4}-\d{4}$/, message: 'Nhiệm kỳ có dạng 2030-2035' },
          ]}
        >
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}
