import { Alert, App, Button, Card, Collapse, Space, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import { ErrorAlert, errorMessage } from '../../components/errors.tsx';
import {
  resumeSections,
  sectionSpecs,
  type MemberDto,
  type ResumeDto,
  type ResumeSection,
} from '../../lib/contracts.ts';
import { canWrite } from '../../lib/roles.ts';
import { useCurrentUser } from '../auth/auth.tsx';
import { downloadFile } from './download.ts';
import { ProfileGeneral, ProfileSensitive } from './ProfileCard.tsx';
import { SectionTable } from './SectionTable.tsx';
import { WorkHistoryTable } from './WorkHistoryTable.tsx';

/** "Tải .docx" / "Tải PDF" for one person's résumé. */
function DownloadButtons({ member }: { member: MemberDto }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState<'docx' | 'pdf' | null>(null);
  const get = async (format: 'docx' | 'pdf') => {
    setBusy(format);
    try {
      await downloadFile(`/api/members/${member.id}/resume.${format}`, {
        fallbackName: `So-yeu-ly-lich-${member.id}.${format}`,
      });
    } catch (e) {
      void message.error(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };
  return (
    <Space>
      <Button onClick={() => void get('docx')} loading={busy === 'docx'}>
        Tải .docx
      </Button>
      <Button onClick={() => void get('pdf')} loading={busy === 'pdf'}>
        Tải PDF
      </Button>
    </Space>
  );
}

/** The "Sơ yếu lý lịch (2C)" tab of a member record. */
export function MemberResumeTab({ member }: { member: MemberDto }) {
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  const key = ['resume', member.id];
  const query = useQuery({
    queryKey: key,
    queryFn: () => api.get<ResumeDto>(`/api/members/${member.id}/resume`),
  });
  const writer = canWrite(user) && !member.archivedAt;
  const sensitiveWriter = writer && user.permissions.includes('sensitive');
  const refresh = () => {
    void query.refetch();
    void queryClient.invalidateQueries({ queryKey: ['history', 'member', member.id] });
  };
  const saved = (r: ResumeDto) => {
    queryClient.setQueryData(key, r);
    void queryClient.invalidateQueries({ queryKey: ['history', 'member', member.id] });
  };

  if (query.error) return <ErrorAlert error={query.error} onRetry={refresh} />;
  const resume = query.data;
  if (!resume) return <Card loading />;

  const rows = (s: ResumeSection) => resume.entries.filter((e) => e.section === s);
  const table = (s: ResumeSection) => ({
    key: s,
    label: (
      <Space>
        <span>{sectionSpecs[s].title}</span>
        <Typography.Text type="secondary">({rows(s).length})</Typography.Text>
      </Space>
    ),
    children: (
      <SectionTable
        memberId={member.id}
        section={s}
        entries={rows(s)}
        canEdit={sectionSpecs[s].sensitive ? sensitiveWriter : writer}
        onChanged={refresh}
      />
    ),
  });
  const shown = resumeSections.filter(
    (s) => resume.sensitiveIncluded || !sectionSpecs[s].sensitive,
  );
  const items = [
    {
      key: 'general',
      label: 'Thông tin chung (ngoài các mục ở hồ sơ đảng viên)',
      children: (
        <ProfileGeneral resume={resume} canEdit={writer} onSaved={saved} onReload={refresh} />
      ),
    },
    {
      key: 'work',
      label: 'Tóm tắt quá trình công tác (bản in)',
      children: <WorkHistoryTable items={resume.workHistory} />,
    },
    ...shown.map(table),
    ...(resume.sensitiveIncluded
      ? [
          {
            key: 'sensitive',
            label: 'Nhận xét, đánh giá; kê khai tài sản (phần mật)',
            children: (
              <ProfileSensitive
                resume={resume}
                canEdit={sensitiveWriter}
                onSaved={saved}
                onReload={refresh}
              />
            ),
          },
        ]
      : []),
  ];

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Text type="secondary">
          Mẫu 2C-TCTW-98; các mục nhân thân, ngày vào Đảng, trình độ lấy từ hồ sơ đảng viên ở trên.
          Thời gian ghi năm, tháng/năm hoặc ngày/tháng/năm.
        </Typography.Text>
        <DownloadButtons member={member} />
      </Space>
      {!resume.sensitiveIncluded && (
        <Alert
          type="info"
          showIcon
          title="Phần mật của lý lịch không được hiển thị"
          description="Nhận xét đánh giá chính trị, kỷ luật, quan hệ gia đình, hoàn cảnh kinh tế và kê khai tài sản chỉ hiện với tài khoản được quản trị cấp quyền “Xem và sửa phần mật của lý lịch”. Bản in cũng không có các mục này."
        />
      )}
      <Collapse defaultActiveKey={['general', 'work', 'training']} items={items} />
    </Space>
  );
}
