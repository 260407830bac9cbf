import { lazy, Suspense, useMemo, useState } from 'react';
import { Caseload, Me, routes } from '../../../contract/api';
import { ApiFailure, type Api } from '../api';
import { SignedContext } from '../context';
import { useLoad } from '../hooks/useLoad';
import { caseloadSearch, initialView } from '../query';
import type { Route } from '../route';
import { CaseloadPage } from './CaseloadPage';
import { managesService, ManagersOnly } from './dashboard/ManagersOnly';
import { ErrorNote } from './ErrorNote';
import { Loading } from './Loading';
import { UserBar } from './UserBar';

/** The case page (with the Adaptive Cards renderer) is its own chunk: the caseload does not wait for it. */
const CasePage = lazy(() => import('./CasePage').then((m) => ({ default: m.CasePage })));
/** The dashboard (with chart.js), invoicing and settings are chunks of their own too: a worker never loads them. */
const DashboardPage = lazy(() => import('./dashboard/DashboardPage').then((m) => ({ default: m.DashboardPage })));
const InvoicingPage = lazy(() => import('./invoicing/InvoicingPage').then((m) => ({ default: m.InvoicingPage })));
const SettingsPage = lazy(() => import('./settings/SettingsPage').then((m) => ({ default: m.SettingsPage })));

type SignedRoute = Exclude<Route, { page: 'config' }>;

/** Who is signed in (GET /me), then the page the route names. */
export function SignedIn({ api, route, demo, onSignOut }: { api: Api; route: SignedRoute; demo: boolean; onSignOut: (message?: string) => void }) {
  // A demo sign-in as someone no longer on the Staff list (403) goes back to the picker, saying why (a 401 already does, in the API client).
  const me = useLoad(
    () =>
      api.get(routes.me, Me).catch((error: unknown) => {
        if (demo && error instanceof ApiFailure && error.status === 403) onSignOut(error.message);
        throw error;
      }),
    'me',
  );
  // The caseload's first page is asked for beside /me, not after it: one round trip less before the rows show.
  const [prefetched] = useState(() => {
    if (route.page !== 'cases') return undefined;
    const page = api.get(`${routes.cases}${caseloadSearch(initialView)}`, Caseload);
    page.catch(() => undefined); // its failure is shown when the page takes it
    return page;
  });
  const signed = useMemo(() => (me.data ? { api, me: me.data } : undefined), [api, me.data]);
  if (me.state === 'error') return <ErrorNote title="You could not be signed in" message={me.message} onRetry={me.reload} />;
  if (!signed) return <Loading label="Signing in…" />;
  return (
    <SignedContext.Provider value={signed}>
      <UserBar me={signed.me} page={route.page} onSignOut={demo ? () => onSignOut() : undefined} />
      <Page route={route} manager={managesService(signed.me.roles)} prefetched={prefetched} />
    </SignedContext.Provider>
  );
}

function Page({ route, manager, prefetched }: { route: SignedRoute; manager: boolean; prefetched: Promise<Caseload> | undefined }) {
  switch (route.page) {
    case 'case':
      return (
        <Suspense fallback={<Loading label="Loading the case…" />}>
          <CasePage key={route.caseId} caseId={route.caseId} />
        </Suspense>
      );
    case 'dashboard':
      return manager ? (
        <Suspense fallback={<Loading label="Loading the dashboard…" />}>
          <DashboardPage search={route.search} />
        </Suspense>
      ) : <ManagersOnly title="Dashboard" />;
    case 'invoicing':
      return manager ? (
        <Suspense fallback={<Loading label="Loading invoicing…" />}>
          <InvoicingPage search={route.search} />
        </Suspense>
      ) : <ManagersOnly title="Invoicing" />;
    case 'settings':
      return manager ? (
        <Suspense fallback={<Loading label="Loading the settings…" />}>
          <SettingsPage section={route.section} />
        </Suspense>
      ) : <ManagersOnly title="Settings" />;
    case 'cases':
      return <CaseloadPage scope={route.scope} prefetched={prefetched} />;
  }
}
