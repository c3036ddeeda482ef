import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router-dom';
import { PageSpinner, RequireRoles } from '../../app/guards.tsx';
import TaskListPage from './TaskListPage.tsx';

const TaskFormPage = lazy(() => import('./TaskFormPage.tsx'));
const TaskDetailPage = lazy(() => import('./TaskDetailPage.tsx'));
const TaskStatsPage = lazy(() => import('./TaskStatsPage.tsx'));
const FourGoodPage = lazy(() => import('./FourGoodPage.tsx'));

/** Pages of "việc mới, việc khó" and "4 tốt"; every role reaches them (members see their own). */
export default function TasksSection() {
  return (
    <Suspense fallback={<PageSpinner />}>
      <Routes>
        <Route index element={<TaskListPage />} />
        <Route path="new" element={<TaskFormPage />} />
        <Route element={<RequireRoles roles={['admin', 'officer', 'reader']} />}>
          <Route path="stats" element={<TaskStatsPage />} />
        </Route>
        <Route path="four-good" element={<FourGoodPage />} />
        <Route path=":id" element={<TaskDetailPage />} />
        <Route path=":id/edit" element={<TaskFormPage />} />
      </Routes>
    </Suspense>
  );
}
