import { workingCard, type AdaptiveCardJson } from '../../bot/cards';
import { cardOf, invokeCard, startConnector } from '../bot/botHarness';

export interface TimedClick {
  verb: string;
  /** POST /api/messages until the invoke's response (what Teams waits for). */
  responseMs: number;
  /** The response was the interim card; the real card came later as an update of the message. */
  interim: boolean;
  /** POST until the card the person ends up seeing arrived (the response, or the update after the interim card). */
  doneMs: number;
  /** That card. */
  card: AdaptiveCardJson;
}

/**
 * Teams in front of an app running at `appUrl` (another process): card clicks POSTed to its
 * /api/messages as `adaptiveCard/action` invokes, each on a message of its own, from personal
 * chats, with a connector here receiving what the app sends back.
 */
export async function startTeamsClicks(appUrl: string, options: { giveUpAfterMs?: number } = {}) {
  const connector = await startConnector();
  const giveUpAfterMs = options.giveUpAfterMs ?? 60_000;
  let counter = 0;

  const updateOf = async (replyToId: string, started: number): Promise<AdaptiveCardJson> => {
    for (;;) {
      const update = connector.sent.find((s) => s.method === 'PUT' && s.activityId === replyToId);
      if (update) return cardOf(update);
      if (performance.now() - started > giveUpAfterMs) throw new Error(`no card update for ${replyToId} within ${giveUpAfterMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  };

  /** A click by the member of staff `userId` on a button `verb` with `data`, timed. */
  const click = async (userId: string, verb: string, data: Record<string, unknown>): Promise<TimedClick> => {
    const n = ++counter;
    const replyToId = `bench-card-${n}`;
    const activity = {
      channelId: 'msteams',
      serviceUrl: connector.url,
      id: `bench-act-${n}`,
      timestamp: new Date().toISOString(),
      from: { id: `29:teams-${userId}`, name: 'Bench user', aadObjectId: userId },
      recipient: { id: '28:outreach-bot', name: 'Outreach Cases' },
      conversation: { id: `a:${userId}`, conversationType: 'personal', tenantId: 'tenant-1' },
      type: 'invoke',
      name: 'adaptiveCard/action',
      replyToId,
      value: { action: { type: 'Action.Execute', verb, data } },
    };
    const started = performance.now();
    const response = await fetch(`${appUrl}/api/messages`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(activity), signal: AbortSignal.timeout(giveUpAfterMs) });
    const text = await response.text();
    const responseMs = performance.now() - started;
    if (response.status !== 200) throw new Error(`${verb}: HTTP ${response.status} ${text}`);
    const answered = invokeCard(JSON.parse(text) as unknown);
    const interim = JSON.stringify(answered) === JSON.stringify(workingCard(verb));
    if (!interim) return { verb, responseMs, interim, doneMs: responseMs, card: answered };
    const card = await updateOf(replyToId, started);
    return { verb, responseMs, interim, doneMs: performance.now() - started, card };
  };

  return { click, connector, close: () => connector.close() };
}
