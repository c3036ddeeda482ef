import { Typography } from 'antd';
import { Route, Routes } from 'react-router-dom';

/** Pages of this section, under their own path prefix (see App.tsx). */
export default function PlanningSection() {
  return (
    <Routes>
      <Route index element={<Typography.Title level={3}>Quy hoạch cán bộ</Typography.Title>} />
    </Routes>
  );
}
