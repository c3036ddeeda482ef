import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Space, Table, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { api, buildQuery } from '../../api/client.ts';
import { IsoDatePicker, todayIso } from '../../components/DateField.tsx';
import { ErrorAlert } from '../../components/errors.tsx';
import { UnitPicker } from '../../components/UnitPicker.tsx';
import type { NonLocalDto } from '../../lib/contracts.ts';
import { formatDate, formatNumber } from '../../lib/vn.ts';
import { Citations } from './CheckView.tsx';

type Row = NonLocalDto['byPost'][number];

/** /statistics/non-local: share of key posts held by non-locals, against the target. */
export default function NonLocalStatsPage() {
  const [unitId, setUnitId] = useState<number | null>(null);
  const [date, setDate] = useState(todayIso());
  const query = { unitId: unitId ?? undefined, date };
  const stats = useQuery({
    queryKey: ['non-local', query],
    queryFn: () => api.get<NonLocalDto>('/api/statistics/non-local', query),
  });
  const s = stats.data;
  return (
    <Card
      title="Thống kê cán bộ không là người địa phương"
      extra={
        <Button href={`/api/statistics/non-local/export.xlsx${buildQuery(query)}`} disabled={!s}>
          Xuất Excel
        </Button>
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <UnitPicker
          value={unitId}
          onChange={setUnitId}
          allowClear
          placeholder="Toàn bộ phạm vi quản lý"
          style={{ width: 360 }}
        />
        <Typography.Text>Tại ngày</Typography.Text>
        <IsoDatePicker value={date} allowClear={false} onChange={(v) => v && setDate(v)} />
      </Space>
      {stats.error && <ErrorAlert error={stats.error} />}
      {s && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Descriptions size="small" bordered column={1}>
            <Descriptions.Item label="Tổ chức">
              {s.unitName} — ngày {formatDate(s.date)}
            </Descriptions.Item>
            <Descriptions.Item label="Chức danh chủ chốt đang giữ">
              {formatNumber(s.total)}
            </Descriptions.Item>
            <Descriptions.Item label="Không là người địa phương">
              {formatNumber(s.nonLocal)} ({s.percentText})
            </Descriptions.Item>
            {s.unknown > 0 && (
              <Descriptions.Item label="Chưa xác định (thiếu quê quán hoặc địa bàn)">
                {formatNumber(s.unknown)}
              </Descriptions.Item>
            )}
            <Descriptions.Item label="Chỉ tiêu">
              {s.targetPercent === null ? 'chưa có chỉ tiêu' : `${formatNumber(s.targetPercent)}%`}
            </Descriptions.Item>
          </Descriptions>
          <Alert
            type={s.reached === null ? 'info' : s.reached ? 'success' : 'warning'}
            title={s.verdict}
            description={<Citations citations={s.citations} />}
          />
          <Table<Row>
            rowKey="postTitleId"
            size="small"
            pagination={false}
            dataSource={s.byPost}
            columns={[
              { title: 'Chức danh', dataIndex: 'postTitleName' },
              { title: 'Số người giữ', dataIndex: 'total', align: 'right' },
              { title: 'Không là người địa phương', dataIndex: 'nonLocal', align: 'right' },
              { title: 'Chưa xác định', dataIndex: 'unknown', align: 'right' },
              { title: 'Tỷ lệ', dataIndex: 'percentText', align: 'right' },
            ]}
            locale={{ emptyText: 'Không có chức danh chủ chốt nào đang giữ tại ngày này' }}
          />
        </Space>
      )}
    </Card>
  );
}
