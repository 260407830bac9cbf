import { Button, makeStyles, Spinner, tokens } from '@fluentui/react-components';
import { AdaptiveCard, HostConfig, SerializationContext } from 'adaptivecards';
import { useCallback, useEffect, useRef, useState } from 'react';
import { CardAnswer, routes } from '../../../contract/api';
import { failureMessage } from '../api';
import { cardRequest } from '../cardAction';
import { useSigned, useThemeName } from '../context';
import { useLoad } from '../hooks/useLoad';
import { markdownToHtml } from '../markdown';
import { hostConfigJson } from '../theme';
import { ErrorNote } from './ErrorNote';
import { Loading } from './Loading';
import { Section } from './Section';

const useStyles = makeStyles({
  card: { borderRadius: tokens.borderRadiusMedium, overflow: 'hidden', border: `1px solid ${tokens.colorNeutralStroke2}` },
  bar: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', marginTop: tokens.spacingVerticalS, minHeight: '24px' },
});

AdaptiveCard.onProcessMarkdown = (text, result) => {
  result.outputHtml = markdownToHtml(text);
  result.didProcess = true;
};

/**
 * The case's card, as the bot sends it, rendered by the `adaptivecards` SDK with the Teams host
 * config. An action goes to the same dispatcher as in chat (POST /cards/action) and its answer
 * (a form, an outcome) replaces the card here. The SDK ignores `refresh`, so after acting the
 * case page is fetched again (`onActed`).
 */
export function ActionCard({ caseId, onActed }: { caseId: string; onActed: () => void }) {
  const styles = useStyles();
  const { api } = useSigned();
  const theme = useThemeName();
  const initial = useLoad(() => api.get(routes.caseCard(caseId), CardAnswer), caseId);
  const [shown, setShown] = useState<CardAnswer['card']>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const host = useRef<HTMLDivElement>(null);
  const card = shown ?? initial.data?.card;

  const act = useCallback(
    async (verb: string, data: Record<string, unknown>) => {
      setBusy(true);
      setError(undefined);
      try {
        const answer = await api.post(routes.cardAction, { verb, data }, CardAnswer);
        setShown(answer.card);
        onActed();
      } catch (e) {
        setError(failureMessage(e));
      } finally {
        setBusy(false);
      }
    },
    [api, onActed],
  );

  useEffect(() => {
    const el = host.current;
    if (!el || !card) return;
    const adaptive = new AdaptiveCard();
    adaptive.hostConfig = new HostConfig(hostConfigJson(theme));
    adaptive.onExecuteAction = (action) => {
      const request = cardRequest(action);
      if (request.kind === 'open') window.open(request.url, '_blank', 'noopener,noreferrer');
      else if (request.kind === 'post') void act(request.verb, request.data);
    };
    adaptive.parse(card, new SerializationContext());
    const rendered = adaptive.render();
    el.replaceChildren(...(rendered ? [rendered] : []));
    return () => el.replaceChildren();
  }, [card, theme, act]);

  const backToCase = () => {
    setShown(undefined);
    setError(undefined);
    initial.reload();
  };

  return (
    <Section title="Actions" testId="action-card">
      {initial.state === 'error' && !card ? <ErrorNote title="The case card could not be loaded" message={initial.message} onRetry={initial.reload} /> : null}
      {!card && initial.state === 'loading' ? <Loading label="Loading the case card…" /> : null}
      <div ref={host} className={card ? styles.card : undefined} aria-busy={busy} />
      {error ? <ErrorNote title="That did not work" message={error} /> : null}
      <div className={styles.bar}>
        {busy ? <Spinner size="tiny" label="Working…" labelPosition="after" /> : null}
        {shown && !busy ? (
          <Button size="small" onClick={backToCase}>
            Back to the case card
          </Button>
        ) : null}
      </div>
    </Section>
  );
}
