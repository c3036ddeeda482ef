import { useState } from 'react';
import { Button, Card, Result, Space, Tabs } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { api, isApiError } from '../../api/client.ts';
import { ErrorAlert } from '../../components/errors.tsx';
import { HistoryTable } from '../../components/HistoryTable.tsx';
import type { MemberDto } from '../../lib/contracts.ts';
import { canWrite } from '../../lib/roles.ts';
import { useCurrentUser } from '../auth/auth.tsx';
import { ArchiveModal, TransferModal, useRestoreMember } from './MemberActions.tsx';
import { MemberEditor } from './MemberEditor.tsx';
import { UnitHistoryTable } from './UnitHistoryTable.tsx';
import { MemberPostsTab } from '../posts/MemberPostsTab.tsx';
import { MemberResumeTab } from '../resume/MemberResumeTab.tsx';
import { MemberDossierTab } from '../dossiers/MemberDossierTab.tsx';
import { MemberEvaluationsTab } from '../evaluation/MemberEvaluationsTab.tsx';
import { MemberPlanningTab } from '../planning/MemberPlanningTab.tsx';

export default function MemberPage() {
  const { id } = useParams();
  const [search] = useSearchParams();
  const memberId = id ? Number(id) : null;
  const user = useCurrentUser();
  const writer = canWrite(user);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<'archive' | 'transfer' | null>(null);
  const validId = memberId !== null && Number.isInteger(memberId) && memberId > 0;

  const query = useQuery({
    queryKey: ['member', memberId],
    queryFn: () => api.get<MemberDto>(`/api/members/${memberId}`),
    enabled: validId,
    staleTime: 0,
  });

  const reload = () => void query.refetch();
  const applySaved = (dto: MemberDto, created = false) => {
    setDialog(null);
    queryClient.setQueryData(['member', dto.id], dto);
    void queryClient.invalidateQueries({ queryKey: ['members'] });
    void queryClient.invalidateQueries({ queryKey: ['history', 'member', dto.id] });
    void queryClient.invalidateQueries({ queryKey: ['unit'] });
    if (created) navigate(`/members/${dto.id}`, { replace: true });
  };
  const restore = useRestoreMember(applySaved, reload);

  if (!id) {
    const unitParam = Number(search.get('unitId'));
    return (
      <MemberEditor
        key="new"
        member={null}
        mode="staff"
        readOnly={!writer}
        initialUnitId={Number.isInteger(unitParam) && unitParam > 0 ? unitParam : null}
        onSaved={applySaved}
        onReload={reload}
        extraActions={<Button onClick={() => navigate(-1)}>Hủy</Button>}
      />
    );
  }
  if (!validId || (isApiError(query.error) && query.error.status === 404)) {
    return (
      <Result
        status="404"
        title="Không tìm thấy đảng viên"
        subTitle="Hồ sơ không tồn tại hoặc nằm ngoài phạm vi quản lý của bạn."
        extra={<Link to="/members">Về danh sách đảng viên</Link>}
      />
    );
  }
  if (query.error) return <ErrorAlert error={query.error} onRetry={reload} />;
  const member = query.data;
  if (!member) return <Card loading />;
  const archived = !!member.archivedAt;

  return (
    <>
      <MemberEditor
        key={`${member.id}:${member.version}`}
        member={member}
        mode="staff"
        readOnly={!writer}
        onSaved={applySaved}
        onReload={reload}
        unitSlot={
          <Space wrap>
            <Link to={`/units/${member.unitId}`}>{member.unitName}</Link>
            {writer && !archived && (
              <Button size="small" onClick={() => setDialog('transfer')}>
                Chuyển sinh hoạt
              </Button>
            )}
          </Space>
        }
        extraActions={
          writer &&
          (archived ? (
            <Button onClick={() => restore(member)}>Khôi phục</Button>
          ) : (
            <Button danger onClick={() => setDialog('archive')}>
              Lưu trữ
            </Button>
          ))
        }
      />
      <Card size="small" style={{ marginTop: 16 }}>
        <Tabs
          defaultActiveKey={search.get('tab') ?? 'posts'}
          items={[
            {
              key: 'posts',
              label: 'Chức vụ, nhiệm kỳ',
              children: <MemberPostsTab member={member} />,
            },
            {
              key: 'resume',
              label: 'Sơ yếu lý lịch (2C)',
              children: <MemberResumeTab member={member} />,
            },
            {
              key: 'dossier',
              label: 'Hồ sơ, giấy tờ',
              children: <MemberDossierTab member={member} />,
            },
            {
              key: 'evaluation',
              label: 'Đánh giá, xếp loại',
              children: <MemberEvaluationsTab member={member} />,
            },
            {
              key: 'planning',
              label: 'Quy hoạch',
              children: <MemberPlanningTab member={member} />,
            },
            {
              key: 'units',
              label: 'Quá trình sinh hoạt đảng',
              children: <UnitHistoryTable history={member.unitHistory} linkUnits />,
            },
            {
              key: 'history',
              label: 'Lịch sử thay đổi',
              children: <HistoryTable entityType="member" entityId={member.id} />,
            },
          ]}
        />
      </Card>
      {dialog === 'transfer' && (
        <TransferModal
          member={member}
          onClose={() => setDialog(null)}
          onDone={applySaved}
          onReload={reload}
        />
      )}
      {dialog === 'archive' && (
        <ArchiveModal
          member={member}
          onClose={() => setDialog(null)}
          onDone={applySaved}
          onReload={reload}
        />
      )}
    </>
  );
}
