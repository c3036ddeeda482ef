import { useState } from 'react';
import {
  App,
  Button,
  Card,
  Col,
  Input,
  Popconfirm,
  Row,
  Select,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import { api } from '../../api/client.ts';
import { formatDateTime } from '../../components/DateField.tsx';
import { ErrorAlert, useApiErrorHandler } from '../../components/errors.tsx';
import { useDebounced } from '../../lib/hooks.ts';
import { formatNumber } from '../../lib/vn.ts';
import {
  attendeeRoleLabels,
  attendeeRoles,
  attendeeStatusLabels,
  attendeeStatuses,
  useAttendees,
  useCongressAction,
  useThresholdBase,
  type AttendeeDto,
  type AttendeeStatus,
  type CongressDto,
} from './api.ts';
import { AddDelegatesModal, ReplaceModal, StatusModal } from './AttendeeModals.tsx';

export const attendeeStatusColors: Record<AttendeeStatus, string> = {
  expected: 'default',
  present: 'green',
  absent_excused: 'orange',
  absent_unexcused: 'red',
  attending_elsewhere: 'blue',
  exempted_absent: 'purple',
  suspended: 'volcano',
  replaced: 'gold',
};

/** The threshold base with its breakdown, refreshed as people check in. */
function BasePanel({ congress }: { congress: CongressDto }) {
  const base = useThresholdBase(congress.id);
  if (!base.data) return <ErrorAlert error={base.error} />;
  const b = base.data;
  return (
    <Card size="small" title="Số làm căn cứ tính kết quả bầu cử">
      <Row gutter={16}>
        <Col span={6}>
          <Statistic title="Căn cứ tính (trúng cử phải trên một nửa)" value={b.base} />
        </Col>
        <Col span={18}>
          <table style={{ width: '100%' }}>
            <tbody>
              {b.lines.map((l) => (
                <tr key={l.label}>
                  <td>
                    {l.sign === '-' ? '− ' : ''}
                    {l.label}
                  </td>
                  <td style={{ textAlign: 'right', width: 60 }}>{formatNumber(l.count)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {b.explanation}. Căn cứ: {b.citations.map((c) => c.document).join('; ')}
          </Typography.Text>
        </Col>
      </Row>
    </Card>
  );
}

/** "Đại biểu / Điểm danh": who is summoned, their status, the base, and the door. */
export default function AttendeesTab({ congress }: { congress: CongressDto }) {
  const { message } = App.useApp();
  const handle = useApiErrorHandler();
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<string | undefined>();
  const [role, setRole] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(50);
  const [editing, setEditing] = useState<AttendeeDto | null>(null);
  const [replacing, setReplacing] = useState<AttendeeDto | null>(null);
  const [adding, setAdding] = useState(false);
  const search = useDebounced(q.trim(), 300);
  const list = useAttendees(congress.id, { q: search || undefined, status, role, page, pageSize });
  const summon = useCongressAction(congress.id, () =>
    api.post<{ added: number }>(`/api/congresses/${congress.id}/attendees/summon-members`),
  );
  const undo = useCongressAction(congress.id, (a: AttendeeDto) =>
    api.post(`/api/congress-attendees/${a.id}/undo-replace`, { version: a.version }),
  );
  const remove = useCongressAction(congress.id, (a: AttendeeDto) =>
    api.delete(`/api/congress-attendees/${a.id}?version=${a.version}`),
  );
  const counts = list.data?.counts;
  const w = congress.canWrite;

  const columns: TableColumnsType<AttendeeDto> = [
    {
      title: 'Họ và tên',
      render: (_, a) => <Link to={`/members/${a.memberId}`}>{a.fullName}</Link>,
    },
    { title: 'Chi bộ, đảng bộ', dataIndex: 'unitName' },
    {
      title: 'Tư cách',
      render: (_, a) => (
        <>
          {a.roleLabel}
          {a.conveningCommittee && <Tag style={{ marginLeft: 4 }}>Cấp ủy triệu tập</Tag>}
        </>
      ),
    },
    {
      title: 'Tình trạng',
      render: (_, a) => (
        <Space orientation="vertical" size={0}>
          <Tag color={attendeeStatusColors[a.status]}>{a.statusLabel}</Tag>
          {a.replacedByName && (
            <Typography.Text type="secondary">Người thay: {a.replacedByName}</Typography.Text>
          )}
          {a.replacesName && (
            <Typography.Text type="secondary">Thay cho: {a.replacesName}</Typography.Text>
          )}
          {a.statusNote && <Typography.Text type="secondary">{a.statusNote}</Typography.Text>}
        </Space>
      ),
    },
    { title: 'Mã thẻ', dataIndex: 'cardCode', width: 130 },
    {
      title: 'Điểm danh lúc',
      width: 150,
      render: (_, a) => (a.checkedInAt ? formatDateTime(a.checkedInAt) : ''),
    },
    ...(w
      ? [
          {
            title: '',
            width: 220,
            render: (_: unknown, a: AttendeeDto) => (
              <Space wrap size={4}>
                {a.status !== 'replaced' && (
                  <Button size="small" onClick={() => setEditing(a)}>
                    Tình trạng
                  </Button>
                )}
                {a.role === 'delegate' && a.status !== 'present' && a.status !== 'replaced' && (
                  <Button size="small" onClick={() => setReplacing(a)}>
                    Thay bằng dự khuyết
                  </Button>
                )}
                {a.status === 'replaced' && (
                  <Button
                    size="small"
                    onClick={() => undo.mutate(a, { onError: (e) => handle(e) })}
                  >
                    Hủy thay
                  </Button>
                )}
                {a.status !== 'present' && a.status !== 'replaced' && !a.replacesName && (
                  <Popconfirm
                    title="Bỏ người này khỏi danh sách triệu tập?"
                    okText="Bỏ"
                    cancelText="Không"
                    onConfirm={() => remove.mutate(a, { onError: (e) => handle(e) })}
                  >
                    <Button size="small" danger>
                      Bỏ
                    </Button>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Row gutter={16}>
        <Col span={6}>
          <Card size="small">
            <Statistic
              title="Có mặt / được triệu tập"
              value={`${formatNumber(counts?.present ?? 0)} / ${formatNumber(counts?.summoned ?? 0)}`}
            />
          </Card>
        </Col>
        <Col span={18}>
          <BasePanel congress={congress} />
        </Col>
      </Row>
      <Card>
        <Space wrap style={{ marginBottom: 12 }}>
          {w && congress.kind === 'members' && (
            <Button
              type="primary"
              loading={summon.isPending}
              onClick={() =>
                summon.mutate(undefined, {
                  onSuccess: (r) => void message.success(`Đã triệu tập thêm ${r.added} đảng viên`),
                  onError: (e) => handle(e),
                })
              }
            >
              Triệu tập toàn bộ đảng viên
            </Button>
          )}
          {w && congress.kind === 'delegates' && (
            <Button type="primary" onClick={() => setAdding(true)}>
              Thêm đại biểu
            </Button>
          )}
          {w && (
            <Link to={`/congresses/${congress.id}/check-in`}>
              <Button>Mở trang điểm danh</Button>
            </Link>
          )}
          <Button href={`/api/congresses/${congress.id}/cards.pdf`} target="_blank">
            In thẻ đại biểu (PDF)
          </Button>
        </Space>
        <Space wrap style={{ marginBottom: 12 }}>
          <Input.Search
            allowClear
            placeholder="Tên (không cần dấu) hoặc mã thẻ"
            value={q}
            onChange={(e) => {
              setQ(e.target.value);
              setPage(1);
            }}
            style={{ width: 300 }}
          />
          <Select
            allowClear
            placeholder="Tình trạng"
            value={status}
            onChange={(v) => {
              setStatus(v);
              setPage(1);
            }}
            style={{ width: 300 }}
            options={attendeeStatuses.map((s) => ({
              value: s,
              label: `${attendeeStatusLabels[s]} (${formatNumber(counts?.byStatus[s] ?? 0)})`,
            }))}
          />
          <Select
            allowClear
            placeholder="Tư cách"
            value={role}
            onChange={(v) => {
              setRole(v);
              setPage(1);
            }}
            style={{ width: 240 }}
            options={attendeeRoles
              .filter(
                (r) =>
                  (congress.kind === 'members') ===
                  (r === 'full_member' || r === 'probationary_member'),
              )
              .map((r) => ({
                value: r,
                label: `${attendeeRoleLabels[r]} (${formatNumber(counts?.byRole[r] ?? 0)})`,
              }))}
          />
        </Space>
        <ErrorAlert error={list.error} />
        <Table
          rowKey="id"
          size="small"
          loading={list.isFetching}
          columns={columns}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: 'Chưa có người được triệu tập' }}
          pagination={{
            current: page,
            pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (n) => `${formatNumber(n)} người`,
            onChange: (p, s) => {
              setPage(p);
              setPageSize(s);
            },
          }}
        />
      </Card>
      {editing && <StatusModal congress={congress} a={editing} onClose={() => setEditing(null)} />}
      {replacing && (
        <ReplaceModal congress={congress} a={replacing} onClose={() => setReplacing(null)} />
      )}
      {adding && <AddDelegatesModal congress={congress} onClose={() => setAdding(false)} />}
    </Space>
  );
}
