import { Alert, Card, Space, Tabs } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, isApiError } from '../../api/client.ts';
import { ErrorAlert } from '../../components/errors.tsx';
import type { MemberDto } from '../../lib/contracts.ts';
import { useCurrentUser } from '../auth/auth.tsx';
import { ChangePasswordForm } from '../auth/ChangePasswordForm.tsx';
import { MemberEditor } from './MemberEditor.tsx';
import { UnitHistoryTable } from './UnitHistoryTable.tsx';
import { MemberResumeTab } from '../resume/MemberResumeTab.tsx';

const OWN_KEY = ['me', 'member'] as const;

function OwnRecord() {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: OWN_KEY,
    queryFn: () => api.get<MemberDto>('/api/me/member'),
    staleTime: 0,
  });
  if (isApiError(query.error) && query.error.status === 404) {
    return <Alert type="info" showIcon title="Tài khoản chưa được gắn với hồ sơ đảng viên." />;
  }
  if (query.error) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  const member = query.data;
  if (!member) return <Card loading />;
  return (
    <>
      <MemberEditor
        key={`${member.id}:${member.version}`}
        member={member}
        mode="self"
        readOnly={false}
        onSaved={(dto) => queryClient.setQueryData(OWN_KEY, dto)}
        onReload={() => void query.refetch()}
        unitSlot={<span>{member.unitName}</span>}
      />
      <Card size="small" style={{ marginTop: 16 }}>
        <Tabs
          items={[
            {
              key: 'resume',
              label: 'Sơ yếu lý lịch (2C)',
              children: <MemberResumeTab member={member} />,
            },
            {
              key: 'units',
              label: 'Quá trình sinh hoạt đảng',
              children: <UnitHistoryTable history={member.unitHistory} linkUnits={false} />,
            },
          ]}
        />
      </Card>
    </>
  );
}

/** Hồ sơ của tôi: the member's own record, and a password change for every account. */
export default function MyProfilePage() {
  const user = useCurrentUser();
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      {user.memberId ? (
        <OwnRecord />
      ) : (
        <Card title="Tài khoản của tôi" style={{ maxWidth: 520 }}>
          <p>
            <strong>{user.displayName}</strong> ({user.username})
          </p>
          <p>{user.unitName}</p>
        </Card>
      )}
      <ChangePasswordForm />
    </Space>
  );
}
