import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import pino from 'pino';
import { createBotAdapter } from '../../app/bot/botAdapter';
import { mountBot } from '../../app/bot/mountBot';
import { botTeamChannel } from '../../app/bot/botTeamChannel';
import type { RateLimits } from '../../app/config';
import { teamsSender } from '../../app/bot/teamsSender';
import { teamsOrMailNotifier } from '../../app/notifications/teamsOrMailNotifier';
import type { AppLogger } from '../../app/logger';
import { createServer } from '../../app/server';
import type { AdaptiveCardJson } from '../../bot/cards';
import type { WorkflowDeps } from '../../workflow';

/** An activity the bot sent to the channel (a reply, a new message, or an update of one). */
export interface Outgoing {
  method: 'POST' | 'PUT';
  conversationId: string;
  /** For PUT: the id of the message updated. */
  activityId?: string;
  id: string;
  activity: { type: string; text?: string; attachments?: Array<{ contentType: string; content: AdaptiveCardJson }>; replyToId?: string };
}

/** The Bot Framework connector side of Teams: receives what the bot sends, answers with ids. */
export async function startConnector() {
  const sent: Outgoing[] = [];
  /** Conversations Teams no longer knows (the app was removed, the chat is gone): answered with this status. */
  const refused = new Map<string, number>();
  let counter = 0;
  const app = express();
  app.use(express.json({ limit: '2mb' }));
  app.use('/v3/conversations/:conversationId', (req, res, next) => {
    const status = refused.get(String(req.params.conversationId));
    if (status) res.status(status).json({ error: { code: 'ConversationNotFound', message: 'Conversation not found.' } });
    else next();
  });
  app.post('/v3/conversations/:conversationId/activities{/:replyTo}', (req, res) => {
    const id = `bot-msg-${++counter}`;
    sent.push({ method: 'POST', conversationId: String(req.params.conversationId), id, activity: req.body as Outgoing['activity'] });
    res.json({ id });
  });
  app.put('/v3/conversations/:conversationId/activities/:activityId', (req, res) => {
    const activityId = String(req.params.activityId);
    sent.push({ method: 'PUT', conversationId: String(req.params.conversationId), activityId, id: activityId, activity: req.body as Outgoing['activity'] });
    res.json({ id: activityId });
  });
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, sent, refuse: (conversationId: string, status = 403) => refused.set(conversationId, status), close: () => new Promise<void>((r) => server.close(() => r())) };
}

/**
 * The app's real express server with the bot at /api/messages (anonymous, as with the embedded
 * Graph) and a connector standing in for Teams; every request goes over HTTP.
 */
export type Connector = Awaited<ReturnType<typeof startConnector>>;

/**
 * `connector`: Teams as another app process left it (a restart test); it stays open when this
 * app stops.
 */
/** Limits no test or benchmark meets unless it sets its own (`rateLimits`) to try them. */
export const testRateLimits: RateLimits = { perPersonPerMinute: 1_000_000, perAddressPerMinute: 1_000_000 };

