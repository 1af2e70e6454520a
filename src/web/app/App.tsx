import { Center, MantineProvider, Stack, Text, Title } from '@mantine/core'
import { Notifications } from '@mantine/notifications'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { lazy } from 'react'
import { BrowserRouter, Navigate, Route, Routes } from 'react-router'
import { AppError } from '#shared/errors'
import { setUnauthenticatedHandler } from '../api/client'
import { LoginPage } from '../features/auth/LoginPage'
import { RequireAuth } from '../features/auth/RequireAuth'
import { SetupPage } from '../features/auth/SetupPage'
import { sessionKey } from '../features/auth/session'
import { AppLayout } from './AppLayout'
import { theme } from './theme'

const NsatPage = lazy(() => import('../features/nsat/NsatPage').then((m) => ({ default: m.NsatPage })))
const PartnerListPage = lazy(() =>
  import('../features/partners/PartnerListPage').then((m) => ({ default: m.PartnerListPage })),
)
const PartnerPage = lazy(() =>
  import('../features/partners/PartnerPage').then((m) => ({ default: m.PartnerPage })),
)
const CustomerListPage = lazy(() =>
  import('../features/customers/CustomerListPage').then((m) => ({ default: m.CustomerListPage })),
)
const CustomerPage = lazy(() =>
  import('../features/customers/CustomerPage').then((m) => ({ default: m.CustomerPage })),
)
const ImportPage = lazy(() =>
  import('../features/imports/ImportPage').then((m) => ({ default: m.ImportPage })),
)
const DashboardPage = lazy(() =>
  import('../features/dashboards/DashboardPage').then((m) => ({ default: m.DashboardPage })),
)
const SettingsPage = lazy(() =>
  import('../features/settings/SettingsPage').then((m) => ({ default: m.SettingsPage })),
)
const OpportunitiesPage = lazy(() =>
  import('../features/opportunities/OpportunitiesPage').then((m) => ({ default: m.OpportunitiesPage })),
)
const EscalationsPage = lazy(() =>
  import('../features/escalations/EscalationsPage').then((m) => ({ default: m.EscalationsPage })),
)
const EscalationPage = lazy(() =>
  import('../features/escalations/EscalationPage').then((m) => ({ default: m.EscalationPage })),
)
const InsightsPage = lazy(() =>
  import('../features/insights/InsightsPage').then((m) => ({ default: m.InsightsPage })),
)
const MeetingPage = lazy(() =>
  import('../features/meetings/MeetingPage').then((m) => ({ default: m.MeetingPage })),
)
const MyWeekPage = lazy(() =>
  import('../features/meetings/MyWeekPage').then((m) => ({ default: m.MyWeekPage })),
)
const ScorecardPage = lazy(() =>
  import('../features/scorecard/ScorecardPage').then((m) => ({ default: m.ScorecardPage })),
)
const OffboardingPage = lazy(() =>
  import('../features/offboarding/OffboardingPage').then((m) => ({ default: m.OffboardingPage })),
)
const TasksPage = lazy(() => import('../features/tasks/TasksPage').then((m) => ({ default: m.TasksPage })))
const TaskCataloguePage = lazy(() =>
  import('../features/tasks/TaskCataloguePage').then((m) => ({ default: m.TaskCataloguePage })),
)
const CompliancePage = lazy(() =>
  import('../features/compliance/CompliancePage').then((m) => ({ default: m.CompliancePage })),
)
const UsersPage = lazy(() => import('../features/users/UsersPage').then((m) => ({ default: m.UsersPage })))

const retry = (count: number, error: unknown) =>
  !(
    error instanceof AppError &&
    ['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'VALIDATION'].includes(error.code)
  ) && count < 2

const queryClient = new QueryClient({
  defaultOptions: { queries: { retry, staleTime: 15_000, refetchOnWindowFocus: false } },
})

// A 401 from any call means the session ended: forget the user, and <RequireAuth> sends them to sign in.
setUnauthenticatedHandler(() => {
  queryClient.setQueryData(sessionKey, null)
})

function NotFoundPage() {
  return (
    <Center mih={300}>
      <Stack align="center" gap={4}>
        <Title order={2}>Page not found</Title>
        <Text c="dimmed">The address does not match any page of Trellis.</Text>
      </Stack>
    </Center>
  )
}

export function App() {
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      <Notifications position="top-right" />
      <QueryClientProvider client={queryClient}>
        <BrowserRouter>
          <Routes>
            <Route path="/login" element={<LoginPage />} />
            <Route path="/setup" element={<SetupPage />} />
            <Route
              element={
                <RequireAuth>
                  <AppLayout />
                </RequireAuth>
              }
            >
              <Route index element={<Navigate to="/dashboard" replace />} />
              <Route path="/dashboard" element={<DashboardPage />} />
              <Route path="/partners" element={<PartnerListPage />} />
              <Route path="/partners/:id" element={<PartnerPage />} />
              <Route path="/customers" element={<CustomerListPage />} />
              <Route path="/customers/:id" element={<CustomerPage />} />
              <Route path="/opportunities" element={<OpportunitiesPage />} />
              <Route path="/escalations" element={<EscalationsPage />} />
              <Route path="/escalations/:id" element={<EscalationPage />} />
              <Route path="/insights" element={<InsightsPage />} />
              <Route path="/my-week" element={<MyWeekPage />} />
              <Route path="/tasks" element={<TasksPage />} />
              <Route path="/tasks/catalogue" element={<TaskCataloguePage />} />
              <Route path="/compliance" element={<CompliancePage />} />
              <Route path="/meetings/:seriesId/:originalStart" element={<MeetingPage />} />
              <Route path="/scorecard" element={<ScorecardPage />} />
              <Route path="/offboarding" element={<OffboardingPage />} />
              <Route path="/nsat" element={<NsatPage />} />
              <Route path="/import" element={<ImportPage />} />
              <Route path="/users" element={<UsersPage />} />
              <Route path="/settings" element={<SettingsPage />} />
              <Route path="*" element={<NotFoundPage />} />
            </Route>
          </Routes>
        </BrowserRouter>
      </QueryClientProvider>
    </MantineProvider>
  )
}
