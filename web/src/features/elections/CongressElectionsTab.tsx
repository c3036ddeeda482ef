import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { api } from '../../api/client.ts';
import { listStatusLabels } from '../../../../src/contracts/elections.ts';
import {
  problemText,
  useCongressElections,
  useCountingCommittee,
  useElectionAction,
} from './api.ts';

/** The elections of one congress (its bodies' lists and rounds) and its counting committee. */
export default function CongressElectionsTab({ congressId }: { congressId: number }) {
  const { message } = App.useApp();
  const elections = useCongressElections(congressId);
  const fail = (e: unknown) => void message.error(problemText(e));
  const create = useElectionAction((bodyId: number) =>
    api.post(`/api/congresses/${congressId}/elections`, { bodyId }),
  );
  if (elections.error) return <Alert type="error" title={problemText(elections.error)} />;
  const d = elections.data;
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Table
        rowKey="bodyId"
        loading={elections.isLoading}
        dataSource={d?.bodies ?? []}
        pagination={false}
        columns={[
          { title: 'Cơ quan bầu', dataIndex: 'bodyName' },
          { title: 'Số lượng bầu', dataIndex: 'seats', width: 120 },
          {
            title: 'Danh sách bầu cử',
            render: (_, b) =>
              b.listStatus ? (
                <Tag color={b.listStatus === 'approved' ? 'green' : 'blue'}>
                  {listStatusLabels[b.listStatus]} · {b.candidates} người
                </Tag>
              ) : (
                <Typography.Text type="secondary">Chưa lập</Typography.Text>
              ),
          },
          { title: 'Số vòng', dataIndex: 'rounds', width: 90 },
          {
            title: '',
            width: 200,
            render: (_, b) =>
              b.electionId ? (
                <Link to={`/elections/${b.electionId}`} data-testid={`open-election-${b.bodyId}`}>
                  Mở cuộc bầu
                </Link>
              ) : d?.canWrite ? (
                <Button
                  size="small"
                  data-testid={`create-election-${b.bodyId}`}
                  loading={create.isPending}
                  onClick={() => create.mutate(b.bodyId, { onError: fail })}
                >
                  Lập cuộc bầu
                </Button>
              ) : null,
          },
        ]}
      />
      <CountingCommitteeCard congressId={congressId} />
    </Space>
  );
}

function CountingCommitteeCard({ congressId }: { congressId: number }) {
  const { message } = App.useApp();
  const q = useCountingCommittee(congressId);
  const [memberForm] = Form.useForm<{ fullName: string; role: string }>();
  const [counterForm] = Form.useForm<{ username: string }>();
  const [error, setError] = useState<string | null>(null);
  const base = `/api/congresses/${congressId}/counting-committee`;
  const onError = (e: unknown) => setError(problemText(e));
  const addMember = useElectionAction(
    (v: { fullName: string; role: string }) => api.post(`${base}/members`, v),
    () => {
      memberForm.resetFields();
      setError(null);
      void message.success('Đã thêm thành viên ban kiểm phiếu');
    },
  );
  const removeMember = useElectionAction((id: number) => api.delete(`${base}/members/${id}`));
  const addCounter = useElectionAction(
    (v: { username: string }) => api.post(`${base}/counters`, v),
    () => {
      counterForm.resetFields();
      setError(null);
      void message.success('Đã giao tài khoản nhập phiếu');
    },
  );
  const removeCounter = useElectionAction((userId: number) =>
    api.delete(`${base}/counters/${userId}`),
  );
  const d = q.data;
  return (
    <Card title="Ban kiểm phiếu" size="small">
      {error && (
        <Alert
          type="error"
          title={error}
          style={{ marginBottom: 12 }}
          closable
          onClose={() => setError(null)}
        />
      )}
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        loading={q.isLoading}
        dataSource={d?.members ?? []}
        locale={{ emptyText: 'Chưa có thành viên ban kiểm phiếu' }}
        columns={[
          { title: 'Họ và tên', dataIndex: 'fullName' },
          { title: 'Chức danh trong ban', dataIndex: 'role' },
          {
            title: '',
            width: 80,
            render: (_, m) =>
              d?.canWrite && (
                <Button size="small" danger onClick={() => removeMember.mutate(m.id, { onError })}>
                  Bỏ
                </Button>
              ),
          },
        ]}
      />
      {d?.canWrite && (
        <Form
          form={memberForm}
          layout="inline"
          style={{ marginTop: 12 }}
          initialValues={{ role: 'Ủy viên' }}
          onFinish={(v) => addMember.mutate(v, { onError })}
        >
          <Form.Item name="fullName" rules={[{ required: true, message: 'Nhập họ và tên' }]}>
            <Input aria-label="Họ và tên thành viên ban kiểm phiếu" placeholder="Họ và tên" />
          </Form.Item>
          <Form.Item name="role">
            <Input aria-label="Chức danh trong ban" style={{ width: 140 }} />
          </Form.Item>
          <Button htmlType="submit" loading={addMember.isPending}>
            Thêm thành viên
          </Button>
        </Form>
      )}
      <Typography.Title level={5} style={{ marginTop: 20 }}>
        Tài khoản được nhập phiếu
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        Tài khoản vai trò “Ban kiểm phiếu” chỉ thấy màn hình nhập phiếu của đại hội được giao.
      </Typography.Paragraph>
      <Table
        rowKey="userId"
        size="small"
        pagination={false}
        dataSource={d?.counters ?? []}
        locale={{ emptyText: 'Chưa giao tài khoản nào' }}
        columns={[
          { title: 'Tên đăng nhập', dataIndex: 'username' },
          { title: 'Tên hiển thị', dataIndex: 'displayName' },
          {
            title: '',
            width: 110,
            render: (_, c) =>
              d?.canWrite && (
                <Button
                  size="small"
                  danger
                  onClick={() => removeCounter.mutate(c.userId, { onError })}
                >
                  Thôi giao
                </Button>
              ),
          },
        ]}
      />
      {d?.canWrite && (
        <Form
          form={counterForm}
          layout="inline"
          style={{ marginTop: 12 }}
          onFinish={(v) => addCounter.mutate(v, { onError })}
        >
          <Form.Item name="username" rules={[{ required: true, message: 'Nhập tên đăng nhập' }]}>
            <Input aria-label="Tên đăng nhập tài khoản nhập phiếu" placeholder="Tên đăng nhập" />
          </Form.Item>
          <Button htmlType="submit" loading={addCounter.isPending}>
            Giao nhập phiếu
          </Button>
        </Form>
      )}
    </Card>
  );
}
