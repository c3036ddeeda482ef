import { Card } from 'antd';

export default function NonLocalStatsPage() {
  return <Card title="Thống kê cán bộ không là người địa phương" />;
}
