import { Table } from 'antd';
import { Link } from 'react-router-dom';
import type { MemberDto } from '../../lib/contracts.ts';
import { unitHistoryReasonLabels } from '../../lib/labels.ts';
import { formatDate } from '../../lib/vn.ts';

type Row = MemberDto['unitHistory'][number];

/** Quá trình sinh hoạt đảng: the units a member belonged to, with their names at the time. */
export function UnitHistoryTable({ history, linkUnits }: { history: Row[]; linkUnits: boolean }) {
  return (
    <Table<Row>
      size="small"
      pagination={false}
      rowKey={(r) => `${r.unitId}-${r.fromDate}`}
      dataSource={history}
      locale={{ emptyText: 'Chưa có dữ liệu' }}
      columns={[
        {
          title: 'Tổ chức (tên khi đó)',
          key: 'unit',
          render: (_, r) =>
            linkUnits ? <Link to={`/units/${r.unitId}`}>{r.unitNameThen}</Link> : r.unitNameThen,
        },
        { title: 'Tên hiện nay', dataIndex: 'unitNameNow' },
        { title: 'Từ ngày', dataIndex: 'fromDate', render: (d: string) => formatDate(d) },
        {
          title: 'Đến ngày',
          dataIndex: 'toDate',
          render: (d: string | null) => formatDate(d) || 'nay',
        },
        {
          title: 'Lý do',
          dataIndex: 'reason',
          render: (r: string) => unitHistoryReasonLabels[r] ?? r,
        },
        { title: 'Ghi chú', dataIndex: 'note', render: (n: string | null) => n ?? '' },
      ]}
    />
  );
}
