import { Table, Tag } from 'antd';
import type { WorkHistoryItem } from '../../lib/contracts.ts';
import { periodText } from './SectionTable.tsx';

/** Quá trình công tác as printed: free-text rows and appointments merged in date order. */
export function WorkHistoryTable({ items }: { items: WorkHistoryItem[] }) {
  return (
    <Table<WorkHistoryItem>
      rowKey={(w) => `${w.source}-${w.id}`}
      size="small"
      pagination={false}
      dataSource={items}
      locale={{ emptyText: 'Chưa có quá trình công tác' }}
      columns={[
        {
          title: 'Từ tháng, năm – đến tháng, năm',
          key: 'period',
          width: 200,
          render: (_, w) => periodText(w),
        },
        {
          title: 'Chức danh, chức vụ, đơn vị công tác',
          key: 'post',
          render: (_, w) => `${w.post}${w.concurrent ? ' (kiêm nhiệm)' : ''}, ${w.unit}`,
        },
        {
          title: 'Nguồn',
          key: 'source',
          width: 170,
          render: (_, w) =>
            w.source === 'appointment' ? (
              <Tag color="blue">Chức vụ, nhiệm kỳ</Tag>
            ) : (
              <Tag>Khai trong lý lịch</Tag>
            ),
        },
      ]}
    />
  );
}
