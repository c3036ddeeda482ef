import { useState } from 'react';
import {
  Breadcrumb,
  Button,
  Card,
  Descriptions,
  Space,
  Spin,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { api } from '../../api/client.ts';
import type { AuditEntryDto } from '../../lib/contracts.ts';
import { ErrorAlert } from '../../components/errors.tsx';
import { AuditEntriesTable } from '../../components/HistoryTable.tsx';
import { formatDate, formatNumber } from '../../lib/vn.ts';
import CongressElectionsTab from '../elections/CongressElectionsTab.tsx';
import { CheckView } from '../posts/CheckView.tsx';
import AttendeesTab from './AttendeesTab.tsx';
import { useCongress, type CongressDto } from './api.ts';
import CongressFormModal from './CongressFormModal.tsx';
import { statusColors } from './CongressListPage.tsx';
import NominationTab from './NominationTab.tsx';
import PlanTab from './PlanTab.tsx';

function InfoTab({ congress }: { congress: CongressDto }) {
  const [editing, setEditing] = useState(false);
  const history = useQuery({
    queryKey: ['congress', congress.id, 'history'],
    queryFn: () => api.get<AuditEntryDto[]>(`/api/congresses/${congress.id}/history`),
  });
  const month = `${congress.ageReferenceMonth.slice(5)}/${congress.ageReferenceMonth.slice(0, 4)}`;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title="Thông tin đại hội"
        extra={congress.canWrite && <Button onClick={() => setEditing(true)}>Sửa</Button>}
      >
        <Descriptions column={2} size="small" bordered>
          <Descriptions.Item label="Tổ chức đảng">{congress.unitName}</Descriptions.Item>
          <Descriptions.Item label="Nhiệm kỳ">{congress.term.replace('-', '–')}</Descriptions.Item>
          <Descriptions.Item label="Hình thức">{congress.kindLabel}</Descriptions.Item>
          <Descriptions.Item label="Trạng thái">
            <Tag color={statusColors[congress.status]}>{congress.statusLabel}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label="Thời gian">
            {formatDate(congress.startsOn)} – {formatDate(congress.endsOn)}
          </Descriptions.Item>
          <Descriptions.Item label="Tháng tính tuổi">{month}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title="Cơ quan bầu">
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={congress.bodies}
          locale={{ emptyText: 'Chưa khai báo cơ quan bầu' }}
          columns={[
            { title: 'Cơ quan', dataIndex: 'name' },
            { title: 'Loại', dataIndex: 'kindLabel' },
            { title: 'Số lượng', align: 'right', render: (_, b) => formatNumber(b.seats) },
          ]}
        />
        {congress.seatChecks.length > 0 && (
          <Space orientation="vertical" style={{ marginTop: 12 }}>
            {congress.seatChecks.map((c) => (
              <CheckView key={c.message} check={c} />
            ))}
          </Space>
        )}
      </Card>
      <Card title="Lịch sử thay đổi">
        <AuditEntriesTable entries={history.data ?? []} loading={history.isLoading} />
      </Card>
      {editing && (
        <CongressFormModal
          congress={congress}
          onClose={() => setEditing(false)}
          onSaved={() => setEditing(false)}
        />
      )}
    </Space>
  );
}

/** /congresses/:id — one congress, with a tab per stage of its preparation and elections. */
export default function CongressPage() {
  const id = Number(useParams().id);
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'info';
  const congress = useCongress(id);
  if (congress.isLoading) return <Spin />;
  if (!congress.data) return <ErrorAlert error={congress.error} />;
  const c = congress.data;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Breadcrumb items={[{ title: <Link to="/congresses">Đại hội</Link> }, { title: c.name }]} />
      <Typography.Title level={3} style={{ margin: 0 }}>
        {c.name}
      </Typography.Title>
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams({ tab: k })}
        destroyOnHidden
        items={[
          { key: 'info', label: 'Thông tin', children: <InfoTab congress={c} /> },
          {
            key: 'attendees',
            label: 'Đại biểu / Điểm danh',
            children: <AttendeesTab congress={c} />,
          },
          { key: 'plan', label: 'Đề án nhân sự', children: <PlanTab congress={c} /> },
          {
            key: 'nomination',
            label: 'Giới thiệu nhân sự',
            children: <NominationTab congress={c} />,
          },
          {
            key: 'elections',
            label: 'Bầu cử',
            children: <CongressElectionsTab congressId={c.id} />,
          },
        ]}
      />
    </Space>
  );
}
