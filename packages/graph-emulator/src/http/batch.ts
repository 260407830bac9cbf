import { z } from 'zod';
import { GraphError } from './graphError';
import { isGraphMethod, type GraphRequest, type GraphResponse } from './graphRequest';
import type { GraphService } from './graphService';
import { toGraphRequest } from './toGraphRequest';
import { seededRandom } from '../controls/seededRandom';

export const maxBatchRequests = 20;

const batchSchema = z.object({
  requests: z.array(z.object({
    id: z.string().min(1),
    method: z.string(),
    url: z.string().min(1),
    headers: z.record(z.string(), z.string()).optional(),
    body: z.unknown().optional(),
    dependsOn: z.array(z.string()).optional(),
  })),
});

export interface BatchResponseEntry {
  id: string;
  status: number;
  headers: Record<string, string>;
  body?: unknown;
}

const failedDependency = (id: string, dependency: string): BatchResponseEntry => ({
  id,
  status: 424,
  headers: { 'content-type': 'application/json' },
  body: { error: { code: 'FailedDependency', message: `The request '${id}' depends on request '${dependency}', which failed.` } },
});

type BatchRequest = z.infer<typeof batchSchema>['requests'][number];

const shuffled = <T>(items: readonly T[], random: () => number): T[] => {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
};

/**
 * The order to run the requests in: each after the requests it depends on, wherever they stand in the
 * array; among the requests that are ready, a seeded random one (Graph promises no order) or, without
 * `random`, the first in the array. A cycle of dependencies is refused.
 */
const runOrder = (requests: readonly BatchRequest[], random: (() => number) | undefined): BatchRequest[] => {
  const pending = [...requests];
  const ran = new Set<string>();
  const order: BatchRequest[] = [];
  while (pending.length > 0) {
    const ready = pending.filter((r) => (r.dependsOn ?? []).every((d) => ran.has(d.toLowerCase())));
    if (ready.length === 0) throw new GraphError(400, 'BadRequest', `The dependsOn of requests ${pending.map((r) => `'${r.id}'`).join(', ')} form a cycle.`);
    const next = (random ? ready[Math.floor(random() * ready.length)] : ready[0]) as BatchRequest;
    pending.splice(pending.indexOf(next), 1);
    ran.add(next.id.toLowerCase());
    order.push(next);
  }
  return order;
};

export interface BatchOptions {
  /** Run ready requests and list the responses in a seeded random order, as Graph may. */
  shuffle: boolean;
  seed: number;
}

/**
 * JSON batching: each sub-request goes through the same service (metadata check, faults, routes). A request
 * runs after the requests it depends on (earlier or later in the array); one whose dependency did not
 * succeed answers 424. Others run, and come back, in any order. Not a transaction.
 */
export const serveBatch = (
  service: GraphService,
  body: unknown,
  baseUrl: string,
  options: BatchOptions = { shuffle: false, seed: 1 },
): GraphResponse => {
  const parsed = batchSchema.safeParse(body);
  if (!parsed.success) throw new GraphError(400, 'BadRequest', `Invalid batch payload: ${parsed.error.issues[0]?.message ?? ''}.`);
  const requests = parsed.data.requests;
  if (requests.length === 0) throw new GraphError(400, 'BadRequest', 'The batch holds no requests.');
  if (requests.length > maxBatchRequests) throw new GraphError(400, 'BadRequest', `Number of requests in the batch exceeds the limit of ${maxBatchRequests}.`);
  const ids = new Set<string>();
  for (const r of requests) {
    if (ids.has(r.id.toLowerCase())) throw new GraphError(400, 'BadRequest', `Batch request ids must be unique: '${r.id}' appears twice.`);
    ids.add(r.id.toLowerCase());
  }
  for (const r of requests) {
    for (const d of r.dependsOn ?? []) {
      if (!ids.has(d.toLowerCase()) || d.toLowerCase() === r.id.toLowerCase()) {
        throw new GraphError(400, 'BadRequest', `Request '${r.id}' depends on '${d}', which is not another request of the batch.`);
      }
    }
    if (!isGraphMethod(r.method.toUpperCase())) throw new GraphError(400, 'BadRequest', `Request '${r.id}': method '${r.method}' is not supported.`);
    if (r.body !== undefined && !Object.keys(r.headers ?? {}).some((h) => h.toLowerCase() === 'content-type')) {
      throw new GraphError(400, 'BadRequest', `Request '${r.id}': a Content-Type header is required when a body is given.`);
    }
    if (/^https?:/i.test(r.url)) throw new GraphError(400, 'BadRequest', `Request '${r.id}': the url must be relative, e.g. /sites/{id}.`);
  }

  const random = options.shuffle ? seededRandom(options.seed) : undefined;
  const done = new Map<string, number>();
  const responses: BatchResponseEntry[] = [];
  for (const r of runOrder(requests, random)) {
    const failed = (r.dependsOn ?? []).find((d) => {
      const status = done.get(d.toLowerCase());
      return status === undefined || status < 200 || status >= 300;
    });
    if (failed !== undefined) {
      responses.push(failedDependency(r.id, failed));
      service.recordNotServed(r.method, r.url, r.id);
      done.set(r.id.toLowerCase(), 424);
      continue;
    }
    const headers = Object.fromEntries(Object.entries(r.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
    let sub: GraphRequest;
    try {
      sub = toGraphRequest(r.method.toUpperCase(), r.url.startsWith('/') ? r.url : `/${r.url}`, headers, r.body);
    } catch (e) {
      if (!(e instanceof GraphError)) throw e;
      responses.push({ id: r.id, status: e.status, headers: {}, body: { error: { code: e.code, message: e.message } } });
      done.set(r.id.toLowerCase(), e.status);
      continue;
    }
    const answer = service.serve(sub, { baseUrl, batchRequestId: r.id });
    done.set(r.id.toLowerCase(), answer.status);
    const isBinary = Buffer.isBuffer(answer.body);
    responses.push({
      id: r.id,
      status: answer.status,
      headers: { ...(answer.body !== undefined ? { 'content-type': isBinary ? answer.headers?.['content-type'] ?? 'application/octet-stream' : 'application/json' } : {}), ...answer.headers },
      ...(answer.body !== undefined ? { body: isBinary ? (answer.body as Buffer).toString('base64') : answer.body } : {}),
    });
  }
  return { status: 200, body: { responses: random ? shuffled(responses, random) : responses } };
};
