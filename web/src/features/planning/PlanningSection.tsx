import { Card, Tabs } from 'antd';
import { Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import PoolPage from './PoolPage.tsx';
import PoolsPage from './PoolsPage.tsx';
import ReviewPage from './ReviewPage.tsx';
import StructurePage from './StructurePage.tsx';
import SuccessionPage from './SuccessionPage.tsx';

const tabs = [
  { key: '', label: 'Kế thừa chức danh chủ chốt' },
  { key: 'pools', label: 'Quỹ quy hoạch' },
  { key: 'review', label: 'Rà soát hằng năm' },
  { key: 'structure', label: 'Cơ cấu quy hoạch' },
];

/** /planning/*: succession planning (quy hoạch cán bộ, QĐ 377-QĐ/TW). */
export default function PlanningSection() {
  const location = useLocation();
  const navigate = useNavigate();
  const sub = location.pathname.replace(/^\/planning\/?/, '').split('/')[0] ?? '';
  return (
    <Card title="Quy hoạch cán bộ" styles={{ body: { paddingTop: 0 } }}>
      <Tabs
        activeKey={sub}
        onChange={(k) => navigate(`/planning${k ? `/${k}` : ''}`)}
        items={tabs}
      />
      <Routes>
        <Route index element={<SuccessionPage />} />
        <Route path="pools" element={<PoolsPage />} />
        <Route path="pools/:id" element={<PoolPage />} />
        <Route path="review" element={<ReviewPage />} />
        <Route path="structure" element={<StructurePage />} />
      </Routes>
    </Card>
  );
}
