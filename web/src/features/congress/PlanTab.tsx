import { useState } from 'react';
import {
  App,
  Button,
  Card,
  Col,
  Empty,
  Modal,
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
import { ErrorAlert, useApiErrorHandler } from '../../components/errors.tsx';
import { formatDate, formatNumber } from '../../lib/vn.ts';
import { CheckView } from '../posts/CheckView.tsx';
import { percent, useCongressAction, usePlan, type CandidateDto, type CongressDto } from './api.ts';
import { MembersSelect } from './MembersSelect.tsx';

/** Which body a tab works on: the first one until the user picks another. */
export function BodySelect({
  congress,
  value,
  onChange,
}: {
  congress: CongressDto;
  value: number | null;
  onChange: (id: number) => void;
}) {
  return (
    <Select
      aria-label="Cơ quan bầu"
      style={{ width: 320 }}
      value={value}
      onChange={onChange}
      options={congress.bodies.map((b) => ({
        value: b.id,
        label: `${b.name} (${formatNumber(b.seats)} người)`,
      }))}
    />
  );
}

function AddModal({
  congress,
  bodyId,
  onClose,
}: {
  congress: CongressDto;
  bodyId: number;
  onClose: () => void;
}) {
  const [ids, setIds] = useState<number[]>([]);
  const { message } = App.useApp();
  const handle = useApiErrorHandler();
  const add = useCongressAction(congress.id, () =>
    api.post<{ added: number }>(`/api/congresses/${congress.id}/bodies/${bodyId}/candidates`, {
      memberIds: ids,
    }),
  );
  return (
    <Modal
      open
      width={720}
      title="Thêm người vào đề án nhân sự"
      okText="Thêm"
      cancelText="Hủy"
      okButtonProps={{ disabled: !ids.length }}
      confirmLoading={add.isPending}
      onCancel={onClose}
      onOk={() =>
        add.mutate(undefined, {
          onSuccess: (r) => {
            void message.success(`Đã thêm ${r.added} người`);
            onClose();
          },
          onError: (e) => handle(e),
        })
      }
    >
      <MembersSelect unitId={congress.unitId} value={ids} onChange={setIds} />
    </Modal>
  );
}

/** "Đề án nhân sự": candidates of a body, their checks with citations, and the structure. */
export default function PlanTab({ congress }: { congress: CongressDto }) {
  const [bodyId, setBodyId] = useState<number | null>(congress.bodies[0]?.id ?? null);
  const [adding, setAdding] = useState(false);
  const handle = useApiErrorHandler();
  const plan = usePlan(congress.id, bodyId);
  const mark = useCongressAction(congress.id, ({ c, v }: { c: CandidateDto; v: boolean | null }) =>
    api.patch(`/api/congress-candidates/${c.id}`, { version: c.version, reelectedOverride: v }),
  );
  const remove = useCongressAction(congress.id, (c: CandidateDto) =>
    api.delete(`/api/congress-candidates/${c.id}?version=${c.version}`),
  );
  if (!congress.bodies.length)
    return <Empty description="Hãy khai báo cơ quan bầu ở thẻ Thông tin" />;
  const p = plan.data;
  const w = p?.canWrite ?? false;

  const columns: TableColumnsType<CandidateDto> = [
    {
      title: 'Họ và tên',
      render: (_, c) => (
        <Space orientation="vertical" size={0}>
          <Link to={`/members/${c.memberId}`}>{c.fullName}</Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {c.unitName}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: 'Ngày sinh, tuổi',
      width: 130,
      render: (_, c) => `${formatDate(c.birthDate)} (${c.ageAtReference})`,
    },
    {
      title: 'Cơ cấu',
      width: 150,
      render: (_, c) => (
        <Space wrap size={2}>
          {c.gender === 'female' && <Tag color="magenta">Nữ</Tag>}
          {c.young && <Tag color="cyan">Trẻ</Tag>}
          {c.ethnicMinority && <Tag color="purple">{c.ethnicity}</Tag>}
        </Space>
      ),
    },
    {
      title: 'Tái cử / lần đầu',
      width: 190,
      render: (_, c) =>
        w ? (
          <Select
            size="small"
            style={{ width: 175 }}
            value={c.reelectedSource === 'posts' ? 'auto' : c.reelected ? 'yes' : 'no'}
            onChange={(v) =>
              mark.mutate(
                { c, v: v === 'auto' ? null : v === 'yes' },
                { onError: (e) => handle(e) },
              )
            }
            options={[
              {
                value: 'auto',
                label: `Theo chức vụ: ${c.reelectedSource === 'posts' && c.reelected ? 'tái cử' : 'lần đầu'}`,
              },
              { value: 'yes', label: 'Tái cử (ghi tay)' },
              { value: 'no', label: 'Lần đầu (ghi tay)' },
            ]}
          />
        ) : (
          <Tag>{c.reelected ? 'Tái cử' : 'Lần đầu'}</Tag>
        ),
    },
    { title: 'Tuổi công tác', render: (_, c) => <CheckView check={c.service} compact /> },
    { title: 'Kỷ luật', render: (_, c) => <CheckView check={c.discipline} compact /> },
    { title: 'Hồ sơ', render: (_, c) => <CheckView check={c.dossier} compact /> },
    {
      title: 'Giới thiệu',
      width: 110,
      render: (_, c) => (c.nominated ? <Tag color="green">Qua bước cuối</Tag> : null),
    },
    ...(w
      ? [
          {
            title: '',
            width: 70,
            render: (_: unknown, c: CandidateDto) => (
              <Popconfirm
                title="Bỏ người này khỏi đề án?"
                okText="Bỏ"
                cancelText="Không"
                onConfirm={() => remove.mutate(c, { onError: (e) => handle(e) })}
              >
                <Button size="small" danger>
                  Bỏ
                </Button>
              </Popconfirm>
            ),
          },
        ]
      : []),
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        <BodySelect congress={congress} value={bodyId} onChange={setBodyId} />
        {w && (
          <Button type="primary" onClick={() => setAdding(true)}>
            Thêm người
          </Button>
        )}
        {p && (
          <Typography.Text type="secondary">
            Tuổi tính tại tháng {p.referenceMonth.slice(5)}/{p.referenceMonth.slice(0, 4)}
          </Typography.Text>
        )}
      </Space>
      <ErrorAlert error={plan.error} />
      {p && (
        <Row gutter={16}>
          <Col span={10}>
            <Card size="small">
              <Space size="large">
                <Statistic title="Số lượng bầu" value={p.seats} />
                <Statistic title="Số được giới thiệu" value={p.candidates.length} />
                <Statistic
                  title="Số dư"
                  value={p.surplus}
                  suffix={`(${percent(p.surplusPercent)})`}
                />
              </Space>
            </Card>
          </Col>
          <Col span={14}>
            <Card size="small" title="Cơ cấu">
              <Table
                rowKey="key"
                size="small"
                pagination={false}
                dataSource={p.structure}
                columns={[
                  { title: 'Tiêu chí', dataIndex: 'label' },
                  {
                    title: 'Số người',
                    align: 'right',
                    width: 90,
                    render: (_, l) => formatNumber(l.count),
                  },
                  {
                    title: 'Tỷ lệ',
                    align: 'right',
                    width: 90,
                    render: (_, l) => (l.key === 'standing_woman' ? '' : percent(l.percent)),
                  },
                  {
                    title: 'Đánh giá',
                    render: (_, l) => (l.check ? <CheckView check={l.check} /> : null),
                  },
                ]}
              />
            </Card>
          </Col>
        </Row>
      )}
      <Table
        rowKey="id"
        size="small"
        loading={plan.isFetching}
        columns={columns}
        dataSource={p?.candidates ?? []}
        locale={{ emptyText: 'Chưa có người trong đề án' }}
        pagination={{ pageSize: 100, showTotal: (n) => `${formatNumber(n)} người` }}
      />
      {adding && bodyId && (
        <AddModal congress={congress} bodyId={bodyId} onClose={() => setAdding(false)} />
      )}
    </Space>
  );
}
