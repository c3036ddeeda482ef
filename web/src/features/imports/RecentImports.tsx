import { Card, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { api } from '../../api/client.ts';
import { ErrorAlert } from '../../components/errors.tsx';
import { importKindLabels, importStatusLabels } from '../../lib/contracts.ts';
import type { ImportJobDto } from '../../lib/contracts.ts';
import { formatNumber } from '../../lib/vn.ts';
import { formatDateTime } from '../../components/DateField.tsx';
import { isRunning, statusColors } from './status.ts';

/** The subtree's recent imports: a long import can be left and found again here. */
export function RecentImports() {
  const jobs = useQuery({
    queryKey: ['imports', 'list'],
    queryFn: () => api.get<ImportJobDto[]>('/api/imports', { limit: 20 }),
    refetchInterval: (q) => (q.state.data?.some((j) => isRunning(j.status)) ? 2000 : false),
  });
  const columns: TableColumnsType<ImportJobDto> = [
    { title: 'Lúc tải lên', dataIndex: 'createdAt', width: 150, render: formatDateTime },
    {
      title: 'Loại',
      dataIndex: 'kind',
      width: 150,
      render: (k: ImportJobDto['kind']) => importKindLabels[k],
    },
    {
      title: 'Tệp',
      dataIndex: 'fileName',
      render: (name: string, j) => <Link to={`/imports/${j.id}`}>{name}</Link>,
    },
    { title: 'Tổ chức đảng', dataIndex: 'unitName' },
    { title: 'Người tải lên', dataIndex: 'createdBy', width: 160 },
    {
      title: 'Trạng thái',
      dataIndex: 'status',
      width: 190,
      render: (s: ImportJobDto['status']) => (
        <Tag color={statusColors[s]}>{importStatusLabels[s]}</Tag>
      ),
    },
    {
      title: 'Số dòng',
      key: 'rows',
      width: 200,
      render: (_, j) =>
        j.status === 'done'
          ? `Đã nhập ${formatNumber(j.importedRows)}/${formatNumber(j.totalRows)}`
          : j.totalRows
            ? `${formatNumber(j.validRows)} hợp lệ, ${formatNumber(j.invalidRows)} lỗi`
            : '',
    },
  ];
  return (
    <Card title="Các lần nhập gần đây">
      <ErrorAlert error={jobs.error} onRetry={() => void jobs.refetch()} />
      <Table<ImportJobDto>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={jobs.data ?? []}
        loading={jobs.isLoading}
        pagination={false}
        scroll={{ x: 900 }}
        locale={{ emptyText: 'Chưa có lần nhập nào' }}
      />
    </Card>
  );
}
