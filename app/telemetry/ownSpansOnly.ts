import type { Context } from '@opentelemetry/api';
import type { ReadableSpan, Span, SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { graphTracerName } from '../../graph/client/graphCallSpans';

/** The tracer of request spans (requestSpans.ts). */
export const httpTracerName = 'outreach-cases/http';

/** The tracers whose spans are exported: the app's requests and its Graph calls. */
export const ownTracers: ReadonlySet<string> = new Set([httpTracerName, graphTracerName]);

/**
 * Passes on only the app's own spans. Libraries that trace through the global OpenTelemetry API (the
 * Agents SDK does) start recording once a provider is registered; what they put in their spans is not
 * ours to vouch for, so it is not sent at all (the scrubber would strip it anyway).
 */
export class OwnSpansOnly implements SpanProcessor {
  constructor(private readonly inner: SpanProcessor) {}

  onStart(span: Span, parentContext: Context): void {
    if (ownTracers.has(span.instrumentationScope.name)) this.inner.onStart(span, parentContext);
  }

  onEnd(span: ReadableSpan): void {
    if (ownTracers.has(span.instrumentationScope.name)) this.inner.onEnd(span);
  }

  forceFlush(): Promise<void> {
    return this.inner.forceFlush();
  }

  shutdown(): Promise<void> {
    return this.inner.shutdown();
  }
}
