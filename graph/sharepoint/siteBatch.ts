import type { Client } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';

const BatchPartSchema = z.object({ id: z.string(), status: z.number(), headers: z.record(z.string(), z.string()).optional(), body: z.unknown().optional() });
const BatchResponse = z.object({ responses: z.array(BatchPartSchema) });
export type BatchPart = z.infer<typeof BatchPartSchema>;
export type BatchRequest = { id: string; method: 'GET' | 'POST' | 'PATCH'; url: string; headers?: Record<string, string>; body?: unknown };
/** Waits this long (milliseconds); tests pass one that records instead of sleeping. */
export type Wait = (ms: number) => Promise<void>;
export const sleep: Wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const transientStatuses = new Set([429, 503, 504]);
const BATCH_ATTEMPTS = 6;
const MAX_RETRY_AFTER_SECONDS = 120;
/** Graph takes at most 20 requests in one `$batch`. */
export const BATCH_LIMIT = 20;

/**
 * Sends one $batch and answers each part's last response. A part throttled on its own (429, or
 * 503/504) is sent again after its Retry-After, up to BATCH_ATTEMPTS times; the rest is not.
 */
export async function runBatch(client: Client, requests: BatchRequest[], wait: Wait): Promise<Map<string, BatchPart>> {
  const answers = new Map<string, BatchPart>();
  let pending = requests;
  for (let attempt = 1; ; attempt += 1) {
    const batch = BatchResponse.parse(await client.api('/$batch').post({ requests: pending }));
    for (const r of batch.responses) answers.set(r.id, r);
    const throttled = batch.responses.filter((r) => transientStatuses.has(r.status));
    if (!throttled.length || attempt >= BATCH_ATTEMPTS) return answers;
    await wait(Math.max(...throttled.map(retryAfterMs)));
    const again = new Set(throttled.map((r) => r.id));
    pending = pending.filter((p) => again.has(p.id));
  }
}

/** Any number of requests, BATCH_LIMIT to a `$batch`, the answers together. */
export async function runBatches(client: Client, requests: BatchRequest[], wait: Wait): Promise<Map<string, BatchPart>> {
  const answers = new Map<string, BatchPart>();
  for (let i = 0; i < requests.length; i += BATCH_LIMIT) for (const [id, part] of await runBatch(client, requests.slice(i, i + BATCH_LIMIT), wait)) answers.set(id, part);
  return answers;
}

/** Retry-After in seconds (Graph sends seconds), or a second when absent. */
function retryAfterMs(response: BatchPart): number {
  const header = Object.entries(response.headers ?? {}).find(([name]) => name.toLowerCase() === 'retry-after')?.[1];
  const seconds = Number(header);
  return (Number.isFinite(seconds) && seconds >= 0 ? Math.min(seconds, MAX_RETRY_AFTER_SECONDS) : 1) * 1000;
}
