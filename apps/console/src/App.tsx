import { Route } from 'react-router-dom';
import { Admin, CustomRoutes, Resource } from 'react-admin';
import { LocalizationProvider } from '@mui/x-date-pickers/LocalizationProvider';
import { AdapterDayjs } from '@mui/x-date-pickers/AdapterDayjs';
import { PICKER_FORMATS } from './common/pickers';
import 'dayjs/locale/zh-cn';
import { LoginPage } from './auth/LoginPage';
import { Dashboard } from './dashboard/Dashboard';
import { FEATURES } from './features';
import { appChineseMessages } from './i18n/zh-CN';
import { AppLayout } from './layout/AppLayout';
import { authProvider } from './providers/authProvider';
import { dataProvider } from './providers/dataProvider';
import { i18nProvider } from './providers/i18nProvider';
import { theme } from './theme';

// Resources and custom pages come from each feature's registration (features.ts).
const resources = FEATURES.flatMap((feature) => (feature.resource ? [feature.resource] : []));
const pages = FEATURES.flatMap((feature) => feature.routes ?? []);

// The default title is shown untranslated by react-admin (error pages), so it is read from the messages directly.
// disableTelemetry: the console must not call outside servers. requireAuth: nothing renders before login.
// Date pickers in Chinese (month names, weekday initials, 确定/取消) whatever the browser's language (common/pickers.tsx).
export const App = () => (
  <LocalizationProvider dateAdapter={AdapterDayjs} adapterLocale="zh-cn" dateFormats={PICKER_FORMATS}>
    <Admin
      title={appChineseMessages.app.title}
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
      {resources.map(({ access: _access, recordAllows: _recordAllows, ...resource }) => (
        <Resource key={resource.name} {...resource} />
      ))}
      <CustomRoutes>
        {pages.map(({ path, component: Page }) => (
          <Route key={path} path={path} element={<Page />} />
        ))}
      </CustomRoutes>
    </Admin>
  </LocalizationProvider>
);
