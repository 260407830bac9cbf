import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import express, { type ErrorRequestHandler, type Express, type RequestHandler, type Router } from 'express';
import helmet from 'helmet';
import { defaultRateLimits, type RateLimits } from './config';
import type { DetailsAccess } from './detailsAccess';
import type { AppLogger } from './logger';
import { addressLimit } from './rateLimits';

/** A router the composition root mounts under a path (bot endpoint, tab API, ...). */
export interface Mount {
  path: string;
  router: Router | RequestHandler;
}

export interface ServerDeps {
  logger: AppLogger;
  version: string;
  /**
   * What /healthz/details shows, to this machine only (graph mode and base URL, bot endpoint, local
   * Teams client): read at each request. Absent (tenant mode): there is no /healthz/details.
   */
  details?: Readonly<Record<string, unknown>>;
  /**
   * Tenant mode: /healthz/details from anywhere, to a caller `access` lets in (the Admin app role);
   * `read` gives what it shows at each request (the site check: exactly what is missing).
   */
  tenantDetails?: { access: DetailsAccess; read: () => Readonly<Record<string, unknown>> };
  /** How many things the start-up check found missing: /healthz says "degraded" with the count (still 200: App Service would otherwise replace the instance). */
  missingCount?: () => number;
  /** Each mount is behind the per-address limit (default: the settings' defaults). */
  mounts?: readonly Mount[];
  rateLimits?: Pick<RateLimits, 'perAddressPerMinute'>;
  /** GET /demo/diary (embedded Graph only; this machine only, like /healthz/details). */
  diaryPage?: RequestHandler;
  /** GET and POST /demo/clock: the local run's clock, moved forward (embedded Graph only; this machine only). */
  clockPage?: Router;
  /** GET /demo/files/:driveId/:itemId: a file of the embedded Graph opened (embedded Graph only; this machine only). */
  filesPage?: Router;
  /** GET /demo/mailbox: what the service mailbox sent, attachments included (embedded Graph only; this machine only). */
  mailboxPage?: Router;
  /** Where the Teams tab is served (told on /healthz). */
  tabPath?: string;
  /** First of all middleware: a telemetry span per request (app/telemetry), when telemetry is on. */
  requestTelemetry?: RequestHandler;
}

/** 127.0.0.0/8 and ::1, also as IPv4-mapped IPv6 (a dual-stack socket's view of 127.0.0.1). */
export const isLoopback = (address: string | undefined): boolean =>
  address !== undefined && (address === '::1' || /^(::ffff:)?127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/i.test(address));

/**
 * Every answer may carry case data (an invoke's card, a case list), and the server serves no static
 * assets: nothing is to be kept by a browser or a proxy.
 */
const noStore: RequestHandler = (_req, res, next) => {
  res.setHeader('Cache-Control', 'no-store');
  next();
};

const requestId: RequestHandler = (_req, res, next) => {
  const id = randomUUID();
  res.locals.requestId = id;
  res.setHeader('x-request-id', id);
  next();
};

const statusOf = (err: unknown): number => {
  const status = typeof err === 'object' && err !== null ? (err as { status?: unknown }).status : undefined;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : 500;
};

/** Answers JSON. Logs method, path and request id, never the body or the query (they may hold personal data). */
const errorHandler =
  (logger: AppLogger): ErrorRequestHandler =>
  (err, req, res, _next) => {
    const status = statusOf(err);
    const id = String(res.locals.requestId ?? '');
    res.locals.failure = err; // for the request's telemetry span: its type and code, never its message
    if (status === 500) logger.error({ err, requestId: id, method: req.method, path: req.path }, 'request failed');
    if (res.headersSent) return;
    res.status(status).json({ error: STATUS_CODES[status] ?? 'error', requestId: id });
  };

export const createServer = (deps: ServerDeps): Express => {
  const app = express();
  app.disable('x-powered-by');
  if (deps.requestTelemetry) app.use(deps.requestTelemetry);
  app.use(helmet(), noStore, requestId);
  // Public: only that the app is up, and which version.
  app.get('/healthz', (_req, res) => {
    const missing = deps.missingCount?.() ?? 0;
    res.json({ status: missing > 0 ? 'degraded' : 'ok', ...(missing > 0 ? { missing } : {}), version: deps.version, ...(deps.tabPath ? { tab: deps.tabPath } : {}) });
  });
  const details = deps.details;
  if (details) {
    app.get('/healthz/details', (req, res, next) => {
      if (!isLoopback(req.socket.remoteAddress)) return next(); // as if it did not exist
      res.json({ ...details, status: 'ok', version: deps.version });
    });
  }
  const tenantDetails = deps.tenantDetails;
  if (tenantDetails) {
    app.get('/healthz/details', (req, res, next) => {
      tenantDetails
        .access(req.headers.authorization, isLoopback(req.socket.remoteAddress))
        .then((allowed) => {
          if (!allowed.ok) {
            res.status(allowed.status).json({ error: allowed.message });
            return;
          }
          const missing = deps.missingCount?.() ?? 0;
          res.json({ ...tenantDetails.read(), status: missing > 0 ? 'degraded' : 'ok', version: deps.version });
        })
        .catch(next);
    });
  }
  const diary = deps.diaryPage;
  if (diary) app.get('/demo/diary', (req, res, next) => (isLoopback(req.socket.remoteAddress) ? diary(req, res, next) : next()));
  const clock = deps.clockPage;
  if (clock) app.use('/demo/clock', (req, res, next) => (isLoopback(req.socket.remoteAddress) ? clock(req, res, next) : next()));
  const files = deps.filesPage;
  if (files) app.use('/demo/files', (req, res, next) => (isLoopback(req.socket.remoteAddress) ? files(req, res, next) : next()));
  const mailbox = deps.mailboxPage;
  if (mailbox) app.use('/demo/mailbox', (req, res, next) => (isLoopback(req.socket.remoteAddress) ? mailbox(req, res, next) : next()));
  const mounts = deps.mounts ?? [];
  // Once per request, whichever mounts it passes through.
  if (mounts.length > 0) app.use(mounts.map((m) => m.path), addressLimit((deps.rateLimits ?? defaultRateLimits).perAddressPerMinute, deps.logger));
  for (const mount of mounts) app.use(mount.path, mount.router);
  app.use((req, res) => {
    res.status(404).json({ error: 'not found', path: req.path });
  });
  app.use(errorHandler(deps.logger));
  return app;
};
