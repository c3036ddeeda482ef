import { Typography } from 'antd';
import { Route, Routes } from 'react-router-dom';

/** Pages of this section, under their own path prefix (see App.tsx). */
export default function EvaluationSection() {
  return (
    <Routes>
      <Route index element={<Typography.Title level={3}>Đánh giá, xếp loại</Typography.Title>} />
    </Routes>
  );
}
