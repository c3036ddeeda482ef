import { useState } from 'react';
import {
  App,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { TableColumnsType } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router-dom';
import { api } from '../../api/client.ts';
import { IsoDatePicker } from '../../components/DateField.tsx';
import { ErrorAlert, useApiErrorHandler } from '../../components/errors.tsx';
import { UnitPicker } from '../../components/UnitPicker.tsx';
import type { Page } from '../../lib/contracts.ts';
import { canBrowse, canWrite } from '../../lib/roles.ts';
import { formatDate } from '../../lib/vn.ts';
import { useCurrentUser } from '../auth/auth.tsx';
import {
  evaluationSubjectLabels,
  periodKindLabels,
  periodKinds,
  points,
  ratingCodeLabels,
  ratingColors,
  stageLabels,
  type MemberRatingDto,
  type PeriodDto,
} from './api.ts';

/** "Đánh giá, xếp loại": my own evaluations (every role), then the periods of my scope. */
export function EvaluationHome() {
  const user = useCurrentUser();
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        Đánh giá, xếp loại chất lượng
      </Typography.Title>
      <Typography.Text type="secondary">
        Thang điểm 100 (tiêu chí chung 30 điểm, kết quả thực hiện nhiệm vụ 70 điểm) theo Quy định
        366-QĐ/TW ngày 30/8/2025. <Link to="/evaluation/frameworks">Xem các khung tiêu chí</Link>
      </Typography.Text>
      {user.memberId !== null && <MyEvaluations />}
      {canBrowse(user) && <PeriodsCard />}
    </Space>
  );
}

function MyEvaluations() {
  const mine = useQuery({
    queryKey: ['evaluations', 'mine'],
    queryFn: () => api.get<MemberRatingDto[]>('/api/evaluations/mine'),
  });
  const columns: TableColumnsType<MemberRatingDto> = [
    {
      title: 'Kỳ đánh giá',
      render: (_, r) => (
        <Link to={`/evaluation/evaluations/${r.evaluationId}`}>{r.periodLabel}</Link>
      ),
    },
    { title: 'Bước hiện tại', render: (_, r) => stageLabels[r.stage] ?? r.stage },
    { title: 'Điểm', align: 'right', render: (_, r) => points(r.finalScore) },
    {
      title: 'Xếp loại',
      render: (_, r) =>
        r.rating ? <Tag color={ratingColors[r.rating]}>{ratingCodeLabels[r.rating]}</Tag> : '—',
    },
  ];
  return (
    <Card title="Phiếu đánh giá của tôi" size="small">
      {mine.error ? (
        <ErrorAlert error={mine.error} onRetry={() => void mine.refetch()} />
      ) : (
        <Table
          rowKey="evaluationId"
          size="small"
          loading={mine.isLoading}
          columns={columns}
          dataSource={mine.data ?? []}
          pagination={false}
          locale={{ emptyText: 'Chưa có kỳ đánh giá nào cho bạn' }}
        />
      )}
    </Card>
  );
}

