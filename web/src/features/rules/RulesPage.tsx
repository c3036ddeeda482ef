import { Card } from 'antd';

export default function RulesPage() {
  return <Card title="Quy định và tham số" />;
}
