import { AzureMonitorTraceExporter } from '@azure/monitor-opentelemetry-exporter';
import { context, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';
import type { RequestHandler } from 'express';
import { managedIdentityCredential } from './managedIdentityCredential';
import { httpTracerName, OwnSpansOnly } from './ownSpansOnly';
import { requestSpans } from './requestSpans';
import { scrubbingPolicyConfig } from './scrubbingPolicy';

export interface TelemetrySettings {
  /** APPLICATIONINSIGHTS_CONNECTION_STRING. */
  connectionString: string;
  /** The user-assigned managed identity the exporter signs in to ingestion as (Entra); absent: no credential. */
  managedIdentityClientId?: string;
}

export interface Telemetry {
  /** The app's first middleware: a request span per request (app/server.ts). */
  requests: RequestHandler;
  /** Sends what is buffered, then stops (at shutdown). */
  stop(): Promise<void>;
}

/** A loopback ingestion endpoint (a test's): the only place telemetry without a credential may go. */
export const ingestionIsLoopback = (connectionString: string): boolean => {
  const endpoint = /(?:^|;)\s*IngestionEndpoint=([^;]+)/i.exec(connectionString)?.[1];
  if (!endpoint) return false;
  try {
    return ['127.0.0.1', '[::1]', 'localhost'].includes(new URL(endpoint).hostname);
  } catch {
    return false;
  }
};

/**
 * Application Insights through the Azure Monitor OpenTelemetry exporter and the app's own spans only
 * (no auto-instrumentation: it would record URLs with their queries). Requests (app/telemetry/requestSpans.ts),
 * Graph calls (graph/client/graphCallSpans.ts) and the errors answered with a 500 are sent; every
 * envelope is scrubbed on its way out (scrubEnvelope.ts). Call once, before Graph is connected.
 * Without a managed identity it sends nothing (warns), unless the endpoint is on this machine (a test's).
 */
export function startTelemetry(settings: TelemetrySettings, version: string, warn: (message: string) => void): Telemetry | undefined {
  if (!settings.managedIdentityClientId && !ingestionIsLoopback(settings.connectionString)) {
    warn('telemetry is off: APPLICATIONINSIGHTS_CONNECTION_STRING is set but there is no managed identity to send it as (Application Insights takes Entra-authenticated telemetry only)');
    return undefined;
  }
  // The exporter's own health reports (statsbeat) go to Microsoft's endpoint, around the scrubber: off.
  process.env.APPLICATION_INSIGHTS_NO_STATSBEAT = 'true';
  const exporter = new AzureMonitorTraceExporter({
    connectionString: settings.connectionString,
    ...(settings.managedIdentityClientId ? { credential: managedIdentityCredential(settings.managedIdentityClientId) } : {}),
    // Telemetry that could not be sent is dropped, not kept on the App Service disk.
    disableOfflineStorage: true,
    additionalPolicies: [scrubbingPolicyConfig],
  });
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ 'service.name': 'outreach-cases', 'service.version': version }),
    spanProcessors: [new OwnSpansOnly(new BatchSpanProcessor(exporter))],
  });
  const contextManager = new AsyncLocalStorageContextManager().enable();
  context.setGlobalContextManager(contextManager);
  trace.setGlobalTracerProvider(provider);
  return {
    requests: requestSpans(provider.getTracer(httpTracerName)),
    async stop() {
      await provider.shutdown();
      trace.disable();
      context.disable();
    },
  };
}
