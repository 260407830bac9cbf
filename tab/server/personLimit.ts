import type { RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import type { ApiError } from '../contract/api';
import type { Staff } from '../../workflow';
import type { TabLog } from './tabLog';

/**
 * Requests a minute from one member of staff (after `signedIn`, keyed on their Entra id), as the
 * bot limits a person's activities. Over the limit: 429 with Retry-After, in words.
 */
export function tabPersonLimit(perMinute: number, log: TabLog): RequestHandler {
  return rateLimit({
    windowMs: 60_000,
    limit: perMinute,
    identifier: 'tab-per-person',
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    // Keyed on the person, not an address: the warning about an X-Forwarded-For header (a proxy in front) would be noise.
    validate: { xForwardedForHeader: false },
    keyGenerator: (_req, res) => `person:${(res.locals.staff as Staff | undefined)?.userId.toLowerCase() ?? 'nobody'}`,
    handler: (_req, res) => {
      const given = Number(res.getHeader('Retry-After'));
      const seconds = Number.isInteger(given) && given > 0 ? given : 60;
      log.warn({ retryAfterSeconds: seconds }, 'a person went over the tab\'s rate limit');
      const body: ApiError = { error: `Too many requests from you: wait ${seconds} seconds and try again.`, code: 'TooManyRequests' };
      res.status(429).json(body);
    },
  });
}
