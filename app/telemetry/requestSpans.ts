import { context, SpanKind, SpanStatusCode, trace, type Span, type Tracer } from '@opentelemetry/api';
import type { Request, RequestHandler } from 'express';
import { pathTemplate } from '../../graph/client/pathTemplate';
import { appRouteLiterals } from './routeLiterals';

const methods: ReadonlySet<string> = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);
const identifier = /^[A-Za-z_$][A-Za-z0-9_$.]{0,127}$/;
const errorCode = /^[A-Za-z][A-Za-z0-9_.-]{0,63}$/;

/**
 * The route template of a request: the path matched by the route that answered (`/cases/:caseId`),
 * behind the literal words of where its router is mounted. Without a matched route (a router used as a
 * handler, a 404) the path itself, every segment that is not a known word replaced by `:id`.
 */
export function routeTemplate(req: Pick<Request, 'originalUrl'> & { route?: unknown }): string {
  const segments = (req.originalUrl.split(/[?#]/, 1)[0] ?? '').split('/');
  while (segments.length > 1 && segments.at(-1) === '') segments.pop();
  const routePath = typeof req.route === 'object' && req.route !== null ? (req.route as { path?: unknown }).path : undefined;
  // Only plain routes: optional parts ({/:x}) and wildcards do not line up segment by segment.
  if (typeof routePath === 'string' && !/[{}*()?+]/.test(routePath)) {
    const tail = routePath.split('/').filter((s) => s !== '');
    if (tail.length > 0 && tail.length < segments.length) segments.splice(segments.length - tail.length, tail.length, ...tail);
  }
  return pathTemplate(segments.join('/') || '/', appRouteLiterals);
}

/** The type and the named code of an error, never its message (which may quote what a person typed). */
export function describeFailure(error: unknown): { type: string; code?: string } {
  // GraphError keeps the name 'Error': its class says more.
  const names = error instanceof Error ? [error.name === 'Error' ? error.constructor.name : error.name, error.name] : [];
  const type = names.find((n) => identifier.test(n)) ?? 'Error';
  const raw = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  const code = typeof raw === 'string' && errorCode.test(raw) ? raw : typeof raw === 'number' ? String(raw) : undefined;
  return code ? { type, code } : { type };
}

function recordFailure(span: Span, error: unknown): void {
  const { type, code } = describeFailure(error);
  span.addEvent('exception', { 'exception.type': type, 'exception.message': code ?? type, ...(code ? { 'error.code': code } : {}) });
}

/**
 * One server span per HTTP request, named `METHOD /route/:template`, with its status. Active while the
 * request is handled, so Graph calls made for it are its dependencies. An error the app's error
 * handler answered with a 500 (res.locals.failure, app/server.ts) becomes an exception: type and code only.
 */
export function requestSpans(tracer: Tracer): RequestHandler {
  return (req, res, next) => {
    const method = methods.has(req.method) ? req.method : '_OTHER';
    const span = tracer.startSpan(method, { kind: SpanKind.SERVER, attributes: { 'http.request.method': method } });
    let ended = false;
    const end = () => {
      if (ended) return;
      ended = true;
      const template = routeTemplate(req);
      span.updateName(`${method} ${template}`);
      span.setAttributes({ 'http.route': template, 'http.response.status_code': res.statusCode });
      const failure: unknown = res.locals.failure;
      if (failure !== undefined && res.statusCode >= 500) recordFailure(span, failure);
      if (res.statusCode >= 500 || !res.writableFinished) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    };
    res.once('finish', end);
    res.once('close', end);
    context.with(trace.setSpan(context.active(), span), next);
  };
}
