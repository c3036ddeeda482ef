import { Suspense, useState } from 'react';
import { Button, Layout, Menu, Space, Tag, Typography } from 'antd';
import type { MenuProps } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { api } from '../api/client.ts';
import { useCurrentUser, useAuth } from '../features/auth/auth.tsx';
import { roleLabels } from '../lib/contracts.ts';
import { canBrowse, canWrite, hasAnyRole, isAdmin, isCounterOnly } from '../lib/roles.ts';
import { PageSpinner } from './guards.tsx';

interface Health {
  status: string;
  database: 'pglite' | 'postgres';
  migrations: { count: number };
}

const sections = [
  '/units',
  '/members',
  '/warnings',
  '/statistics/non-local',
  '/congresses',
  '/elections',
  '/planning',
  '/evaluation',
  '/tasks',
  '/imports',
  '/posts',
  '/document-types',
  '/rules',
  '/audit',
  '/accounts',
  '/me',
];

export function AppLayout() {
  const user = useCurrentUser();
  const { logout } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [collapsed, setCollapsed] = useState(false);
  const health = useQuery({
    queryKey: ['health'],
    queryFn: () => api.get<Health>('/api/health'),
    staleTime: Infinity,
    retry: false,
  });

  const items: MenuProps['items'] = [
    ...(canBrowse(user)
      ? [
          { key: '/units', label: 'Cây tổ chức' },
          { key: '/members', label: 'Đảng viên' },
          { key: '/warnings', label: 'Cảnh báo' },
          { key: '/statistics/non-local', label: 'Thống kê' },
        ]
      : []),
    ...(canBrowse(user)
      ? [
          { key: '/congresses', label: 'Đại hội, bầu cử' },
          { key: '/planning', label: 'Quy hoạch' },
        ]
      : []),
    ...(hasAnyRole(user, ['counter']) ? [{ key: '/elections', label: 'Nhập phiếu bầu' }] : []),
    ...(isCounterOnly(user)
      ? []
      : [
          { key: '/evaluation', label: 'Đánh giá, xếp loại' },
          { key: '/tasks', label: 'Việc mới, việc khó' },
        ]),
    ...(canWrite(user) ? [{ key: '/imports', label: 'Nhập từ Excel' }] : []),
    ...(canBrowse(user)
      ? [
          {
            key: 'catalogues',
            label: 'Danh mục',
            children: [
              { key: '/posts', label: 'Chức danh' },
              { key: '/document-types', label: 'Loại giấy tờ hồ sơ' },
              { key: '/rules', label: 'Quy định, tham số' },
            ],
          },
        ]
      : []),
    ...(canWrite(user) ? [{ key: '/audit', label: 'Nhật ký thay đổi' }] : []),
    ...(isAdmin(user) ? [{ key: '/accounts', label: 'Tài khoản' }] : []),
    { key: '/me', label: user.memberId ? 'Hồ sơ của tôi' : 'Đổi mật khẩu' },
  ];
  const selected = sections.find(
    (s) => location.pathname === s || location.pathname.startsWith(`${s}/`),
  );

  const onLogout = async () => {
    await logout();
    navigate('/login', { replace: true });
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider
        collapsible
        collapsed={collapsed}
        onCollapse={setCollapsed}
        breakpoint="lg"
        theme="light"
        width={220}
        style={{ borderRight: '1px solid #f0f0f0' }}
      >
        <div style={{ padding: '16px 20px' }}>
          <Typography.Title level={3} style={{ margin: 0, color: '#c0392b' }}>
            CanBo
          </Typography.Title>
          {!collapsed && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              Công tác cán bộ
            </Typography.Text>
          )}
        </div>
        <Menu
          mode="inline"
          items={items}
          selectedKeys={selected ? [selected] : []}
          onClick={(e) => navigate(e.key)}
          style={{ borderInlineEnd: 'none' }}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            background: '#fff',
            borderBottom: '1px solid #f0f0f0',
            display: 'flex',
            justifyContent: 'flex-end',
            alignItems: 'center',
            paddingInline: 24,
            gap: 16,
          }}
        >
          <Space size="small" wrap={false}>
            <Typography.Text strong data-testid="current-user">
              {user.displayName}
            </Typography.Text>
            <Typography.Text type="secondary">{user.unitName}</Typography.Text>
            {user.roles.map((r) => (
              <Tag key={r}>{roleLabels[r]}</Tag>
            ))}
          </Space>
          <Button onClick={() => void onLogout()}>Đăng xuất</Button>
        </Layout.Header>
        <Layout.Content style={{ padding: 24 }}>
          <Suspense fallback={<PageSpinner />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
        <Layout.Footer style={{ textAlign: 'center', padding: '12px 24px', fontSize: 12 }}>
          <Typography.Text type="secondary">
            CanBo — Công tác cán bộ
            {health.data &&
              ` · Cơ sở dữ liệu: ${health.data.database === 'pglite' ? 'PGlite (nhúng)' : 'PostgreSQL'}`}
          </Typography.Text>
        </Layout.Footer>
      </Layout>
    </Layout>
  );
}
