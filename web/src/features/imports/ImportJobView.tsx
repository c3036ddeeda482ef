import { useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Popconfirm,
  Progress,
  Row,
  Space,
  Spin,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { TableColumnsType } from 'antd';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router-dom';
import { api } from '../../api/client.ts';
import { ErrorAlert, useApiErrorHandler } from '../../components/errors.tsx';
import { importKindLabels, importStatusLabels } from '../../lib/contracts.ts';
import type { ImportDetailDto, ImportJobDto, ImportProblem } from '../../lib/contracts.ts';
import { formatNumber } from '../../lib/vn.ts';
import { formatDateTime } from '../../components/DateField.tsx';
import { isRunning, statusColors } from './status.ts';

const problemColumns: TableColumnsType<ImportProblem> = [
  {
    title: 'Dòng',
    dataIndex: 'row',
    width: 80,
    align: 'right',
    render: (r: number | null) => (r === null ? 'Cả tệp' : formatNumber(r)),
  },
  { title: 'Cột', dataIndex: 'column', width: 240, render: (c: string | null) => c ?? '' },
  { title: 'Lý do', dataIndex: 'message' },
];

/** Where the imported records can be seen. */
function resultLink(job: ImportJobDto) {
  if (job.kind === 'members') {
    return (
      <Link to={`/members?unitId=${job.unitId}`}>Xem danh sách đảng viên của {job.unitName}</Link>
    );
  }
  return <Link to={`/units/${job.unitId}`}>Xem {job.unitName}</Link>;
}

function ProgressPanel({ job }: { job: ImportJobDto }) {
  if (job.status === 'checking') {
    return (
      <Space>
        <Spin />
        <Typography.Text>
          Đang kiểm tra tệp: đã đọc {formatNumber(job.processedRows)} dòng…
        </Typography.Text>
      </Space>
    );
  }
  const target = Math.max(1, job.validRows);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Text>
        Đang ghi dữ liệu: {formatNumber(job.processedRows)}/{formatNumber(job.validRows)} dòng
      </Typography.Text>
      <Progress
        percent={Math.min(99, Math.floor((job.processedRows / target) * 100))}
        status="active"
        aria-label="Tiến độ ghi dữ liệu"
      />
    </Space>
  );
}

