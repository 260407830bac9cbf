import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import express, { type ErrorRequestHandler, type Express, type RequestHandler, type Router } from 'express';
import type { AppLogger } from './logger';

/** A router the composition root mounts under a path (bot endpoint, tab API, ...). */
export interface Mount {
  path: string;
  router: Router | RequestHandler;
}

export interface ServerDeps {
  logger: AppLogger;
  version: string;
  /**
   * Extra /healthz entries from the composition root (graph mode and base URL, bot endpoint, tab,
   * local Teams client). Plain data; `status` and `version` always come from the server.
   */
  health?: Readonly<Record<string, unknown>>;
  mounts?: readonly Mount[];
}

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
    if (status === 500) logger.error({ err, requestId: id, method: req.method, path: req.path }, 'request failed');
    if (res.headersSent) return;
    res.status(status).json({ error: STATUS_CODES[status] ?? 'error', requestId: id });
  };

export const createServer = (deps: ServerDeps): Express => {
  const app = express();
  app.disable('x-powered-by');
  app.use(requestId);
  app.get('/healthz', (_req, res) => {
    res.json({ ...deps.health, status: 'ok', version: deps.version });
  });
  for (const mount of deps.mounts ?? []) app.use(mount.path, mount.router);
  app.use((req, res) => {
    res.status(404).json({ error: 'not found', path: req.path });
  });
  app.use(errorHandler(deps.logger));
  return app;
};
