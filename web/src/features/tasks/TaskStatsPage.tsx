import { useState } from 'react';
import { Button, Card, Col, Row, Select, Space, Statistic, Table, Typography } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { api, buildQuery } from '../../api/client.ts';
import { ErrorAlert } from '../../components/errors.tsx';
import { UnitPicker } from '../../components/UnitPicker.tsx';
import { formatNumber } from '../../lib/vn.ts';
import { taskOutcomeLabels, type TaskStatsDto } from './contracts.ts';
import { yearOptions } from './taskUi.tsx';

type Row = TaskStatsDto['total'];
const rate = (r: Row['members']) =>
  `${formatNumber(r.registered)}/${formatNumber(r.total)} (${formatNumber(r.percent, 1)}%)`;

/** /tasks/stats: registration rates, items per cadre, outcomes and examples, per subtree and year. */
export default function TaskStatsPage() {
  const [unitId, setUnitId] = useState<number | null>(null);
  const [year, setYear] = useState(new Date().getFullYear());
  const filter = { unitId: unitId ?? undefined, year };
  const q = useQuery({
    queryKey: ['task-stats', filter],
    queryFn: () => api.get<TaskStatsDto>('/api/tasks/stats', filter),
    placeholderData: keepPreviousData,
  });
  const s = q.data;
  return (
    <Card
      title="Thống kê việc mới, việc khó"
      extra={
        <Space>
          <Link to="/tasks">Danh sách việc</Link>
          <Button
            href={`/api/tasks/stats/export${buildQuery(filter)}`}
            data-testid="task-stats-export"
          >
            Xuất Excel
          </Button>
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <UnitPicker
          aria-label="Tổ chức đảng"
          value={unitId}
          onChange={setUnitId}
          allowClear
          placeholder="Tổ chức của tôi"
          style={{ width: 360 }}
        />
        <Select
          aria-label="Năm"
          value={year}
          options={yearOptions}
          onChange={setYear}
          style={{ width: 110 }}
        />
      </Space>
      {q.error && <ErrorAlert error={q.error} />}
      {s && (
        <>
          <Typography.Paragraph type="secondary">
            {s.unitName} — năm {s.year}
          </Typography.Paragraph>
          <Row gutter={16}>
            <Col span={6}>
              <Statistic
                title="Đảng viên đăng ký"
                value={`${formatNumber(s.total.members.percent, 1)}%`}
                suffix={
                  <small>{`${formatNumber(s.total.members.registered)}/${formatNumber(s.total.members.total)}`}</small>
                }
              />
            </Col>
            <Col span={6}>
              <Statistic
                title="Cán bộ đăng ký"
                value={`${formatNumber(s.total.cadres.percent, 1)}%`}
                suffix={
                  <small>{`${formatNumber(s.total.cadres.registered)}/${formatNumber(s.total.cadres.total)}`}</small>
                }
              />
            </Col>
            <Col span={6}>
              <Statistic
                title="Việc của cán bộ được phê duyệt"
                value={formatNumber(s.total.approvedCadreItems)}
                suffix={<small>{`của ${formatNumber(s.total.cadresWithApproved)} cán bộ`}</small>}
              />
            </Col>
            <Col span={6}>
              <Statistic
                title="Bình quân việc / cán bộ"
                value={formatNumber(s.total.itemsPerCadre, 2)}
              />
            </Col>
          </Row>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            Kết quả các việc đến hạn trong năm
          </Typography.Title>
          <Space wrap size="large">
            {(['exceeded', 'on_time', 'late', 'not_done'] as const).map((k) => (
              <Statistic key={k} title={taskOutcomeLabels[k]} value={formatNumber(s.outcomes[k])} />
            ))}
            <Statistic title="Đang thực hiện" value={formatNumber(s.outcomes.open)} />
            <Statistic title="Quá hạn chưa đánh giá" value={formatNumber(s.outcomes.overdue)} />
          </Space>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            Theo tổ chức trực thuộc
          </Typography.Title>
          <Table<Row>
            size="small"
            rowKey="unitId"
            dataSource={s.children}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            columns={[
              { title: 'Tổ chức', dataIndex: 'unitName' },
              { title: 'Đảng viên đăng ký', render: (_, r) => rate(r.members) },
              { title: 'Cán bộ đăng ký', render: (_, r) => rate(r.cadres) },
              { title: 'Việc được duyệt', render: (_, r) => formatNumber(r.approvedItems) },
              { title: 'Việc / cán bộ', render: (_, r) => formatNumber(r.itemsPerCadre, 2) },
            ]}
          />
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            Điển hình để tuyên truyền
          </Typography.Title>
          {s.models.length === 0 ? (
            <Typography.Text type="secondary">Chưa chọn việc điển hình nào.</Typography.Text>
          ) : (
            <ul>
              {s.models.map((m) => (
                <li key={m.id}>
                  <Link to={`/tasks/${m.id}`}>{m.title}</Link> — {m.memberName}, {m.unitName}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </Card>
  );
}
