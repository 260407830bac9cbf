import { makeStyles, tokens } from '@fluentui/react-components';
import { AdaptiveCard, HostConfig, SerializationContext } from 'adaptivecards';
import { useEffect, useRef } from 'react';
import type { CardAnswer } from '../../../contract/api';
import { cardRequest, type CardRequest } from '../cardAction';
import { useThemeName } from '../context';
import { narrowQuery, useMediaQuery } from '../hooks/useMediaQuery';
import { markdownToHtml } from '../markdown';
import { hostConfigJson } from '../theme';

const useStyles = makeStyles({
  card: { borderRadius: tokens.borderRadiusMedium, overflow: 'hidden', border: `1px solid ${tokens.colorNeutralStroke2}` },
});

AdaptiveCard.onProcessMarkdown = (text, result) => {
  result.outputHtml = markdownToHtml(text);
  result.didProcess = true;
};

/**
 * One Adaptive Card rendered by the `adaptivecards` SDK with the Teams host config of the theme.
 * Action.OpenUrl opens a new tab; Action.Execute (and a Submit carrying a verb) goes to `onPost`.
 */
export function AdaptiveCardView({ card, onPost }: { card: CardAnswer['card']; onPost: (request: Extract<CardRequest, { kind: 'post' }>) => void }) {
  const styles = useStyles();
  const theme = useThemeName();
  const narrow = useMediaQuery(narrowQuery);
  const host = useRef<HTMLDivElement>(null);
  const post = useRef(onPost);
  post.current = onPost;

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const adaptive = new AdaptiveCard();
    adaptive.hostConfig = new HostConfig(hostConfigJson(theme, narrow));
    adaptive.onExecuteAction = (action) => {
      const request = cardRequest(action);
      if (request.kind === 'open') window.open(request.url, '_blank', 'noopener,noreferrer');
      else if (request.kind === 'post') post.current(request);
    };
    adaptive.parse(card, new SerializationContext());
    const rendered = adaptive.render();
    el.replaceChildren(...(rendered ? [rendered] : []));
    return () => el.replaceChildren();
  }, [card, theme, narrow]);

  return <div ref={host} className={styles.card} />;
}
