import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Modal,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import type { TableColumnsType } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { api, buildQuery } from '../../api/client.ts';
import { ErrorAlert, useApiErrorHandler } from '../../components/errors.tsx';
import { UnitPicker } from '../../components/UnitPicker.tsx';
import type { Page } from '../../lib/contracts.ts';
import { canWrite } from '../../lib/roles.ts';
import { formatDate, formatPercent } from '../../lib/vn.ts';
import { useCurrentUser } from '../auth/auth.tsx';
import {
  periodKindLabels,
  points,
  ratingCodeLabels,
  ratingCodes,
  ratingColors,
  stageLabels,
  type EvaluationRowDto,
  type PeriodDto,
  type RateResultDto,
  type RatingCode,
  type StatsDto,
  type StatsRowDto,
} from './api.ts';

/** One period: its evaluations (paged), the distribution of ratings, bulk rating, export. */
export function PeriodPage() {
  const id = Number(useParams().id);
  const user = useCurrentUser();
  const [unitId, setUnitId] = useState<number | null>(null);
  const [rating, setRating] = useState<RatingCode | null>(null);
  const [stage, setStage] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const [rateOpen, setRateOpen] = useState(false);
  const period = useQuery({
    queryKey: ['evaluation-period', id],
    queryFn: () => api.get<PeriodDto>(`/api/evaluation/periods/${id}`),
  });
  const filter = { unitId, rating, stage };
  const list = useQuery({
    queryKey: ['evaluation-list', id, filter, page],
    queryFn: () =>
      api.get<Page<EvaluationRowDto>>(`/api/evaluation/periods/${id}/evaluations`, {
        ...filter,
        page,
        pageSize: 50,
      }),
  });
  const stats = useQuery({
    queryKey: ['evaluation-stats', id, unitId],
    queryFn: () => api.get<StatsDto>(`/api/evaluation/periods/${id}/statistics`, { unitId }),
  });
  const p = period.data;

  const columns: TableColumnsType<EvaluationRowDto> = [
    {
      title: 'Họ và tên / Tập thể',
      render: (_, r) => <Link to={`/evaluation/evaluations/${r.id}`}>{r.name}</Link>,
    },
    { title: 'Đơn vị', dataIndex: 'unitName' },
    { title: 'Khung tiêu chí', dataIndex: 'frameworkName' },
    { title: 'Tự chấm', align: 'right', render: (_, r) => points(r.selfTotal) },
    { title: 'Tập thể', align: 'right', render: (_, r) => points(r.collectiveTotal) },
    { title: 'Đề xuất', align: 'right', render: (_, r) => points(r.advisoryTotal) },
    { title: 'Điểm quyết định', align: 'right', render: (_, r) => points(r.finalScore) },
    {
      title: 'Xếp loại',
      render: (_, r) =>
        r.rating ? (
          <Tag color={ratingColors[r.rating]}>{ratingCodeLabels[r.rating]}</Tag>
        ) : (
          <Typography.Text type="secondary">{stageLabels[r.stage] ?? r.stage}</Typography.Text>
        ),
    },
  ];

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {p?.label ?? 'Kỳ đánh giá'}
      </Typography.Title>
      {period.error && <ErrorAlert error={period.error} />}
      {p && (
        <Descriptions size="small" bordered column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label="Tổ chức mở kỳ">{p.unitName}</Descriptions.Item>
          <Descriptions.Item label="Loại kỳ">{periodKindLabels[p.kind]}</Descriptions.Item>
          <Descriptions.Item label="Thời gian">
            {formatDate(p.startDate)} – {formatDate(p.endDate)}
          </Descriptions.Item>
        </Descriptions>
      )}
      <Card size="small">
        <Space wrap>
          <span>Tổ chức:</span>
          <UnitPicker
            style={{ width: 320 }}
            value={unitId}
            allowClear
            onChange={(v) => {
              setUnitId(v);
              setPage(1);
            }}
          />
          <Select<RatingCode | null>
            allowClear
            placeholder="Xếp loại"
            style={{ width: 240 }}
            value={rating}
            onChange={(v) => {
              setRating(v ?? null);
              setPage(1);
            }}
            options={ratingCodes.map((r) => ({ value: r, label: ratingCodeLabels[r] }))}
          />
          <Select<string | null>
            allowClear
            placeholder="Bước"
            style={{ width: 200 }}
            value={stage}
            onChange={(v) => {
              setStage(v ?? null);
              setPage(1);
            }}
            options={Object.entries(stageLabels).map(([value, label]) => ({ value, label }))}
          />
          {canWrite(user) && p?.status === 'open' && (
            <Button type="primary" onClick={() => setRateOpen(true)}>
              Xếp loại cả kỳ
            </Button>
          )}
          <Button href={`/api/evaluation/periods/${id}/export.xlsx${buildQuery({ unitId })}`}>
            Xuất Excel
          </Button>
        </Space>
      </Card>
      <Tabs
        items={[
          {
            key: 'list',
            label: 'Danh sách phiếu',
            children: list.error ? (
              <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
            ) : (
              <Table
                rowKey="id"
                size="small"
                loading={list.isLoading}
                columns={columns}
                dataSource={list.data?.items ?? []}
                pagination={{
                  current: page,
                  pageSize: 50,
                  total: list.data?.total ?? 0,
                  onChange: setPage,
                  showSizeChanger: false,
                  showTotal: (n) => `${n.toLocaleString('vi-VN')} phiếu`,
                }}
              />
            ),
          },
          {
            key: 'stats',
            label: 'Cơ cấu xếp loại',
            children: stats.error ? (
              <ErrorAlert error={stats.error} />
            ) : (
              <StatsTable data={stats.data} loading={stats.isLoading} />
            ),
          },
        ]}
      />
      {rateOpen && <RateModal periodId={id} onClose={() => setRateOpen(false)} />}
    </Space>
  );
}

