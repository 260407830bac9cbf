import { useMemo } from 'react';
import { Me, routes } from '../../../contract/api';
import { ApiFailure, type Api } from '../api';
import { SignedContext } from '../context';
import { useLoad } from '../hooks/useLoad';
import type { Route } from '../route';
import { CaseloadPage } from './CaseloadPage';
import { CasePage } from './CasePage';
import { ErrorNote } from './ErrorNote';
import { Loading } from './Loading';
import { UserBar } from './UserBar';

/** Who is signed in (GET /me), then the page the route names. */
export function SignedIn({ api, route, demo, onSignOut }: { api: Api; route: Exclude<Route, { page: 'config' }>; demo: boolean; onSignOut: (message?: string) => void }) {
  // A demo sign-in as someone no longer on the Staff list (403) goes back to the picker, saying why (a 401 already does, in the API client).
  const me = useLoad(
    () =>
      api.get(routes.me, Me).catch((error: unknown) => {
        if (demo && error instanceof ApiFailure && error.status === 403) onSignOut(error.message);
        throw error;
      }),
    'me',
  );
  const signed = useMemo(() => (me.data ? { api, me: me.data } : undefined), [api, me.data]);
  if (me.state === 'error') return <ErrorNote title="You could not be signed in" message={me.message} onRetry={me.reload} />;
  if (!signed) return <Loading label="Signing in…" />;
  return (
    <SignedContext.Provider value={signed}>
      <UserBar me={signed.me} onSignOut={demo ? () => onSignOut() : undefined} />
      {route.page === 'case' ? <CasePage key={route.caseId} caseId={route.caseId} /> : <CaseloadPage scope={route.scope} />}
    </SignedContext.Provider>
  );
}
