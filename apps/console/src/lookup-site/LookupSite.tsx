import { CssBaseline, ThemeProvider } from '@mui/material';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation, useParams } from 'react-router-dom';
import type { LookupAccountType, LookupKind } from '@app/contracts';
import { LOOKUP_KINDS } from '@app/domain';
import { ByCodePage } from './pages/ByCodePage';
import { CoveragePage } from './pages/CoveragePage';
import { EntityOthersPage } from './pages/EntityOthersPage';
import { HomePage } from './pages/HomePage';
import { LoginPage, type LoginState } from './pages/LoginPage';
import { MinePage } from './pages/MinePage';
import { OldQueryPage } from './pages/OldQueryPage';
import { OthersPage } from './pages/OthersPage';
import { RegisterPage } from './pages/RegisterPage';
import { useLookupSession } from './session';
import { SiteLayout } from './SiteLayout';
import { lookupTheme } from './theme';

const queryClient = new QueryClient({
  // A failed lookup is answered, not retried: retries would spend the day's quota (R-30) and the rate limits.
  defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false }, mutations: { retry: false } },
});

/**
 * Pages behind login: without a session the visitor goes to 登录 and comes back; a session that ends while on the
 * page (401, or 退出登录) says so there.
 */
function RequireAccount({ type, children }: { type?: LookupAccountType; children: React.ReactNode }) {
  const session = useLookupSession();
  const location = useLocation();
  const hadSession = useRef(!!session);
  useEffect(() => {
    if (session) hadSession.current = true;
  }, [session]);
  if (!session) {
    const state: LoginState = { from: location.pathname, expired: hadSession.current };
    return <Navigate to="/login" replace state={state} />;
  }
  if (type && session.account.type !== type) return <Navigate to="/" replace />;
  return <>{children}</>;
}

function kindParam(value: string | undefined): LookupKind | null {
  return LOOKUP_KINDS.find((kind) => kind === value) ?? null;
}

function MineRoute() {
  const kind = kindParam(useParams().kind);
  return kind ? <MinePage key={kind} kind={kind} /> : <Navigate to="/" replace />;
}

function EntityOthersRoute() {
  const kind = kindParam(useParams().kind);
  return kind ? <EntityOthersPage key={kind} kind={kind} /> : <Navigate to="/" replace />;
}

/** The public lookup site at /lookup: the same build as the console, its own entry and router. */
export function LookupSite() {
  return (
    <ThemeProvider theme={lookupTheme}>
      <CssBaseline />
      <QueryClientProvider client={queryClient}>
        <BrowserRouter basename="/lookup">
          <Routes>
            <Route element={<SiteLayout />}>
              <Route index element={<HomePage />} />
              <Route path="old" element={<OldQueryPage />} />
              <Route path="coverage" element={<CoveragePage />} />
              <Route path="login" element={<LoginPage />} />
              <Route path="register" element={<RegisterPage />} />
              <Route
                path="mine/:kind"
                element={
                  <RequireAccount type="person">
                    <MineRoute />
                  </RequireAccount>
                }
              />
              <Route
                path="others"
                element={
                  <RequireAccount type="person">
                    <OthersPage />
                  </RequireAccount>
                }
              />
              <Route
                path="others/:kind"
                element={
                  <RequireAccount type="legal_entity">
                    <EntityOthersRoute />
                  </RequireAccount>
                }
              />
              <Route
                path="by-code"
                element={
                  <RequireAccount>
                    <ByCodePage />
                  </RequireAccount>
                }
              />
              <Route path="*" element={<Navigate to="/" replace />} />
            </Route>
          </Routes>
        </BrowserRouter>
      </QueryClientProvider>
    </ThemeProvider>
  );
}
