import { Route, Routes } from 'react-router-dom';
import CheckInPage from './CheckInPage.tsx';
import CongressListPage from './CongressListPage.tsx';
import CongressPage from './CongressPage.tsx';

/** Pages of this section, under /congresses (see App.tsx). */
export default function CongressSection() {
  return (
    <Routes>
      <Route index element={<CongressListPage />} />
      <Route path=":id/check-in" element={<CheckInPage />} />
      <Route path=":id/*" element={<CongressPage />} />
    </Routes>
  );
}
