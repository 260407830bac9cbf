import { Button, makeStyles, Spinner, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { CardAnswer, routes } from '../../../contract/api';
import { failureMessage } from '../api';
import type { CardRequest } from '../cardAction';
import { useSigned } from '../context';
import { useLoad } from '../hooks/useLoad';
import { AdaptiveCardView } from './AdaptiveCardView';
import { ErrorNote } from './ErrorNote';
import { Loading } from './Loading';
import { Section } from './Section';

const useStyles = makeStyles({
  cards: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  bar: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', marginTop: tokens.spacingVerticalS, minHeight: '24px' },
});

/**
 * The case's card, as the bot sends it. An action goes to the same dispatcher as in chat (POST
 * /cards/action); its answer (a form, an outcome, and any follow-up card) replaces the card here.
 * The SDK ignores `refresh`, so after acting the case page is fetched again (`onActed`).
 */
export function ActionCard({ caseId, onActed }: { caseId: string; onActed: () => void }) {
  const styles = useStyles();
  const { api } = useSigned();
  const initial = useLoad(() => api.get(routes.caseCard(caseId), CardAnswer), caseId);
  const [answer, setAnswer] = useState<CardAnswer>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const shown = answer ?? initial.data;

  const act = async ({ verb, data }: Extract<CardRequest, { kind: 'post' }>) => {
    if (busy) return;
    setBusy(true);
    setError(undefined);
    try {
      setAnswer(await api.post(routes.cardAction, { verb, data }, CardAnswer));
      onActed();
    } catch (e) {
      setError(failureMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const backToCase = () => {
    setAnswer(undefined);
    setError(undefined);
    initial.reload();
  };

  return (
    <Section title="Actions" testId="action-card">
      {initial.state === 'error' && !shown ? <ErrorNote title="The case card could not be loaded" message={initial.message} onRetry={initial.reload} /> : null}
      {!shown && initial.state === 'loading' ? <Loading label="Loading the case card…" /> : null}
      {shown ? (
        <div className={styles.cards} aria-busy={busy}>
          <AdaptiveCardView card={shown.card} onPost={(r) => void act(r)} />
          {shown.followUp ? <AdaptiveCardView card={shown.followUp} onPost={(r) => void act(r)} /> : null}
        </div>
      ) : null}
      {error ? <ErrorNote title="That did not work" message={error} /> : null}
      {busy || answer ? (
        <div className={styles.bar}>
          {busy ? <Spinner size="tiny" label="Working…" labelPosition="after" /> : null}
          {answer && !busy ? (
            <Button size="small" onClick={backToCase}>
              Back to the case card
            </Button>
          ) : null}
        </div>
      ) : null}
    </Section>
  );
}
