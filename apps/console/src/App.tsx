import { Route } from 'react-router-dom';
import { Admin, CustomRoutes, Resource } from 'react-admin';
import { AccountSecurityPage } from './account/AccountSecurityPage';
import auditLogs from './auditLogs';
import batches from './batches';
import { CalendarPage, DeadlineCalculatorPage } from './calendar';
import { LoginPage } from './auth/LoginPage';
import { Dashboard } from './dashboard/Dashboard';
import deadlines from './deadlines';
import { AppLayout } from './layout/AppLayout';
import organisations from './organisations';
import { authProvider } from './providers/authProvider';
import { dataProvider } from './providers/dataProvider';
import { i18nProvider } from './providers/i18nProvider';
import { MyQueuePage } from './queue/MyQueuePage';
import users from './users';
import { theme } from './theme';

// disableTelemetry: the console must not call outside servers. requireAuth: nothing renders before login.
export const App = () => (
  <Admin
    title="证书数据监管平台"
    dataProvider={dataProvider}
    authProvider={authProvider}
    i18nProvider={i18nProvider}
    loginPage={LoginPage}
    layout={AppLayout}
    dashboard={Dashboard}
    theme={theme}
    disableTelemetry
    requireAuth
  >
    <Resource name="batches" {...batches} />
    <Resource name="deadlines" {...deadlines} />
    <Resource name="organisations" {...organisations} />
    <Resource name="users" {...users} />
    <Resource name="audit-logs" {...auditLogs} />
    <CustomRoutes>
      <Route path="/queue" element={<MyQueuePage />} />
      <Route path="/account" element={<AccountSecurityPage />} />
      <Route path="/calendar" element={<CalendarPage />} />
      <Route path="/deadline-calculator" element={<DeadlineCalculatorPage />} />
    </CustomRoutes>
  </Admin>
);
