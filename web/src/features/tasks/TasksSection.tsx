import { Typography } from 'antd';
import { Route, Routes } from 'react-router-dom';

/** Pages of this section, under their own path prefix (see App.tsx). */
export default function TasksSection() {
  return (
    <Routes>
      <Route index element={<Typography.Title level={3}>Việc mới, việc khó</Typography.Title>} />
    </Routes>
  );
}
