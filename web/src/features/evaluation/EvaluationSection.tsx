import { Route, Routes } from 'react-router-dom';
import { EvaluationHome } from './EvaluationHome.tsx';
import { EvaluationPage } from './EvaluationPage.tsx';
import { FrameworksPage } from './FrameworksPage.tsx';
import { PeriodPage } from './PeriodPage.tsx';

/** Pages of this section, under their own path prefix (see App.tsx). Every role: members self-assess here. */
export default function EvaluationSection() {
  return (
    <Routes>
      <Route index element={<EvaluationHome />} />
      <Route path="periods/:id" element={<PeriodPage />} />
      <Route path="evaluations/:id" element={<EvaluationPage />} />
      <Route path="frameworks" element={<FrameworksPage />} />
    </Routes>
  );
}
