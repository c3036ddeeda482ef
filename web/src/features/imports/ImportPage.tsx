import { Card } from 'antd';

export default function ImportPage() {
  return <Card title="Nhập dữ liệu từ Excel" />;
}
