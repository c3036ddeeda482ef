import { useState } from 'react';
import { Button, Card, Segmented, Select, Space, Table } from 'antd';
import type { TableColumnsType } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { api } from '../../api/client.ts';
import { ErrorAlert } from '../../components/errors.tsx';
import { UnitPicker } from '../../components/UnitPicker.tsx';
import { canBrowse } from '../../lib/roles.ts';
import { formatDate, formatNumber } from '../../lib/vn.ts';
import { useCurrentUser } from '../auth/auth.tsx';
import {
  taskPeriodKindLabels,
  taskStatusLabels,
  taskStatuses,
  type TaskPage,
  type TaskRowDto,
  type TaskStatus,
} from './contracts.ts';
import { TaskOutcomeTag, TaskStatusTag, yearOptions } from './taskUi.tsx';

type State = 'all' | 'open' | 'overdue' | 'assessed';

/** /tasks: the registrations the caller may see (members: their own), filtered and paged. */
export default function TaskListPage() {
  const user = useCurrentUser();
  const staff = canBrowse(user);
  const [mine, setMine] = useState(!staff);
  const [unitId, setUnitId] = useState<number | null>(null);
  const [year, setYear] = useState<number | undefined>(new Date().getFullYear());
  const [status, setStatus] = useState<TaskStatus | undefined>();
  const [state, setState] = useState<State>('all');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(50);
  const filter = {
    mine: mine && user.memberId ? 'true' : undefined,
    unitId: unitId ?? undefined,
    year,
    status,
    state: state === 'all' ? undefined : state,
  };
  const list = useQuery({
    queryKey: ['tasks', filter, page, pageSize],
    queryFn: () => api.get<TaskPage>('/api/tasks', { ...filter, page, pageSize }),
    placeholderData: keepPreviousData,
  });
  const reset = () => setPage(1);

  const columns: TableColumnsType<TaskRowDto> = [
    {
      title: 'Việc đăng ký',
      width: '28%',
      render: (_, r) => (
        <Link to={`/tasks/${r.id}`} data-testid={`task-link-${r.id}`}>
          {r.title}
        </Link>
      ),
    },
    { title: 'Người đăng ký', dataIndex: 'memberName', width: 170 },
    { title: 'Tổ chức', dataIndex: 'unitName', width: 200 },
    {
      title: 'Thời gian',
      width: 130,
      render: (_, r) =>
        `${taskPeriodKindLabels[r.periodKind]} ${r.startYear === r.endYear ? r.startYear : `${r.startYear}–${r.endYear}`}`,
    },
    { title: 'Thời hạn', width: 110, render: (_, r) => formatDate(r.deadline) },
    { title: 'Trạng thái', width: 150, render: (_, r) => <TaskStatusTag status={r.status} /> },
    {
      title: 'Kết quả',
      width: 170,
      render: (_, r) => (
        <Space size={4}>
          <TaskOutcomeTag outcome={r.outcome} overdue={r.overdue} />
          {r.isModel && <span title="Điển hình">★</span>}
        </Space>
      ),
    },
  ];

  return (
    <Card
      title="Việc mới, việc khó"
      extra={
        <Space>
          {staff && <Link to="/tasks/stats">Thống kê</Link>}
          <Link to="/tasks/four-good">Chi bộ 4 tốt, Đảng viên 4 tốt</Link>
          <Link to="/tasks/new">
            <Button type="primary" data-testid="task-new">
              Đăng ký việc mới, việc khó
            </Button>
          </Link>
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        {staff && user.memberId && (
          <Segmented
            value={mine ? 'mine' : 'all'}
            options={[
              { value: 'all', label: 'Trong phạm vi quản lý' },
              { value: 'mine', label: 'Việc của tôi' },
            ]}
            onChange={(v) => {
              setMine(v === 'mine');
              reset();
            }}
          />
        )}
        {staff && !mine && (
          <UnitPicker
            value={unitId}
            onChange={(v) => {
              setUnitId(v);
              reset();
            }}
            allowClear
            placeholder="Toàn bộ phạm vi quản lý"
            style={{ width: 320 }}
          />
        )}
        <Select
          aria-label="Năm"
          allowClear
          placeholder="Mọi năm"
          value={year}
          options={yearOptions}
          onChange={(v) => {
            setYear(v ?? undefined);
            reset();
          }}
          style={{ width: 110 }}
        />
        <Select
          aria-label="Trạng thái"
          allowClear
          placeholder="Mọi trạng thái"
          value={status}
          options={taskStatuses.map((s) => ({ value: s, label: taskStatusLabels[s] }))}
          onChange={(v) => {
            setStatus(v ?? undefined);
            reset();
          }}
          style={{ width: 180 }}
        />
        <Segmented
          value={state}
          options={[
            { value: 'all', label: 'Tất cả' },
            { value: 'open', label: 'Đang thực hiện' },
            { value: 'overdue', label: 'Quá hạn' },
            { value: 'assessed', label: 'Đã đánh giá' },
          ]}
          onChange={(v) => {
            setState(v as State);
            reset();
          }}
        />
      </Space>
      {list.error && <ErrorAlert error={list.error} />}
      <Table<TaskRowDto>
        rowKey="id"
        size="small"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        columns={columns}
        locale={{ emptyText: 'Chưa có việc đăng ký nào' }}
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (n) => `${formatNumber(n)}${list.data?.totalIsCapped ? '+' : ''} việc`,
          onChange: (p, s) => {
            setPage(p);
            setPageSize(s);
          },
        }}
      />
    </Card>
  );
}
