import { Space, Typography } from 'antd';
import { useParams } from 'react-router-dom';
import { ImportJobView } from './ImportJobView.tsx';
import { RecentImports } from './RecentImports.tsx';
import { UploadCard } from './UploadCard.tsx';

/** /imports: choose, download the template, upload; /imports/:id: one import's preview and progress. */
export default function ImportPage() {
  const { id } = useParams();
  if (id && Number(id) > 0) return <ImportJobView id={Number(id)} />;
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        Nhập dữ liệu từ Excel
      </Typography.Title>
      <UploadCard />
      <RecentImports />
    </Space>
  );
}
