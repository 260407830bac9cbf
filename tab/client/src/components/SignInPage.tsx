import { Button, Card, makeStyles, MessageBar, MessageBarBody, Text, Title2, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { DemoStaff, routes } from '../../../contract/api';
import { failureMessage } from '../api';
import type { Session } from '../session';
import { DemoStaffPicker } from './DemoStaffPicker';
import { Loading } from './Loading';
import { ErrorNote } from './ErrorNote';

const useStyles = makeStyles({
  page: { maxWidth: '640px', margin: '0 auto', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

type Offer = { state: 'loading' } | { state: 'demo'; staff: DemoStaff['staff'] } | { state: 'teams-only' } | { state: 'error'; message: string };

/** Demo staff, when the API offers them (embedded Graph); a 404 means a tenant: Teams only. */
async function demoOffer(): Promise<Offer> {
  const res = await fetch(routes.demoStaff, { headers: { Accept: 'application/json' }, cache: 'no-store' });
  if (res.status === 404) return { state: 'teams-only' };
  if (!res.ok) return { state: 'error', message: `The service answered ${res.status}.` };
  const parsed = DemoStaff.safeParse(await res.json());
  return parsed.success ? { state: 'demo', staff: parsed.data.staff } : { state: 'error', message: 'The list of demo staff was not understood.' };
}

export function SignInPage({ inTeams, notice, onSignIn }: { inTeams: boolean; notice?: string | undefined; onSignIn: (session: Session) => void }) {
  const styles = useStyles();
  const [offer, setOffer] = useState<Offer>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (inTeams) return;
    let current = true;
    setOffer({ state: 'loading' });
    demoOffer().then(
      (o) => current && setOffer(o),
      (error: unknown) => current && setOffer({ state: 'error', message: failureMessage(error) }),
    );
    return () => {
      current = false;
    };
  }, [inTeams, attempt]);

  return (
    <div className={styles.page}>
      <Title2 as="h1">Sign in</Title2>
      {notice ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      ) : null}
      {inTeams ? (
        <Card>
          <Text>Teams did not sign you in to Outreach Cases.</Text>
          <Button appearance="primary" onClick={() => onSignIn({ kind: 'teams' })}>
            Try again
          </Button>
        </Card>
      ) : offer.state === 'loading' ? (
        <Loading label="Looking for a way to sign in…" />
      ) : offer.state === 'teams-only' ? (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>Outreach Cases signs you in through Microsoft Teams. Open it as a tab in Teams.</MessageBarBody>
        </MessageBar>
      ) : offer.state === 'error' ? (
        <ErrorNote title="Sign-in is not available" message={offer.message} onRetry={() => setAttempt((a) => a + 1)} />
      ) : (
        <DemoStaffPicker staff={offer.staff} onPick={(userId) => onSignIn({ kind: 'demo', userId })} />
      )}
    </div>
  );
}
