import type { ReactNode } from 'react';
import { Button, Result, Spin } from 'antd';
import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { errorMessage } from '../components/errors.tsx';
import { useAuth } from '../features/auth/auth.tsx';
import type { Role } from '../lib/contracts.ts';
import { hasAnyRole } from '../lib/roles.ts';

export function PageSpinner() {
  return (
    <div style={{ padding: 64, textAlign: 'center' }}>
      <Spin size="large" />
    </div>
  );
}

/** Sends visitors without a session to /login?next=<where they were going>. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { user, loading, error, retry } = useAuth();
  const location = useLocation();
  if (loading) return <PageSpinner />;
  if (!user && error) {
    return (
      <Result
        status="error"
        title="Không kết nối được máy chủ"
        subTitle={errorMessage(error)}
        extra={
          <Button type="primary" onClick={retry}>
            Thử lại
          </Button>
        }
      />
    );
  }
  if (!user) {
    const next = `${location.pathname}${location.search}`;
    const to = next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`;
    return <Navigate to={to} replace />;
  }
  return <>{children}</>;
}

export function Forbidden() {
  return (
    <Result
      status="403"
      title="Không có quyền truy cập"
      subTitle="Tài khoản của bạn không được phép xem trang này."
    />
  );
}

/** Layout route: renders its children only for users holding one of the roles. */
export function RequireRoles({ roles }: { roles: readonly Role[] }) {
  const { user } = useAuth();
  return hasAnyRole(user, roles) ? <Outlet /> : <Forbidden />;
}
