import { lazy, Suspense } from 'react';
import { App as AntApp, ConfigProvider } from 'antd';
import viVN from 'antd/locale/vi_VN';
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import { QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router-dom';
import { AuthProvider, useAuth } from '../features/auth/auth.tsx';
import { homePath, staffRoles, writerRoles } from '../lib/roles.ts';
import { AppLayout } from './AppLayout.tsx';
import { PageSpinner, RequireAuth, RequireRoles } from './guards.tsx';
import { NotFoundPage } from './NotFoundPage.tsx';
import { queryClient } from './queryClient.ts';

dayjs.locale('vi');

const LoginPage = lazy(() => import('../features/auth/LoginPage.tsx'));
const UnitsPage = lazy(() => import('../features/units/UnitsPage.tsx'));
const MembersPage = lazy(() => import('../features/members/MembersPage.tsx'));
const MemberPage = lazy(() => import('../features/members/MemberPage.tsx'));
const MyProfilePage = lazy(() => import('../features/members/MyProfilePage.tsx'));
const AccountsPage = lazy(() => import('../features/accounts/AccountsPage.tsx'));
const AuditPage = lazy(() => import('../features/audit/AuditPage.tsx'));
const RulesPage = lazy(() => import('../features/rules/RulesPage.tsx'));
const PostTitlesPage = lazy(() => import('../features/posts/PostTitlesPage.tsx'));
const WarningsPage = lazy(() => import('../features/posts/WarningsPage.tsx'));
const NonLocalStatsPage = lazy(() => import('../features/posts/NonLocalStatsPage.tsx'));
const DocumentTypesPage = lazy(() => import('../features/dossiers/DocumentTypesPage.tsx'));
const ImportPage = lazy(() => import('../features/imports/ImportPage.tsx'));
const CongressSection = lazy(() => import('../features/congress/CongressSection.tsx'));
const ElectionsSection = lazy(() => import('../features/elections/ElectionsSection.tsx'));
const PlanningSection = lazy(() => import('../features/planning/PlanningSection.tsx'));
const EvaluationSection = lazy(() => import('../features/evaluation/EvaluationSection.tsx'));
const TasksSection = lazy(() => import('../features/tasks/TasksSection.tsx'));

function HomeRedirect() {
  const { user } = useAuth();
  return <Navigate to={homePath(user)} replace />;
}

export function App() {
  return (
    <ConfigProvider locale={viVN}>
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <AuthProvider>
            <BrowserRouter>
              <Suspense fallback={<PageSpinner />}>
                <Routes>
                  <Route path="/login" element={<LoginPage />} />
                  <Route
                    element={
                      <RequireAuth>
                        <AppLayout />
                      </RequireAuth>
                    }
                  >
                    <Route index element={<HomeRedirect />} />
                    <Route element={<RequireRoles roles={staffRoles} />}>
                      <Route path="units" element={<UnitsPage />} />
                      <Route path="units/:id" element={<UnitsPage />} />
                      <Route path="members" element={<MembersPage />} />
                      <Route path="members/:id" element={<MemberPage />} />
                      <Route path="warnings" element={<WarningsPage />} />
                      <Route path="statistics/non-local" element={<NonLocalStatsPage />} />
                      <Route path="rules" element={<RulesPage />} />
                      <Route path="posts" element={<PostTitlesPage />} />
                      <Route path="document-types" element={<DocumentTypesPage />} />
                    </Route>
                    <Route element={<RequireRoles roles={writerRoles} />}>
                      <Route path="members/new" element={<MemberPage />} />
                      <Route path="audit" element={<AuditPage />} />
                      <Route path="imports" element={<ImportPage />} />
                      <Route path="imports/:id" element={<ImportPage />} />
                    </Route>
                    <Route element={<RequireRoles roles={['admin']} />}>
                      <Route path="accounts" element={<AccountsPage />} />
                    </Route>
                    {/* Each section guards its own pages: members and counting staff use some. */}
                    <Route path="congresses/*" element={<CongressSection />} />
                    <Route path="elections/*" element={<ElectionsSection />} />
                    <Route path="planning/*" element={<PlanningSection />} />
                    <Route path="evaluation/*" element={<EvaluationSection />} />
                    <Route path="tasks/*" element={<TasksSection />} />
                    <Route path="me" element={<MyProfilePage />} />
                    <Route path="*" element={<NotFoundPage />} />
                  </Route>
                </Routes>
              </Suspense>
            </BrowserRouter>
          </AuthProvider>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
