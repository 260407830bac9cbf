import type { Context, FetchOptions, Middleware, MiddlewareOptions } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';
import type { WriteOrder } from '../../workflow';
import { currentWriteOrder } from './writeOrder';

/** Graph accepts at most 20 requests in one $batch. */
export const MAX_BATCH_PARTS = 20;

/** Headers a $batch part carries; the rest (token, user agent, telemetry) travel on the outer request. */
const PART_HEADERS = new Set(['if-match', 'if-none-match', 'content-type', 'prefer', 'consistencylevel']);

const BatchAnswer = z.object({
  responses: z.array(
    z.object({
      id: z.string(),
      status: z.number().int(),
      headers: z.record(z.string(), z.string()).optional(),
      body: z.unknown().optional(),
    }),
  ),
});

interface WaitingRequest {
  context: Context;
  order: WriteOrder | undefined;
  settle: (error?: unknown) => void;
  part: BatchPart;
}

interface BatchPart {
  id: string;
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: unknown;
  dependsOn?: string[];
}

/** A request option: this request goes on its own, never in a `$batch` (a file's bytes, a redirect to follow by hand). */
export class NotBatched implements MiddlewareOptions {}

/**
 * Sends the Graph requests that start together (in the same turn of the event loop) as one JSON
 * `$batch`, and hands each request its own part of the answer, so every caller sees its own
 * status and headers: the retry handler above retries a part throttled with 429/503 after its
 * Retry-After, and a 412 reaches the store that sent the If-Match. A request alone goes as it is.
 * Writes started by a unit of work carry their order (see writeOrder.ts), which becomes `dependsOn`.
 */
export class BatchingHandler implements Middleware {
  private next?: Middleware;
  /** Requests waiting for this turn's batch (per client: each client has its own handler). */
  private waiting: WaitingRequest[] = [];

  constructor(private readonly baseUrl: URL) {}

  setNext(next: Middleware): void {
    this.next = next;
  }

  execute(context: Context): Promise<void> {
    const part = this.partOf(context);
    if (!part) return this.pass(context);
    return new Promise<void>((resolve, reject) => {
      if (this.waiting.length === 0) setImmediate(() => void this.flush());
      this.waiting.push({ context, part, order: currentWriteOrder(), settle: (error) => (error === undefined ? resolve() : reject(error)) });
    });
  }

  private pass(context: Context): Promise<void> {
    if (!this.next) throw new Error('BatchingHandler needs a next middleware');
    return this.next.execute(context);
  }

  private async flush(): Promise<void> {
    const gathered = this.waiting;
    this.waiting = [];
    // A write whose prerequisite failed before it was sent (refused by the adapter) is not sent at all.
    const taken = gathered.filter((w) => {
      if (!w.order?.prerequisiteFailed?.()) return true;
      w.context.response = notServed();
      w.settle();
      return false;
    });
    if (taken.length === 0) return;
    const lone = taken.length === 1 ? taken[0] : undefined;
    if (lone) {
      await this.pass(lone.context).then(() => lone.settle(), (error: unknown) => lone.settle(error));
      return;
    }
    await Promise.all(chunksOf(taken).map((chunk) => this.send(chunk)));
  }

  private async send(chunk: WaitingRequest[]): Promise<void> {
    chunk.forEach((w, i) => (w.part.id = String(i + 1)));
    for (const w of chunk) {
      const after = w.order?.after ?? [];
      const prerequisites = chunk.filter((other) => other !== w && other.order?.unit === w.order?.unit && after.includes(other.order?.name ?? ''));
      if (prerequisites.length > 0) w.part.dependsOn = prerequisites.map((p) => p.part.id);
      else delete w.part.dependsOn;
    }
    const first = chunk[0] as WaitingRequest;
    const outer: Context = {
      request: new URL('v1.0/$batch', this.baseUrl).toString(),
      options: {
        ...first.context.options,
        method: 'POST',
        headers: { ...outerHeaders(first.context.options), 'Content-Type': 'application/json' },
        body: JSON.stringify({ requests: chunk.map((w) => w.part) }),
      },
      ...(first.context.customHosts ? { customHosts: first.context.customHosts } : {}),
    };
    try {
      await this.pass(outer);
      const response = outer.response;
      if (!response?.ok) {
        // The batch itself was refused (throttled, or the service failed): every part gets that answer, except
        // that a part depending on another answers 424, as Graph does: retried on its own (after a 429 or 503)
        // it would be made without waiting for what it depends on (a mail without its claim, a case without its record).
        const status = response?.status ?? 503;
        const headers = response ? Object.fromEntries(response.headers.entries()) : {};
        const text = response ? await response.text() : '';
        for (const w of chunk) {
          w.context.response = w.part.dependsOn ? notServed() : new Response(text, { status, headers });
          w.settle();
        }
        return;
      }
      const answer = BatchAnswer.parse(await response.json());
      for (const w of chunk) {
        const part = answer.responses.find((r) => r.id === w.part.id);
        w.context.response = part ? responseOf(part) : new Response(null, { status: 502 });
        w.settle();
      }
    } catch (error) {
      for (const w of chunk) w.settle(error);
    }
  }

