import express, { type Express } from 'express';
import { timingSafeEqual } from 'node:crypto';
import { randomUUID } from 'node:crypto';
import type { GraphMetadataChecker } from './csdl/types';
import { adminRouter } from './controls/adminRoutes';
import type { SettableClock } from './controls/clock';
import type { FaultInjector } from './controls/faults';
import { DriveLinks } from './controls/driveLinks';
import { Fidelity } from './controls/fidelity';
import { ResourceUnitMeter } from './controls/resourceUnits';
import { RequestLog } from './controls/requestLog';
import { serveBatch } from './http/batch';
import { GraphError, graphErrorBody } from './http/graphError';
import type { GraphResponse } from './http/graphRequest';
import { GraphService } from './http/graphService';
import { silentLogger, type EmulatorLogger } from './http/logger';
import { toGraphRequest } from './http/toGraphRequest';
import { allRoutes } from './routes/allRoutes';
import { downloadRouter } from './routes/downloads';
import { uploadRouter } from './routes/uploads';
import type { EmulatorStore } from './store/emulatorStore';

export interface EmulatorAppDeps {
  store: EmulatorStore;
  checker: GraphMetadataChecker;
  clock: SettableClock;
  faults: FaultInjector;
  log?: EmulatorLogger;
  requests?: RequestLog;
  fidelity?: Fidelity;
  /** The bearer token every request must carry. */
  token: string;
  /** Largest request body (uploads included). */
  maxBodyBytes?: number;
  /** Download links and drive items' webUrl (`filesWebBase`); made here when absent. */
  links?: DriveLinks;
}

const graphJsonType = 'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';

const tokenMatches = (header: string | undefined, token: string): boolean => {
  const m = /^Bearer\s+(.+)$/i.exec(header ?? '');
  if (!m) return false;
  const given = Buffer.from(m[1] as string);
  const wanted = Buffer.from(token);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
};

const send = (res: express.Response, answer: GraphResponse): void => {
  res.status(answer.status);
  for (const [k, v] of Object.entries(answer.headers ?? {})) res.setHeader(k, v);
  if (answer.body === undefined) { res.end(); return; }
  if (Buffer.isBuffer(answer.body)) { res.end(answer.body); return; }
  res.setHeader('content-type', graphJsonType);
  res.end(JSON.stringify(answer.body));
};

const errorAnswer = (status: number, code: string, message: string, at: Date, headers: Record<string, string> = {}): GraphResponse => {
  const requestId = randomUUID();
  return { status, headers: { ...headers, 'request-id': requestId, 'client-request-id': requestId }, body: graphErrorBody(code, message, { requestId, clientRequestId: requestId }, at) };
};

/** The emulator's HTTP layer: Graph under `/v1.0`, controls under `/_emulator`, one bearer token for both. */
export const createEmulatorApp = (deps: EmulatorAppDeps): Express => {
  const requests = deps.requests ?? new RequestLog();
  const logger = deps.log ?? silentLogger;
  const fidelity = deps.fidelity ?? new Fidelity();
  const meter = new ResourceUnitMeter();
  const links = deps.links ?? new DriveLinks();
  const service = new GraphService({ store: deps.store, checker: deps.checker, clock: deps.clock, faults: deps.faults, requests, fidelity, meter, logger, routes: allRoutes, links });
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use(express.raw({ type: () => true, limit: deps.maxBodyBytes ?? 10 * 1024 * 1024 }));
  // Pre-authenticated download URLs: the token in the URL is the authorisation, no bearer token (as SharePoint's).
  app.use(downloadRouter({ links, clock: deps.clock, logger, errorAnswer: (status, code, message) => errorAnswer(status, code, message, deps.clock.now()), send }));
  // Upload sessions' URLs: pre-authenticated the same way (Graph asks that no Authorization header is sent to them).
  app.use(uploadRouter({ store: deps.store, links, clock: deps.clock, requests, faults: deps.faults, errorAnswer: (status, code, message) => errorAnswer(status, code, message, deps.clock.now()), send }));

  app.use((req, res, next) => {
    if (tokenMatches(req.headers.authorization, deps.token)) { next(); return; }
    const message = req.headers.authorization ? 'Access token validation failure. Invalid audience.' : 'Access token is empty.';
    send(res, errorAnswer(401, 'InvalidAuthenticationToken', message, deps.clock.now()));
  });

  app.use('/_emulator', adminRouter({ store: deps.store, clock: deps.clock, faults: deps.faults, requests, fidelity, meter, links }));

  app.use('/v1.0', async (req, res) => {
    const latency = deps.faults.latencyMs();
    if (latency > 0) await new Promise((r) => setTimeout(r, latency));
    const baseUrl = `${req.protocol}://${req.get('host') ?? 'localhost'}/v1.0`;
    const headers = Object.fromEntries(Object.entries(req.headers).flatMap(([k, v]) => (typeof v === 'string' ? [[k, v]] : Array.isArray(v) ? [[k, v.join(', ')]] : [])));
    const relativeUrl = req.originalUrl.slice(req.originalUrl.indexOf('/v1.0') + '/v1.0'.length) || '/';
    try {
      const graphReq = toGraphRequest(req.method, relativeUrl, headers, Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0));
      if (graphReq.path === '/$batch' && graphReq.method === 'POST') {
        const refused = service.refuseBatchWhileThrottled(graphReq);
        if (refused) {
          send(res, refused);
          return;
        }
        const started = performance.now();
        const answer = serveBatch(service, graphReq.body, baseUrl, { shuffle: fidelity.current().shuffleBatch, seed: fidelity.current().batchSeed });
        service.recordBatchEnvelope(graphReq, answer.status, performance.now() - started);
        send(res, answer);
        return;
      }
      send(res, service.serve(graphReq, { baseUrl }));
    } catch (e) {
      if (!(e instanceof GraphError)) {
        logger.error({ err: e }, 'emulator request failed');
        send(res, errorAnswer(500, 'generalException', 'General exception while processing.', deps.clock.now()));
        return;
      }
      send(res, errorAnswer(e.status, e.code, e.message, deps.clock.now(), e.headers));
    }
  });

  app.use((req, res) => {
    send(res, errorAnswer(400, 'BadRequest', `Invalid version: the emulator serves /v1.0 only (got ${req.path}).`, deps.clock.now()));
  });

  // express's own errors (body too large, unreadable body) in Graph's shape.
  app.use((err: { status?: number; type?: string; message?: string }, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    const status = typeof err.status === 'number' ? err.status : 500;
    const code = status === 413 ? 'RequestEntityTooLarge' : status < 500 ? 'BadRequest' : 'generalException';
    send(res, errorAnswer(status, code, err.message ?? 'The request could not be read.', deps.clock.now()));
  });
  return app;
};