const share = (n: number, total: number) => formatPercent(n, total, 1);

function StatsTable({ data, loading }: { data?: StatsDto; loading: boolean }) {
  const cell = (key: RatingCode) => (_: unknown, r: StatsRowDto) =>
    r[key] ? `${r[key].toLocaleString('vi-VN')} (${share(r[key], r.total)})` : '0';
  const columns: TableColumnsType<StatsRowDto> = [
    { title: 'Đơn vị', dataIndex: 'unitName' },
    { title: 'Tổng số', align: 'right', render: (_, r) => r.total.toLocaleString('vi-VN') },
    ...ratingCodes.map((k) => ({
      title: ratingCodeLabels[k],
      align: 'right' as const,
      render: cell(k),
    })),
    {
      title: 'Chưa xếp loại',
      align: 'right',
      render: (_, r) => r.undecided.toLocaleString('vi-VN'),
    },
  ];
  return (
    <Table
      rowKey={(r) => `${r.unitId}-${r.unitName}`}
      size="small"
      loading={loading}
      columns={columns}
      dataSource={data ? [...data.rows, data.total] : []}
      pagination={false}
    />
  );
}

function RateModal({ periodId, onClose }: { periodId: number; onClose: () => void }) {
  const [unitId, setUnitId] = useState<number | null>(null);
  const [result, setResult] = useState<RateResultDto | null>(null);
  const [busy, setBusy] = useState(false);
  const handleError = useApiErrorHandler();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const run = async () => {
    setBusy(true);
    try {
      const r = await api.post<RateResultDto>(`/api/evaluation/periods/${periodId}/rate`, {
        unitId: unitId ?? undefined,
      });
      setResult(r);
      void message.success(`Đã xếp loại ${r.rated.toLocaleString('vi-VN')} phiếu`);
      void queryClient.invalidateQueries({ queryKey: ['evaluation-list', periodId] });
      void queryClient.invalidateQueries({ queryKey: ['evaluation-stats', periodId] });
      void queryClient.invalidateQueries({ queryKey: ['evaluation-period', periodId] });
    } catch (e) {
      handleError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title="Xếp loại cả kỳ"
      onCancel={onClose}
      footer={
        result ? (
          <Button onClick={onClose}>Đóng</Button>
        ) : (
          <Space>
            <Button onClick={onClose}>Hủy</Button>
            <Button type="primary" loading={busy} onClick={() => void run()}>
              Xếp loại
            </Button>
          </Space>
        )
      }
    >
      {result ? (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Alert
            type="success"
            showIcon
            message={`Đã xếp loại ${result.rated.toLocaleString('vi-VN')} phiếu; còn ${result.skipped.toLocaleString('vi-VN')} phiếu chưa có đề xuất.`}
          />
          {ratingCodes.map((k) => (
            <div key={k}>
              <Tag color={ratingColors[k]}>{ratingCodeLabels[k]}</Tag>
              {(result.byRating[k] ?? 0).toLocaleString('vi-VN')}
            </div>
          ))}
          {result.heldForDecision > 0 && (
            <Alert
              type="info"
              showIcon
              message={`${result.heldForDecision.toLocaleString('vi-VN')} tập thể đủ điều kiện “Hoàn thành xuất sắc” chưa được xếp loại`}
              description="QĐ 366-QĐ/TW: tập thể xuất sắc không có tổ chức trực thuộc bị kỷ luật. Nhập số tổ chức trực thuộc bị kỷ luật trong kỳ khi quyết định từng tập thể."
            />
          )}
          {result.movedByQuota > 0 && (
            <Alert
              type="warning"
              showIcon
              message={`${result.movedByQuota} người đủ điều kiện xuất sắc được xếp “Hoàn thành tốt” do vượt tỷ lệ`}
              description={result.quotaRule}
            />
          )}
        </Space>
      ) : (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Paragraph>
            Cấp có thẩm quyền quyết định xếp loại cho mọi phiếu đã có đề xuất của cơ quan tham mưu:
            điểm đề xuất và kết quả việc mới, việc khó (lấy từ phân hệ nhiệm vụ) cho mức xếp loại
            theo QĐ 366-QĐ/TW; tỷ lệ xuất sắc được kiểm tra theo từng chi bộ (làm tròn xuống).
          </Typography.Paragraph>
          <span>Chỉ trong tổ chức (để trống: cả kỳ):</span>
          <UnitPicker value={unitId} allowClear onChange={setUnitId} />
        </Space>
      )}
    </Modal>
  );
}