  /** The request as a $batch part, or undefined when it must go on its own. */
  private partOf(context: Context): BatchPart | undefined {
    if (context.middlewareControl?.getMiddlewareOptions(NotBatched)) return undefined;
    const url = typeof context.request === 'string' ? context.request : context.request.url;
    const target = new URL(url);
    const versionRoot = new URL('v1.0/', this.baseUrl);
    if (target.origin !== versionRoot.origin || !target.pathname.startsWith(versionRoot.pathname)) return undefined;
    const relative = target.pathname.slice(versionRoot.pathname.length - 1) + target.search;
    if (relative.startsWith('/$batch')) return undefined;
    // A download is answered with a 302 to another host; followed from a $batch part, the redirect would carry the token there.
    if ((context.options?.method ?? 'GET').toUpperCase() === 'GET' && target.pathname.endsWith('/content')) return undefined;
    const options = context.options ?? {};
    const body = jsonBody(options.body);
    if (body === false) return undefined;
    const headers = partHeaders(options);
    return {
      id: '',
      method: (options.method ?? 'GET').toUpperCase(),
      url: relative,
      ...(Object.keys(headers).length > 0 ? { headers } : {}),
      ...(body === undefined ? {} : { body }),
    };
  }
}

/** Requests in chunks of at most 20, a unit of work's writes kept in one chunk so their order holds. */
function chunksOf(requests: WaitingRequest[]): WaitingRequest[][] {
  const byUnit = new Map<string, WaitingRequest[]>();
  const loose: WaitingRequest[][] = [];
  for (const r of requests) {
    const unit = r.order?.unit;
    if (unit === undefined) loose.push([r]);
    else byUnit.set(unit, [...(byUnit.get(unit) ?? []), r]);
  }
  const chunks: WaitingRequest[][] = [];
  for (const group of [...byUnit.values(), ...loose]) {
    for (let i = 0; i < group.length; i += MAX_BATCH_PARTS) {
      const piece = group.slice(i, i + MAX_BATCH_PARTS);
      const room = chunks.find((c) => c.length + piece.length <= MAX_BATCH_PARTS);
      if (room) room.push(...piece);
      else chunks.push(piece);
    }
  }
  return chunks;
}

/** A JSON body as an object, undefined for none, false for a body a $batch cannot carry as JSON. */
function jsonBody(body: FetchOptions['body']): unknown {
  if (body === undefined || body === null) return undefined;
  if (typeof body !== 'string') return false;
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return false;
  }
}

function headersOf(options: FetchOptions | undefined): Headers {
  return new Headers((options?.headers ?? {}) as ConstructorParameters<typeof Headers>[0]);
}

function partHeaders(options: FetchOptions): Record<string, string> {
  const kept: Record<string, string> = {};
  headersOf(options).forEach((value, name) => {
    if (PART_HEADERS.has(name.toLowerCase())) kept[name] = value;
  });
  return kept;
}

function outerHeaders(options: FetchOptions | undefined): Record<string, string> {
  const kept: Record<string, string> = {};
  headersOf(options).forEach((value, name) => {
    if (!PART_HEADERS.has(name.toLowerCase())) kept[name] = value;
  });
  return kept;
}

function responseOf(part: { status: number; headers?: Record<string, string>; body?: unknown }): Response {
  const headers = new Headers(part.headers ?? {});
  const empty = part.body === undefined || part.body === null || part.status === 204;
  if (empty) return new Response(null, { status: part.status, headers });
  if (typeof part.body === 'string' && !(headers.get('content-type') ?? '').includes('json')) {
    // Graph returns a non-JSON part body base64-encoded.
    return new Response(Buffer.from(part.body, 'base64'), { status: part.status, headers });
  }
  if (!headers.has('content-type')) headers.set('content-type', 'application/json');
  return new Response(JSON.stringify(part.body), { status: part.status, headers });
}

/** A part not made because a request it depends on was not: Graph's 424. */
const notServed = (): Response =>
  new Response(JSON.stringify({ error: { code: 'failedDependency', message: 'A request this one depends on failed.' } }), {
    status: 424,
    headers: { 'Content-Type': 'application/json' },
  });