function PeriodsCard() {
  const user = useCurrentUser();
  const [page, setPage] = useState(1);
  const [year, setYear] = useState<number | null>(null);
  const [creating, setCreating] = useState(false);
  const list = useQuery({
    queryKey: ['evaluation-periods', page, year],
    queryFn: () =>
      api.get<Page<PeriodDto>>('/api/evaluation/periods', { page, pageSize: 20, year }),
  });
  const columns: TableColumnsType<PeriodDto> = [
    {
      title: 'Kỳ đánh giá',
      render: (_, p) => <Link to={`/evaluation/periods/${p.id}`}>{p.label}</Link>,
    },
    { title: 'Loại', render: (_, p) => periodKindLabels[p.kind] },
    { title: 'Đối tượng', render: (_, p) => evaluationSubjectLabels[p.subject] },
    { title: 'Tổ chức mở kỳ', dataIndex: 'unitName' },
    {
      title: 'Thời gian',
      render: (_, p) => `${formatDate(p.startDate)} – ${formatDate(p.endDate)}`,
    },
    {
      title: 'Đã xếp loại',
      align: 'right',
      render: (_, p) => `${p.decided.toLocaleString('vi-VN')}/${p.total.toLocaleString('vi-VN')}`,
    },
    {
      title: 'Trạng thái',
      render: (_, p) =>
        p.status === 'open' ? <Tag color="green">Đang mở</Tag> : <Tag>Đã đóng</Tag>,
    },
  ];
  return (
    <Card
      title="Các kỳ đánh giá"
      size="small"
      extra={
        <Space>
          <InputNumber
            placeholder="Năm"
            min={2000}
            max={2100}
            value={year}
            onChange={(v) => {
              setYear(v);
              setPage(1);
            }}
          />
          {canWrite(user) && (
            <Button type="primary" onClick={() => setCreating(true)}>
              Mở kỳ đánh giá
            </Button>
          )}
        </Space>
      }
    >
      {list.error ? (
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
            pageSize: 20,
            total: list.data?.total ?? 0,
            onChange: setPage,
            showSizeChanger: false,
          }}
          locale={{ emptyText: 'Chưa có kỳ đánh giá' }}
        />
      )}
      {creating && <CreatePeriodModal onClose={() => setCreating(false)} />}
    </Card>
  );
}

interface PeriodForm {
  unitId: number;
  kind: PeriodDto['kind'];
  subject: PeriodDto['subject'];
  year: number;
  label?: string;
  startDate: string;
  endDate: string;
}

function CreatePeriodModal({ onClose }: { onClose: () => void }) {
  const [form] = Form.useForm<PeriodForm>();
  const handleError = useApiErrorHandler();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [saving, setSaving] = useState(false);
  const year = new Date().getFullYear() - 1;
  const submit = async (values: PeriodForm) => {
    setSaving(true);
    try {
      const created = await api.post<PeriodDto>('/api/evaluation/periods', {
        ...values,
        label: values.label ?? '',
      });
      void message.success(
        `Đã mở kỳ "${created.label}" với ${created.total.toLocaleString('vi-VN')} phiếu đánh giá`,
      );
      void queryClient.invalidateQueries({ queryKey: ['evaluation-periods'] });
      onClose();
      navigate(`/evaluation/periods/${created.id}`);
    } catch (e) {
      handleError(e, { form });
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open
      title="Mở kỳ đánh giá"
      okText="Mở kỳ"
      cancelText="Hủy"
      confirmLoading={saving}
      onCancel={onClose}
      onOk={() => form.submit()}
    >
      <Form<PeriodForm>
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        initialValues={{
          kind: 'year',
          subject: 'individual',
          year,
          startDate: `${year}-01-01`,
          endDate: `${year}-12-31`,
        }}
      >
        <Form.Item
          name="unitId"
          label="Tổ chức đảng (kỳ áp dụng cho tổ chức này và cấp dưới)"
          rules={[{ required: true, message: 'Chọn tổ chức đảng' }]}
        >
          <UnitPicker />
        </Form.Item>
        <Space wrap>
          <Form.Item name="kind" label="Loại kỳ">
            <Select
              style={{ width: 140 }}
              options={periodKinds.map((k) => ({ value: k, label: periodKindLabels[k] }))}
            />
          </Form.Item>
          <Form.Item name="subject" label="Đối tượng">
            <Select
              style={{ width: 140 }}
              options={Object.entries(evaluationSubjectLabels).map(([value, label]) => ({
                value,
                label,
              }))}
            />
          </Form.Item>
          <Form.Item name="year" label="Năm" rules={[{ required: true, message: 'Nhập năm' }]}>
            <InputNumber min={2000} max={2100} />
          </Form.Item>
        </Space>
        <Space wrap>
          <Form.Item
            name="startDate"
            label="Từ ngày"
            rules={[{ required: true, message: 'Chọn ngày' }]}
          >
            <IsoDatePicker />
          </Form.Item>
          <Form.Item
            name="endDate"
            label="Đến ngày"
            rules={[{ required: true, message: 'Chọn ngày' }]}
          >
            <IsoDatePicker />
          </Form.Item>
        </Space>
        <Form.Item name="label" label="Tên kỳ (để trống: tự đặt, ví dụ “Năm 2025”)">
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
