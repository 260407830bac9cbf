import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import { graphPathLiterals, pathTemplate } from './pathTemplate';

/** The tracer's name: the spans of Graph calls (dependencies in Application Insights). */
export const graphTracerName = 'outreach-cases/graph';

const urlOf = (request: Context['request']): URL | undefined => {
  try {
    return new URL(typeof request === 'string' ? request : request.url);
  } catch {
    return undefined;
  }
};

/**
 * One client span per HTTP call to Graph: method, the path's template (ids replaced, no query, so no
 * $filter value), status and duration. Through the OpenTelemetry API: without a tracer provider
 * registered (telemetry off) it costs next to nothing.
 */
export class GraphCallSpans implements Middleware {
  private next?: Middleware;

  async execute(context: Context): Promise<void> {
    if (!this.next) throw new Error('GraphCallSpans needs a next middleware');
    const url = urlOf(context.request);
    const method = (context.options?.method ?? 'GET').toUpperCase();
    const template = url ? pathTemplate(url.pathname, graphPathLiterals) : '/';
    const span = trace.getTracer(graphTracerName).startSpan(`${method} ${template}`, {
      kind: SpanKind.CLIENT,
      attributes: {
        'http.request.method': method,
        ...(url ? { 'server.address': url.hostname, 'url.full': `${url.protocol}//${url.host}${template}` } : {}),
        ...(url?.port ? { 'server.port': Number(url.port) } : {}),
      },
    });
    try {
      await this.next.execute(context);
      const status = context.response?.status;
      if (status !== undefined) span.setAttribute('http.response.status_code', status);
      if (status === undefined || status >= 400) span.setStatus({ code: SpanStatusCode.ERROR });
    } catch (error) {
      // The error's name only: its message may quote the request.
      span.setAttribute('error.type', error instanceof Error ? error.name : 'unknown');
      span.setStatus({ code: SpanStatusCode.ERROR });
      throw error;
    } finally {
      span.end();
    }
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}
