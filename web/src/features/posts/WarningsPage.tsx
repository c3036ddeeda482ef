import { Card } from 'antd';

export default function WarningsPage() {
  return <Card title="Cảnh báo" />;
}