/** One import: its checks (every bad row, column and reason), the choice to confirm, progress. */
export function ImportJobView({ id }: { id: number }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const handleError = useApiErrorHandler();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(50);
  const detail = useQuery({
    queryKey: ['imports', 'detail', id, page, pageSize],
    queryFn: () =>
      api.get<ImportDetailDto>(`/api/imports/${id}`, {
        problemPage: page,
        problemPageSize: pageSize,
      }),
    placeholderData: keepPreviousData,
    refetchInterval: (q) => (q.state.data && isRunning(q.state.data.status) ? 1000 : false),
  });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['imports'] });
  const confirm = useMutation({
    mutationFn: (mode: 'all' | 'valid_only') =>
      api.post<ImportJobDto>(`/api/imports/${id}/confirm`, { mode }),
    onSuccess: refresh,
    onError: (e) => handleError(e, { onReload: refresh }),
  });
  const cancel = useMutation({
    mutationFn: () => api.post<ImportJobDto>(`/api/imports/${id}/cancel`),
    onSuccess: refresh,
    onError: (e) => handleError(e, { onReload: refresh }),
  });

  const job = detail.data;
  if (!job) {
    return detail.error ? (
      <ErrorAlert error={detail.error} onRetry={() => void detail.refetch()} />
    ) : (
      <Spin />
    );
  }
  const again = () => navigate(`/imports?kind=${job.kind}&unitId=${job.unitId}`);
  const blockedAll = job.invalidRows > 0;
  const alertType =
    job.status === 'done'
      ? 'success'
      : job.status === 'failed' || job.fileProblem
        ? 'error'
        : job.invalidRows > 0
          ? 'warning'
          : 'info';

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          Nhập {importKindLabels[job.kind].toLowerCase()}: {job.fileName}
        </Typography.Title>
        <Button onClick={() => navigate('/imports')}>Về trang nhập dữ liệu</Button>
      </Space>
      <Card>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'unit', label: 'Tổ chức đảng', children: job.unitName },
            {
              key: 'status',
              label: 'Trạng thái',
              children: (
                <Tag color={statusColors[job.status]} data-testid="import-status">
                  {importStatusLabels[job.status]}
                </Tag>
              ),
            },
            { key: 'by', label: 'Người tải lên', children: job.createdBy },
            { key: 'at', label: 'Lúc', children: formatDateTime(job.createdAt) },
          ]}
        />
        {!job.fileProblem && job.status !== 'checking' && (
          <Row gutter={24} style={{ marginTop: 16 }}>
            <Col>
              <Statistic title="Tổng số dòng" value={formatNumber(job.totalRows)} />
            </Col>
            <Col>
              <Statistic title="Dòng hợp lệ" value={formatNumber(job.validRows)} />
            </Col>
            <Col>
              <Statistic title="Dòng lỗi" value={formatNumber(job.invalidRows)} />
            </Col>
            {job.status === 'done' && (
              <Col>
                <Statistic title="Đã nhập" value={formatNumber(job.importedRows)} />
              </Col>
            )}
          </Row>
        )}
      </Card>
      {isRunning(job.status) && (
        <Card>
          <ProgressPanel job={job} />
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 8 }}>
            Bạn có thể rời trang này; việc {job.status === 'checking' ? 'kiểm tra' : 'nhập'} vẫn
            tiếp tục. Xem lại ở mục “Các lần nhập gần đây” của trang Nhập từ Excel.
          </Typography.Paragraph>
          <Button danger loading={cancel.isPending} onClick={() => cancel.mutate()}>
            Hủy lần nhập
          </Button>
        </Card>
      )}
      {job.message && !isRunning(job.status) && (
        <Alert
          type={alertType}
          showIcon
          title={job.message}
          description={job.status === 'done' ? resultLink(job) : undefined}
          data-testid="import-message"
        />
      )}
      {job.status === 'previewed' && (
        <Card title="Xác nhận nhập">
          <Space wrap>
            <span title={blockedAll ? 'Còn dòng lỗi' : undefined}>
              <Button
                type="primary"
                disabled={blockedAll || job.validRows === 0}
                loading={confirm.isPending && confirm.variables === 'all'}
                onClick={() => confirm.mutate('all')}
              >
                Nhập tất cả
              </Button>
            </span>
            <Popconfirm
              title={`Nhập ${formatNumber(job.validRows)} dòng hợp lệ, bỏ qua ${formatNumber(job.invalidRows)} dòng lỗi?`}
              okText="Nhập"
              cancelText="Thôi"
              onConfirm={() => confirm.mutate('valid_only')}
              disabled={job.validRows === 0}
            >
              <Button
                disabled={job.validRows === 0}
                loading={confirm.isPending && confirm.variables === 'valid_only'}
              >
                Chỉ nhập các dòng hợp lệ
              </Button>
            </Popconfirm>
            <Button onClick={again}>Tải lên tệp đã sửa</Button>
            <Button danger onClick={() => cancel.mutate()} loading={cancel.isPending}>
              Hủy lần nhập
            </Button>
          </Space>
          {blockedAll && (
            <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
              “Nhập tất cả” chưa dùng được vì còn {formatNumber(job.invalidRows)} dòng lỗi: sửa tệp
              rồi tải lên lại, hoặc chọn “Chỉ nhập các dòng hợp lệ”.
            </Typography.Paragraph>
          )}
        </Card>
      )}
      {['failed', 'cancelled'].includes(job.status) && (
        <Button onClick={again}>Tải tệp lên lại</Button>
      )}
      {job.problems.total > 0 && (
        <Card
          title={`Danh sách lỗi (${formatNumber(job.problems.total)}${job.problems.problemsCapped ? '+' : ''})`}
        >
          <Table<ImportProblem>
            rowKey={(p) => `${p.row}-${p.column}-${p.message}`}
            size="small"
            columns={problemColumns}
            dataSource={job.problems.items}
            loading={detail.isFetching && !isRunning(job.status)}
            pagination={{
              current: page,
              pageSize,
              total: job.problems.total,
              showSizeChanger: true,
              pageSizeOptions: [20, 50, 100, 200],
              onChange: (p, s) => {
                setPage(s !== pageSize ? 1 : p);
                setPageSize(s);
              },
            }}
            aria-label="Danh sách lỗi"
          />
        </Card>
      )}
    </Space>
  );
}
