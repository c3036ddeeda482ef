import { Card } from 'antd';

export default function PostTitlesPage() {
  return <Card title="Danh mục chức danh" />;
}
