import type { CloudAdapter, Request as AgentsRequest } from '@microsoft/agents-hosting';
import type { Request, RequestHandler } from 'express';
import { rateLimit, type AugmentedRequest } from 'express-rate-limit';
import { z } from 'zod';
import { cardContentType } from '../../bot/cards';
import { slowDownCard, slowDownText, type RefusedClick } from '../../bot/slowDown';
import type { AppLogger } from '../logger';
import { limiterBase, retryAfterSeconds, tooManyRequests } from '../rateLimits';

/** Only what the limit needs of an activity (who sent it); anything else about it is someone else's check. */
const LimitedActivity = z.object({ type: z.string(), name: z.unknown().optional(), from: z.object({ aadObjectId: z.string().trim().min(1).max(100) }).loose(), value: z.unknown().optional() }).loose();

const ClickValue = z.object({ action: z.object({ verb: z.string().min(1).max(200), data: z.record(z.string(), z.unknown()).optional() }).loose() }).loose();

const activityOf = (req: Request) => {
  const parsed = LimitedActivity.safeParse(req.body);
  return parsed.success ? parsed.data : undefined;
};

/** The click to offer again, when the invoke carries one that can be read. */
const refusedClick = (value: unknown): RefusedClick | undefined => {
  const parsed = ClickValue.safeParse(value);
  return parsed.success ? { verb: parsed.data.action.verb, data: parsed.data.action.data ?? {} } : undefined;
};

/**
 * Requests a minute from one person (the Entra user an activity names; in tenant mode the
 * activity's Bot Framework token has been checked before this runs). Over the limit:
 * - a card click answers a card saying to wait (Teams shows it in place of the card clicked);
 * - the first message over the limit gets one reply saying to wait, through the connector;
 * - anything else, and further messages, 429 with Retry-After.
 * An activity naming no one is left to the per-address limit.
 */
export function personLimit(perMinute: number, adapter: CloudAdapter, logger: AppLogger): RequestHandler {
  return rateLimit({
    ...limiterBase('per-person', perMinute, logger),
    skip: (req) => activityOf(req) === undefined,
    keyGenerator: (req) => `person:${activityOf(req)?.from.aadObjectId.toLowerCase() ?? ''}`,
    handler: async (req, res) => {
      const activity = activityOf(req);
      const seconds = retryAfterSeconds(res);
      const count = (req as AugmentedRequest).rateLimit;
      const first = count !== undefined && count.used === count.limit + 1;
      if (first) logger.warn({ activity: activity?.type, retryAfterSeconds: seconds }, 'a person went over the rate limit');
      if (activity?.type === 'invoke' && activity.name === 'adaptiveCard/action') {
        res.status(200).json({ statusCode: 200, type: cardContentType, value: slowDownCard(seconds, refusedClick(activity.value)) });
      } else if (activity?.type === 'message' && first) {
        await adapter.process(req as unknown as AgentsRequest, res as unknown as Parameters<CloudAdapter['process']>[1], async (context) => {
          await context.sendActivity(slowDownText(seconds));
        });
      } else {
        tooManyRequests(res, 'from this person');
      }
    },
  });
}
