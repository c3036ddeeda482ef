import { useState } from 'react';
import { Breadcrumb, Button, Card, Descriptions, Space, Table, Tabs, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { HistoryTable } from '../../components/HistoryTable.tsx';
import { unitStatusLabels, unitTypeLabels } from '../../lib/contracts.ts';
import type { UnitDetailDto } from '../../lib/contracts.ts';
import { canWrite } from '../../lib/roles.ts';
import { formatDate } from '../../lib/vn.ts';
import { useCurrentUser } from '../auth/auth.tsx';
import { unitStatusColors } from './api.ts';
import { CreateUnitModal, EditUnitModal, MoveUnitModal } from './UnitFormModals.tsx';
import { MergeUnitsModal } from './MergeUnitsModal.tsx';
import { SplitUnitModal } from './SplitUnitModal.tsx';
import { UnitStats } from './UnitStats.tsx';

type Version = UnitDetailDto['versions'][number];
type UnitEvent = UnitDetailDto['events'][number];

function UnitLinks({ units }: { units: { id: number; name: string }[] }) {
  return (
    <>
      {units.map((u, i) => (
        <span key={u.id}>
          {i > 0 && ', '}
          <Link to={`/units/${u.id}`}>{u.name}</Link>
        </span>
      ))}
    </>
  );
}
type Dialog = 'create' | 'edit' | 'move' | 'merge' | 'split' | null;

interface UnitDetailProps {
  detail: UnitDetailDto;
  /** After a change: refresh everything, optionally go to another unit. */
  onChanged: (goTo?: number) => void;
}

export function UnitDetail({ detail, onChanged }: UnitDetailProps) {
  const user = useCurrentUser();
  const [dialog, setDialog] = useState<Dialog>(null);
  const { unit, ancestors, stats, versions, events } = detail;
  const writable = canWrite(user) && unit.status === 'active';
  const done = (goTo?: number) => {
    setDialog(null);
    onChanged(goTo);
  };

  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[
          ...ancestors.map((a) => ({
            key: a.id,
            title: <Link to={`/units/${a.id}`}>{a.name}</Link>,
          })),
          { key: unit.id, title: unit.name },
        ]}
      />
      <Card
        title={unit.name}
        style={{ marginBottom: 16 }}
        extra={<Link to={`/members?unitId=${unit.id}`}>Xem danh sách đảng viên</Link>}
      >
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'type', label: 'Loại tổ chức', children: unitTypeLabels[unit.type] },
            { key: 'code', label: 'Mã tổ chức', children: unit.code },
            { key: 'name', label: 'Tên tổ chức', children: unit.name },
            { key: 'locality', label: 'Địa bàn', children: unit.locality || '—' },
            { key: 'from', label: 'Hiệu lực từ ngày', children: formatDate(unit.validFrom) },
            { key: 'to', label: 'Đến ngày', children: formatDate(unit.validTo) || '—' },
            {
              key: 'status',
              label: 'Trạng thái',
              children: (
                <Tag color={unitStatusColors[unit.status]}>{unitStatusLabels[unit.status]}</Tag>
              ),
            },
          ]}
        />
        {writable && (
          <Space wrap style={{ marginTop: 16 }}>
            <Button type="primary" onClick={() => setDialog('create')}>
              Thêm tổ chức trực thuộc
            </Button>
            <Button onClick={() => setDialog('edit')}>Sửa / đổi tên</Button>
            {unit.parentId !== null && (
              <Button onClick={() => setDialog('move')}>Chuyển tổ chức cấp trên</Button>
            )}
            {unit.parentId !== null && <Button onClick={() => setDialog('merge')}>Hợp nhất</Button>}
            <Button onClick={() => setDialog('split')}>Chia tách</Button>
          </Space>
        )}
      </Card>
      <UnitStats stats={stats} />
      <Card size="small">
        <Tabs
          items={[
            {
              key: 'versions',
              label: 'Lịch sử tên gọi',
              children: (
                <Table<Version>
                  size="small"
                  rowKey={(v) => `${v.validFrom}-${v.code}`}
                  pagination={false}
                  dataSource={versions}
                  columns={[
                    {
                      title: 'Từ ngày',
                      dataIndex: 'validFrom',
                      render: (d: string) => formatDate(d),
                    },
                    {
                      title: 'Đến ngày',
                      dataIndex: 'validTo',
                      render: (d: string | null) => formatDate(d) || 'nay',
                    },
                    { title: 'Tên tổ chức', dataIndex: 'name' },
                    { title: 'Mã', dataIndex: 'code' },
                    {
                      title: 'Loại tổ chức',
                      dataIndex: 'type',
                      render: (t: Version['type']) => unitTypeLabels[t],
                    },
                    { title: 'Địa bàn', dataIndex: 'locality' },
                    {
                      title: 'Tổ chức cấp trên',
                      key: 'parent',
                      render: (_, v) =>
                        v.parentId ? (
                          <Link to={`/units/${v.parentId}`}>{v.parentName ?? v.parentId}</Link>
                        ) : (
                          '—'
                        ),
                    },
                  ]}
                />
              ),
            },
            {
              key: 'events',
              label: 'Hợp nhất / chia tách',
              children: (
                <Table<UnitEvent>
                  size="small"
                  rowKey="id"
                  pagination={false}
                  dataSource={events}
                  locale={{ emptyText: 'Chưa có lần hợp nhất, chia tách nào' }}
                  columns={[
                    {
                      title: 'Loại',
                      dataIndex: 'kind',
                      render: (k: UnitEvent['kind']) => (
                        <Tag color={k === 'merge' ? 'purple' : 'orange'}>
                          {k === 'merge' ? 'Hợp nhất' : 'Chia tách'}
                        </Tag>
                      ),
                    },
                    {
                      title: 'Ngày có hiệu lực',
                      dataIndex: 'effectiveDate',
                      render: (d: string) => formatDate(d),
                    },
                    { title: 'Số quyết định', dataIndex: 'decision' },
                    {
                      title: 'Tổ chức trước',
                      key: 'sources',
                      render: (_, e) => <UnitLinks units={e.sources} />,
                    },
                    {
                      title: 'Tổ chức sau',
                      key: 'targets',
                      render: (_, e) => <UnitLinks units={e.targets} />,
                    },
                  ]}
                />
              ),
            },
            {
              key: 'history',
              label: 'Lịch sử thay đổi',
              children: <HistoryTable entityType="unit" entityId={unit.id} />,
            },
          ]}
        />
      </Card>
      {dialog === 'create' && (
        <CreateUnitModal parent={unit} onClose={() => setDialog(null)} onDone={done} />
      )}
      {dialog === 'edit' && (
        <EditUnitModal unit={unit} onClose={() => setDialog(null)} onDone={done} />
      )}
      {dialog === 'move' && (
        <MoveUnitModal unit={unit} onClose={() => setDialog(null)} onDone={done} />
      )}
      {dialog === 'merge' && (
        <MergeUnitsModal unit={unit} onClose={() => setDialog(null)} onDone={done} />
      )}
      {dialog === 'split' && (
        <SplitUnitModal unit={unit} onClose={() => setDialog(null)} onDone={done} />
      )}
    </>
  );
}
