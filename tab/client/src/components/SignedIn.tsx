import { useMemo } from 'react';
import { Me, routes } from '../../../contract/api';
import type { Api } from '../api';
import { SignedContext } from '../context';
import { useLoad } from '../hooks/useLoad';
import type { Route } from '../route';
import { CaseloadPage } from './CaseloadPage';
import { CasePage } from './CasePage';
import { ErrorNote } from './ErrorNote';
import { Loading } from './Loading';
import { UserBar } from './UserBar';

/** Who is signed in (GET /me), then the page the route names. */
export function SignedIn({ api, route, demo, onSignOut }: { api: Api; route: Exclude<Route, { page: 'config' }>; demo: boolean; onSignOut: () => void }) {
  const me = useLoad(() => api.get(routes.me, Me), 'me');
  const signed = useMemo(() => (me.data ? { api, me: me.data } : undefined), [api, me.data]);
  if (me.state === 'error') return <ErrorNote title="You could not be signed in" message={me.message} onRetry={me.reload} />;
  if (!signed) return <Loading label="Signing in…" />;
  return (
    <SignedContext.Provider value={signed}>
      <UserBar me={signed.me} onSignOut={demo ? onSignOut : undefined} />
      {route.page === 'case' ? <CasePage key={route.caseId} caseId={route.caseId} /> : <CaseloadPage scope={route.scope} />}
    </SignedContext.Provider>
  );
}
