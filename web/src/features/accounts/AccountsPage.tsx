import { useState } from 'react';
import { App, Button, Col, Input, Row, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { formatDateTime } from '../../components/DateField.tsx';
import { ErrorAlert, useApiErrorHandler } from '../../components/errors.tsx';
import { permissionLabels, roleLabels } from '../../lib/contracts.ts';
import type { AccountDto, Page } from '../../lib/contracts.ts';
import { useDebounced } from '../../lib/hooks.ts';
import { formatNumber } from '../../lib/vn.ts';
import { AccountModal, ResetPasswordModal } from './AccountModal.tsx';

type Dialog =
  { kind: 'edit'; account: AccountDto | null } | { kind: 'password'; account: AccountDto };

function isLocked(a: AccountDto): boolean {
  return !!a.lockedUntil && new Date(a.lockedUntil).getTime() > Date.now();
}

export default function AccountsPage() {
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), 350);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(50);
  const [dialog, setDialog] = useState<Dialog | null>(null);

  const list = useQuery({
    queryKey: ['accounts', q, page, pageSize],
    queryFn: () => api.get<Page<AccountDto>>('/api/accounts', { q, page, pageSize }),
    placeholderData: keepPreviousData,
  });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['accounts'] });

  const unlock = async (a: AccountDto) => {
    try {
      await api.post(`/api/accounts/${a.id}/unlock`);
      void message.success(`Đã mở khóa tài khoản ${a.username}`);
      refresh();
    } catch (e) {
      handleError(e);
    }
  };

  const columns: TableColumnsType<AccountDto> = [
    { title: 'Tên đăng nhập', dataIndex: 'username' },
    { title: 'Họ tên', dataIndex: 'displayName' },
    { title: 'Tổ chức', dataIndex: 'unitName' },
    {
      title: 'Vai trò',
      dataIndex: 'roles',
      render: (rs: AccountDto['roles'], a) => [
        ...rs.map((r) => <Tag key={r}>{roleLabels[r]}</Tag>),
        ...(a.permissions.includes('sensitive')
          ? [
              <Tag key="sensitive" color="gold" title={permissionLabels.sensitive}>
                Xem phần mật lý lịch
              </Tag>,
            ]
          : []),
      ],
    },
    {
      title: 'Trạng thái',
      key: 'state',
      render: (_, a) =>
        !a.active ? (
          <Tag>Ngừng hoạt động</Tag>
        ) : isLocked(a) ? (
          <Tag color="red">Tạm khóa đến {formatDateTime(a.lockedUntil)}</Tag>
        ) : (
          <Tag color="green">Hoạt động</Tag>
        ),
    },
    {
      title: 'Đăng nhập lần cuối',
      dataIndex: 'lastLoginAt',
      render: (t: string | null) => formatDateTime(t) || 'Chưa đăng nhập',
    },
    {
      title: 'Thao tác',
      key: 'actions',
      render: (_, a) => (
        <Space wrap size={4}>
          <Button size="small" onClick={() => setDialog({ kind: 'edit', account: a })}>
            Sửa
          </Button>
          <Button size="small" onClick={() => setDialog({ kind: 'password', account: a })}>
            Đặt lại mật khẩu
          </Button>
          {isLocked(a) && (
            <Button size="small" onClick={() => void unlock(a)}>
              Mở khóa
            </Button>
          )}
        </Space>
      ),
    },
  ];

  const data = list.data;
  return (
    <>
      <Row justify="space-between" align="middle" gutter={[16, 8]} style={{ marginBottom: 16 }}>
        <Col>
          <Typography.Title level={3} style={{ margin: 0 }}>
            Tài khoản
          </Typography.Title>
        </Col>
        <Col>
          <Space wrap>
            <Input.Search
              allowClear
              aria-label="Tìm tài khoản"
              placeholder="Tìm theo tên đăng nhập, họ tên"
              value={text}
              onChange={(e) => {
                setText(e.target.value);
                setPage(1);
              }}
              style={{ width: 280 }}
            />
            <Button type="primary" onClick={() => setDialog({ kind: 'edit', account: null })}>
              Tạo tài khoản
            </Button>
          </Space>
        </Col>
      </Row>
      {list.error && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      <Table<AccountDto>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={data?.items ?? []}
        loading={list.isFetching}
        scroll={{ x: 900 }}
        pagination={{
          current: page,
          pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (t) => `Tổng số: ${formatNumber(t)} tài khoản`,
          onChange: (p, s) => {
            setPage(p);
            setPageSize(s);
          },
        }}
      />
      {dialog?.kind === 'edit' && (
        <AccountModal
          account={dialog.account}
          onClose={() => setDialog(null)}
          onDone={() => {
            setDialog(null);
            refresh();
          }}
          onReload={() => {
            setDialog(null);
            refresh();
          }}
        />
      )}
      {dialog?.kind === 'password' && (
        <ResetPasswordModal account={dialog.account} onClose={() => setDialog(null)} />
      )}
    </>
  );
}
