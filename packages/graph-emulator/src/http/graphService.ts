import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { EmulatorClock } from '../controls/clock';
import type { DriveLinks } from '../controls/driveLinks';
import type { GraphMetadataChecker } from '../csdl/types';
import type { FaultInjector, InjectedFault } from '../controls/faults';
import type { Fidelity } from '../controls/fidelity';
import type { RequestLog, RequestLogEntry } from '../controls/requestLog';
import { resourceUnitsOf, type ResourceUnitMeter } from '../controls/resourceUnits';
import { parseQueryOptions } from '../query/queryOptions';
import type { EmulatorStore } from '../store/emulatorStore';
import { GraphError, graphErrorBody } from './graphError';
import { isWrite, type GraphRequest, type GraphResponse } from './graphRequest';
import type { EmulatorLogger } from './logger';
import { normalizePath } from './normalizePath';
import type { Route } from './route';
import { matchRoute } from './router';

export interface GraphServiceDeps {
  store: EmulatorStore;
  checker: GraphMetadataChecker;
  clock: EmulatorClock;
  faults: FaultInjector;
  requests: RequestLog;
  fidelity: Fidelity;
  meter: ResourceUnitMeter;
  logger: EmulatorLogger;
  routes: readonly Route[];
  links: DriveLinks;
}

export interface ServeOptions {
  baseUrl: string;
  /** Set when serving a sub-request of a `$batch`. */
  batchRequestId?: string;
}

/**
 * Serves one Graph request (top-level or inside a batch): faults, the metadata check, the route, then the
 * fail-after-commit fault; every answer is logged and carries Graph's request-id headers.
 */
export class GraphService {
  constructor(private readonly deps: GraphServiceDeps) {}

  serve(req: GraphRequest, options: ServeOptions): GraphResponse {
    const started = performance.now();
    const requestId = randomUUID();
    const clientRequestId = req.headers['client-request-id'] ?? requestId;
    let fault: RequestLogEntry['fault'];
    let response: GraphResponse;
    const resourceUnits = resourceUnitsOf(req);
    try {
      const throttled = this.deps.faults.sustainedThrottle();
      const overBudget = throttled ? undefined : this.overBudget(resourceUnits);
      const injected = throttled || overBudget ? undefined : this.deps.faults.beforeServing();
      if (throttled) {
        fault = 'throttled';
        response = this.faultResponse(throttled, requestId, clientRequestId);
      } else if (overBudget) {
        fault = 'overBudget';
        response = this.faultResponse(overBudget, requestId, clientRequestId);
      } else if (injected) {
        fault = 'injected';
        response = this.faultResponse(injected, requestId, clientRequestId);
      } else {
        response = this.dispatch(req, options.baseUrl);
        const committedWrite = isWrite(req.method) && response.status >= 200 && response.status < 300;
        const afterCommit = committedWrite ? this.deps.faults.afterCommit() : undefined;
        if (afterCommit) {
          fault = 'afterCommit';
          response = this.faultResponse(afterCommit, requestId, clientRequestId);
        }
      }
    } catch (e) {
      response = this.errorResponse(e, req, requestId, clientRequestId);
    }
    response = { ...response, headers: { ...response.headers, 'request-id': requestId, 'client-request-id': clientRequestId } };
    this.deps.requests.record({
      at: this.deps.clock.now().toISOString(),
      method: req.method,
      path: req.path,
      status: response.status,
      durationMs: Math.round((performance.now() - started) * 100) / 100,
      ...(options.batchRequestId !== undefined ? { batchRequestId: options.batchRequestId } : {}),
      ...(fault ? { fault } : {}),
      resourceUnits,
    });
    return response;
  }

  /** A `$batch` part not served because a request it depends on failed: answered 424, costing nothing. */
  recordNotServed(method: string, url: string, batchRequestId: string): void {
    const path = url.split('?')[0] ?? url;
    this.deps.requests.record({ at: this.deps.clock.now().toISOString(), method: method.toUpperCase(), path, status: 424, durationMs: 0, batchRequestId, resourceUnits: 0 });
  }

  /** The `$batch` envelope itself: one round trip costing no resource units (its requests are logged one by one). */
  recordBatchEnvelope(req: GraphRequest, status: number, durationMs: number): void {
    this.deps.requests.record({ at: this.deps.clock.now().toISOString(), method: req.method, path: req.path, status, durationMs: Math.round(durationMs * 100) / 100, resourceUnits: 0 });
  }

  /**
   * The `$batch` envelope under sustained throttling: SharePoint refuses the whole batch with 429 rather
   * than answering each request. Undefined when not throttled (then the requests are served one by one).
   */
  refuseBatchWhileThrottled(req: GraphRequest): GraphResponse | undefined {
    const throttled = this.deps.faults.sustainedThrottle();
    if (!throttled) return undefined;
    const requestId = randomUUID();
    const response = this.faultResponse(throttled, requestId, req.headers['client-request-id'] ?? requestId);
    this.deps.requests.record({ at: this.deps.clock.now().toISOString(), method: req.method, path: req.path, status: 429, durationMs: 0, fault: 'throttled', resourceUnits: 0 });
    return { ...response, headers: { ...response.headers, 'request-id': requestId, 'client-request-id': req.headers['client-request-id'] ?? requestId } };
  }

  private overBudget(resourceUnits: number): InjectedFault | undefined {
    const over = this.deps.meter.charge(resourceUnits, this.deps.fidelity.current().resourceUnitsPerMinute);
    return over && {
      status: 429,
      code: 'TooManyRequests',
      message: 'The request has been throttled: the application is over its resource-unit budget for this minute.',
      retryAfterSeconds: over.retryAfterSeconds,
    };
  }

  private dispatch(req: GraphRequest, baseUrl: string): GraphResponse {
    const checked = this.deps.checker.check({ method: req.method, path: req.path, body: Buffer.isBuffer(req.body) ? undefined : req.body });
    if (!checked.ok) throw new GraphError(checked.status, checked.code, checked.message);
    const canonical = normalizePath(req.path, this.deps.store);
    const match = matchRoute(this.deps.routes, req.method, canonical);
    if (!match) throw new GraphError(501, 'notImplemented', `The Graph emulator does not implement ${req.method} ${req.path}.`);
    if ('methodNotAllowed' in match) throw new GraphError(405, 'BadRequest', `The Graph emulator does not support ${req.method} on ${req.path}.`);
    const options = parseQueryOptions(req.query, match.route.query, /^\/(sites|drives)(\/|$)/i.test(canonical));
    return match.route.handle({ req, params: match.params, options, store: this.deps.store, clock: this.deps.clock, baseUrl, fidelity: this.deps.fidelity.current(), links: this.deps.links });
  }

  private faultResponse(f: InjectedFault, requestId: string, clientRequestId: string): GraphResponse {
    return {
      status: f.status,
      headers: { 'retry-after': String(f.retryAfterSeconds) },
      body: graphErrorBody(f.code, f.message, { requestId, clientRequestId }, this.deps.clock.now()),
    };
  }

  private errorResponse(e: unknown, req: GraphRequest, requestId: string, clientRequestId: string): GraphResponse {
    if (e instanceof GraphError) {
      return { status: e.status, headers: e.headers, body: graphErrorBody(e.code, e.message, { requestId, clientRequestId }, this.deps.clock.now()) };
    }
    this.deps.logger.error({ err: e, method: req.method, path: req.path }, 'emulator handler failed');
    return {
      status: 500,
      body: graphErrorBody('generalException', 'General exception while processing.', { requestId, clientRequestId }, this.deps.clock.now()),
    };
  }
}
