import { useState } from 'react';
import { App, Button, Card, Descriptions, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { IsoDatePicker, todayIso } from '../../components/DateField.tsx';
import { ErrorAlert, useApiErrorHandler } from '../../components/errors.tsx';
import { useCurrentUser } from '../auth/auth.tsx';
import { canWrite } from '../../lib/roles.ts';
import {
  appointmentMethodLabels,
  type AppointmentDto,
  type MemberDto,
  type TenureDto,
} from '../../lib/contracts.ts';
import { formatDate } from '../../lib/vn.ts';
import { AppointmentModal } from './AppointmentModal.tsx';
import { CheckView } from './CheckView.tsx';

type Dialog = { appointment: AppointmentDto | null; ending?: boolean };

/** Tab "Chức vụ, nhiệm kỳ": the person's posts (current first) and what follows from them. */
export function MemberPostsTab({ member }: { member: MemberDto }) {
  const writer = canWrite(useCurrentUser());
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [date, setDate] = useState<string>(todayIso());
  const list = useQuery({
    queryKey: ['appointments', member.id],
    queryFn: () => api.get<AppointmentDto[]>(`/api/members/${member.id}/appointments`),
  });
  const tenure = useQuery({
    queryKey: ['tenure', member.id, date],
    queryFn: () => api.get<TenureDto>(`/api/members/${member.id}/tenure`, { date }),
  });
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: ['appointments', member.id] });
    void queryClient.invalidateQueries({ queryKey: ['tenure', member.id] });
    void queryClient.invalidateQueries({ queryKey: ['history'] });
  };
  const remove = async (a: AppointmentDto) => {
    try {
      await api.delete(`/api/appointments/${a.id}?version=${a.version}`);
      void message.success('Đã xóa chức vụ');
      refresh();
    } catch (e) {
      handleError(e, { onReload: refresh });
    }
  };

  const rows = [...(list.data ?? [])].sort(
    (a, b) => Number(b.current) - Number(a.current) || b.startDate.localeCompare(a.startDate),
  );
  const columns: TableColumnsType<AppointmentDto> = [
    {
      title: 'Chức vụ',
      render: (_, a) => (
        <Space size={4} wrap>
          {a.postTitleName}
          {a.isKey && <Tag color="geekblue">Chủ chốt</Tag>}
          {a.concurrent && <Tag>Kiêm nhiệm</Tag>}
          {a.current && <Tag color="green">Đang giữ</Tag>}
        </Space>
      ),
    },
    { title: 'Tổ chức', dataIndex: 'unitName' },
    {
      title: 'Thời gian',
      render: (_, a) => `${formatDate(a.startDate)} – ${a.endDate ? formatDate(a.endDate) : 'nay'}`,
    },
    { title: 'Nhiệm kỳ', dataIndex: 'term' },
    { title: 'Hình thức', render: (_, a) => appointmentMethodLabels[a.method] },
    {
      title: 'Quyết định',
      render: (_, a) =>
        [a.decisionNumber, a.decisionDate ? `ngày ${formatDate(a.decisionDate)}` : '']
          .filter(Boolean)
          .join(' '),
    },
    { title: 'Lý do thôi', dataIndex: 'endReason' },
    ...(writer
      ? [
          {
            title: '',
            key: 'actions',
            render: (_: unknown, a: AppointmentDto) => (
              <Space size={4}>
                <Button size="small" onClick={() => setDialog({ appointment: a })}>
                  Sửa
                </Button>
                {!a.endDate && (
                  <Button size="small" onClick={() => setDialog({ appointment: a, ending: true })}>
                    Kết thúc
                  </Button>
                )}
                <Popconfirm
                  title="Xóa lần giữ chức vụ nhập nhầm này?"
                  okText="Xóa"
                  cancelText="Hủy"
                  onConfirm={() => remove(a)}
                >
                  <Button size="small" danger>
                    Xóa
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      {list.error && <ErrorAlert error={list.error} />}
      <Table<AppointmentDto>
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={rows}
        columns={columns}
        pagination={false}
        locale={{ emptyText: 'Chưa có chức vụ nào' }}
        title={() =>
          writer && (
            <Button type="primary" onClick={() => setDialog({ appointment: null })}>
              Thêm chức vụ
            </Button>
          )
        }
      />
      <Card
        size="small"
        title="Thời gian công tác, giới hạn nhiệm kỳ, nghỉ hưu"
        extra={
          <Space>
            <Typography.Text>Tính đến ngày</Typography.Text>
            <IsoDatePicker value={date} allowClear={false} onChange={(v) => v && setDate(v)} />
          </Space>
        }
      >
        {tenure.error && <ErrorAlert error={tenure.error} />}
        {tenure.data && <TenureView tenure={tenure.data} />}
      </Card>
      {dialog && (
        <AppointmentModal
          memberId={member.id}
          appointment={dialog.appointment}
          ending={dialog.ending}
          onClose={() => setDialog(null)}
          onDone={() => {
            setDialog(null);
            refresh();
          }}
          onReload={refresh}
        />
      )}
    </Space>
  );
}

function TenureView({ tenure }: { tenure: TenureDto }) {
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label="Nghỉ hưu">
          <CheckView check={tenure.retirement} />
        </Descriptions.Item>
        <Descriptions.Item label="Tham gia cấp ủy lần đầu">
          <CheckView check={tenure.firstTimeCommittee} />
        </Descriptions.Item>
        <Descriptions.Item label="Tái cử">
          <CheckView check={tenure.reelection} />
        </Descriptions.Item>
      </Descriptions>
      {tenure.posts.length === 0 && (
        <Typography.Text type="secondary">
          Không giữ chức vụ nào ngày {formatDate(tenure.date)}.
        </Typography.Text>
      )}
      {tenure.posts.map((p) => (
        <Descriptions
          key={p.appointmentId}
          size="small"
          column={1}
          bordered
          title={`${p.postTitleName} — ${p.unitName}`}
        >
          <Descriptions.Item label="Thời gian giữ chức vụ">
            {p.monthsInPost} tháng từ {formatDate(p.startDate)}; liên tục {p.continuousMonths} tháng
            từ {formatDate(p.continuousSince)} ({p.terms} nhiệm kỳ)
          </Descriptions.Item>
          <Descriptions.Item label="Giới hạn nhiệm kỳ">
            <CheckView check={p.termLimit} />
          </Descriptions.Item>
          <Descriptions.Item label="Chuyển đổi vị trí">
            <CheckView check={p.samePost} />
          </Descriptions.Item>
          <Descriptions.Item label="Người địa phương">
            <CheckView check={p.locality} />
          </Descriptions.Item>
        </Descriptions>
      ))}
    </Space>
  );
}
