import type { RequestHandler, Response } from 'express';
import { rateLimit, type Options } from 'express-rate-limit';
import type { AppLogger } from './logger';

/** Every limit counts requests in a fixed window of one minute (the settings are per minute). */
const windowMs = 60_000;

/** What both limiters share: one-minute window, IETF RateLimit headers (and Retry-After once over), our log. */
export const limiterBase = (name: string, limit: number, logger: AppLogger): Partial<Options> => ({
  windowMs,
  limit,
  identifier: name,
  standardHeaders: 'draft-8',
  legacyHeaders: false,
  logger: {
    error: (err, message) => logger.error({ err, limiter: name }, message ?? 'rate limiter failed'),
    warn: (err, message) => logger.warn({ err, limiter: name }, message ?? 'rate limiter warning'),
  },
});

/** The whole seconds a limited client is told to wait (the Retry-After the limiter set). */
export const retryAfterSeconds = (res: Response): number => {
  const seconds = Number(res.getHeader('Retry-After'));
  return Number.isInteger(seconds) && seconds > 0 ? seconds : Math.ceil(windowMs / 1000);
};

export const tooManyRequests = (res: Response, from: string): void => {
  const seconds = retryAfterSeconds(res);
  res.status(429).json({ error: `too many requests ${from}: wait ${seconds} seconds and try again`, retryAfterSeconds: seconds });
};

/**
 * Requests a minute from one network address (the TCP peer, never X-Forwarded-For: with no proxy
 * in front a client could write any address there). Over the limit: 429 with Retry-After.
 */
export const addressLimit = (perMinute: number, logger: AppLogger): RequestHandler =>
  rateLimit({
    ...limiterBase('per-address', perMinute, logger),
    // Keyed on the peer on purpose (see above): the warning about an X-Forwarded-For header would be noise.
    validate: { xForwardedForHeader: false },
    handler: (_req, res) => tooManyRequests(res, 'from this address'),
  });
