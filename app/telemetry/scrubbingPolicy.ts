import type { AzureMonitorExporterOptions } from '@azure/monitor-opentelemetry-exporter';
import { scrubEnvelopes } from './scrubEnvelope';

type AdditionalPolicy = NonNullable<AzureMonitorExporterOptions['additionalPolicies']>[number];
type PipelinePolicy = AdditionalPolicy['policy'];

/**
 * A policy of the exporter's HTTP pipeline: the body it is about to send (the envelopes as JSON) is
 * rebuilt by scrubEnvelopes. It runs on the final body, so it sees every envelope and every field,
 * whatever made them. A body of another kind is replaced by an empty batch.
 */
export const scrubbingPolicy: PipelinePolicy = {
  name: 'outreachScrubTelemetry',
  async sendRequest(request, next) {
    request.body = typeof request.body === 'string' ? scrubEnvelopes(request.body) : '[]';
    return next(request);
  },
};

export const scrubbingPolicyConfig: AdditionalPolicy = { policy: scrubbingPolicy, position: 'perCall' };
