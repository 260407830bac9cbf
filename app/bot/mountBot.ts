import { activityZodSchema } from '@microsoft/agents-activity';
import { authorizeJWT, type CloudAdapter, type Request as AgentsRequest } from '@microsoft/agents-hosting';
import express, { type RequestHandler, type Router } from 'express';
import { z } from 'zod';
import { BackgroundWork } from '../../bot/backgroundWork';
import type { BotDeps } from '../../bot/botDeps';
import type { BotLog } from '../../bot/botLog';
import { handleTurn } from '../../bot/outreachBot';
import { EntraObjectId, type CaseLocks, type WorkflowDeps } from '../../workflow';
import { redrawCardCopies } from '../../bot/cardCopies';
import { defaultRateLimits, type RateLimits } from '../config';
import type { AppLogger } from '../logger';
import type { BotAdapter, BotAuth } from './botAdapter';
import { inMemoryCaseLocks } from './caseLocks';
import { personLimit } from './personLimit';

/** Teams retries an invoke after about 5 s: answer with an interim card well before. */
export const interimCardAfterMs = 3000;


export interface MountedBot {
  path: string;
  router: Router;
  health: { endpoint: string; auth: BotAuth['mode'] };
  /** Waits for card updates still being finished in the background. */
  drain(): Promise<void>;
  /** Redraws, in the background, the copies in chat of cards showing these subjects (after a change made elsewhere: the tab). */
  redrawCardCopies(changed: readonly string[]): void;
}

/**
 * The least an activity needs before the SDK sees it, and the caller's id in the shape Entra
 * gives it: anything else is a 400 naming the fields.
 */
const ActivityEnvelope = z
  .object({
    type: z.string().min(1),
    channelId: z.string().min(1),
    serviceUrl: z.string().min(1),
    conversation: z.object({ id: z.string().min(1) }).loose(),
    from: z.object({ aadObjectId: EntraObjectId.optional() }).loose().optional(),
  })
  .loose();

/**
 * Checks the activity as the SDK will (its own schema), so that a client's mistake answers 400
 * with the fields to fix instead of throwing inside the adapter (a 500 and a stack trace).
 * Logged as a warning with the field names only: an activity may carry a child's name.
 */
const activityEnvelope =
  (log: BotLog): RequestHandler =>
  (req, res, next) => {
    const ours = ActivityEnvelope.safeParse(req.body);
    const sdks = ours.success ? activityZodSchema.safeParse(req.body) : undefined;
    const issues = ours.success ? (sdks?.success === false ? sdks.error.issues : []) : ours.error.issues;
    if (issues.length === 0) return next();
    const fields = [...new Set(issues.map((i) => i.path.join('.') || 'body'))];
    log.warn({ fields }, 'activity refused');
    res.status(400).json({ error: `not a Bot Framework activity: check ${fields.join(', ')}` });
  };

const anonymousCaller: RequestHandler = (req, _res, next) => {
  (req as unknown as AgentsRequest).user = { name: 'anonymous' };
  next();
};

/** The bot on the app's express server at /api/messages (Microsoft 365 Agents SDK CloudAdapter). */
export function mountBot(workflow: WorkflowDeps, bot: BotAdapter, logger: AppLogger, options: { interimAfterMs?: number; rateLimits?: Pick<RateLimits, 'perPersonPerMinute'>; caseLocks?: CaseLocks } = {}): MountedBot {
  const { adapter, auth, authConfig } = bot;
  const log = logger.child({ component: 'bot' });
  adapter.onTurnError = async (context, error) => {
    log.error({ activity: context.activity.type, error: error instanceof Error ? error.name : typeof error }, 'bot turn failed');
    if (context.activity.type === 'message') await context.sendActivity('Sorry, something went wrong on our side. Nothing you sent was lost: try again in a moment.');
  };
  const botLog: BotLog = {
    info: (fields, message) => log.info(fields, message),
    warn: (fields, message) => log.warn(fields, message),
    error: (fields, message) => log.error(fields, message),
  };
  const background = new BackgroundWork(botLog);
  const deps: BotDeps = {
    workflow,
    log: botLog,
    interimAfterMs: options.interimAfterMs ?? interimCardAfterMs,
    background,
    caseLocks: options.caseLocks ?? inMemoryCaseLocks(),
    continueConversation: bot.continueConversation,
  };
  const router = express.Router();
  router.use(express.json({ limit: '1mb' }));
  const perPerson = personLimit((options.rateLimits ?? defaultRateLimits).perPersonPerMinute, adapter, log);
  router.post('/', auth.mode === 'tenant' ? (authorizeJWT(authConfig) as unknown as RequestHandler) : anonymousCaller, activityEnvelope(botLog), perPerson, async (req, res) => {
    await adapter.process(req as unknown as AgentsRequest, res as unknown as Parameters<CloudAdapter['process']>[1], (context) => handleTurn(deps, context));
  });
  return {
    path: '/api/messages',
    router,
    health: { endpoint: '/api/messages', auth: auth.mode },
    drain: () => background.drain(),
    redrawCardCopies: (changed) => background.run('redraw card copies', () => redrawCardCopies(deps, changed)),
  };
}
