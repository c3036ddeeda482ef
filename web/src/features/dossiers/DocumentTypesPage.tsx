import { Card } from 'antd';

export default function DocumentTypesPage() {
  return <Card title="Loại giấy tờ hồ sơ" />;
}