export async function startBot(
  given: WorkflowDeps,
  options: { interimAfterMs?: number; notifyThroughTeams?: boolean; teamChannelId?: string | (() => string | undefined); connector?: Connector; rateLimits?: Partial<RateLimits>; logger?: AppLogger } = {},
) {
  const connector = options.connector ?? (await startConnector());
  const ownsConnector = !options.connector;
  let appStopped = false;
  const logger = options.logger ?? pino({ level: 'silent' });
  const botAdapter = createBotAdapter({ mode: 'anonymous' });
  // As the app wires it: notifications reach staff through the bot, or by e-mail.
  const workflow: WorkflowDeps = {
    ...given,
    ...(options.notifyThroughTeams ? { notifier: teamsOrMailNotifier(given, teamsSender(botAdapter, () => workflow), given.mailer, given.config.serviceName, logger) } : {}),
    ...(options.teamChannelId ? { channel: botTeamChannel(given, botAdapter, options.teamChannelId, logger) } : {}),
  };
  const rateLimits = { ...testRateLimits, ...options.rateLimits };
  const bot = mountBot(workflow, botAdapter, logger, { ...options, rateLimits });
  const app = createServer({ logger, version: 'test', details: { bot: bot.health }, mounts: [bot], rateLimits });
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  let activityCounter = 0;

  const base = (aadObjectId: string | undefined, conversationId: string) => ({
    channelId: 'msteams',
    serviceUrl: connector.url,
    id: `user-act-${++activityCounter}`,
    timestamp: new Date().toISOString(),
    from: { id: `29:teams-${aadObjectId ?? 'nobody'}`, name: 'Demo user', ...(aadObjectId ? { aadObjectId } : {}) },
    recipient: { id: '28:outreach-bot', name: 'Outreach Cases' },
    conversation: { id: conversationId, conversationType: 'personal', tenantId: 'tenant-1' },
  });

  const post = async (activity: unknown): Promise<{ status: number; body: unknown; ms: number; headers: Headers }> => {
    const started = Date.now();
    const response = await fetch(`${url}/api/messages`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(activity) });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined, ms: Date.now() - started, headers: response.headers };
  };

  return {
    url,
    workflow,
    connector,
    bot,
    post,
    /** A chat message from a member of staff. */
    say: (aadObjectId: string | undefined, text: string, conversationId = `a:${aadObjectId ?? 'x'}`) =>
      post({ ...base(aadObjectId, conversationId), type: 'message', text }),
    /** A click on an Action.Execute of a card the bot sent as message `replyToId`. */
    click: (aadObjectId: string, verb: string, data: Record<string, unknown>, replyToId = 'bot-msg-0', conversationId = `a:${aadObjectId}`) =>
      post({ ...base(aadObjectId, conversationId), type: 'invoke', name: 'adaptiveCard/action', replyToId, value: { action: { type: 'Action.Execute', verb, data } } }),
    install: (aadObjectId: string, conversationId = `a:${aadObjectId}`) =>
      post({ ...base(aadObjectId, conversationId), type: 'installationUpdate', action: 'add' }),
    /** The app added to a team: Teams sends conversationUpdate from the team's channel. */
    addToTeam: (aadObjectId: string, channelId: string) =>
      post({
        ...base(aadObjectId, channelId),
        conversation: { id: channelId, conversationType: 'channel', isGroup: true, tenantId: 'tenant-1' },
        type: 'conversationUpdate',
        membersAdded: [{ id: '28:outreach-bot' }],
        channelData: { channel: { id: channelId }, team: { id: channelId }, eventType: 'teamMemberAdded' },
      }),
    /** A message to the bot in a channel thread. */
    sayInChannel: (aadObjectId: string, channelId: string, text: string) =>
      post({
        ...base(aadObjectId, `${channelId};messageid=1700000000000`),
        conversation: { id: `${channelId};messageid=1700000000000`, conversationType: 'channel', isGroup: true, tenantId: 'tenant-1' },
        type: 'message',
        text,
        channelData: { channel: { id: channelId }, team: { id: channelId } },
      }),
    /** Stops the app (as a process would stop), leaving Teams (the connector) as it is. */
    async stopApp() {
      if (appStopped) return;
      appStopped = true;
      await bot.drain();
      await new Promise<void>((r) => server.close(() => r()));
    },
    async close() {
      await this.stopApp();
      if (ownsConnector) await connector.close();
    },
  };
}

/** The card an invoke answered with (Universal Actions response body). */
export function invokeCard(body: unknown): AdaptiveCardJson {
  const b = body as { statusCode?: number; type?: string; value?: AdaptiveCardJson };
  if (b.type !== 'application/vnd.microsoft.card.adaptive' || !b.value) throw new Error(`not a card response: ${JSON.stringify(body)}`);
  return b.value;
}

/** The Adaptive Card in an outgoing activity. */
export function cardOf(outgoing: Outgoing | undefined): AdaptiveCardJson {
  const card = outgoing?.activity.attachments?.find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')?.content;
  if (!card) throw new Error(`no card in ${JSON.stringify(outgoing)}`);
  return card;
}
