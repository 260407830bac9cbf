import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generate } from 'selfsigned';
import { createGraphClient } from '../../../graph/client/graphClient';

/**
 * A stand-in for graph.microsoft.com that answers only what a test scripted, with bodies copied in
 * shape from Microsoft's documented examples (each script names its page). It knows nothing of
 * SharePoint, Outlook or OneDrive: unlike the embedded Graph, it cannot share a misreading with the adapters.
 * It does what the protocol pages say of every call: `$batch` (json-batching: parts answered by id,
 * `dependsOn` failing as 424) and the OData error body (errors).
 */

export interface Seen {
  method: string;
  /** Path and query as sent (`/v1.0/...`), or the part's `url` inside a `$batch` (relative to the version). */
  url: string;
  headers: Record<string, string>;
  body: unknown;
  /** Raw bytes of a body that is not JSON (a file, a fragment). */
  bytes?: Buffer;
  /** 'batch' for a part of a `$batch` (its id), 'direct' for a request of its own. */
  via: 'direct' | { batch: string };
}

export interface Answer {
  status: number;
  headers?: Record<string, string>;
  /** JSON body; a Buffer is sent as it is. */
  body?: unknown;
}

export type Script = (request: Seen, match: RegExpMatchArray) => Answer | Promise<Answer>;

interface Route {
  method: string;
  path: RegExp;
  script: Script;
  times: number;
}

/** Graph's error body, as https://learn.microsoft.com/en-us/graph/errors documents it. */
export const graphError = (status: number, code: string, message: string, headers: Record<string, string> = {}): Answer => ({
  status,
  headers: { 'Content-Type': 'application/json', ...headers },
  body: {
    error: {
      code,
      message,
      innerError: { date: '2026-11-30T09:12:44', 'request-id': '3f1c8e52-6a0b-4d8e-9a51-0c4b7d2e1f90', 'client-request-id': '3f1c8e52-6a0b-4d8e-9a51-0c4b7d2e1f90' },
    },
  },
});

export const json = (status: number, body: unknown, headers: Record<string, string> = {}): Answer => ({
  status,
  headers: { 'Content-Type': 'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8', ...headers },
  body,
});

export class ReplayGraph {
  readonly seen: Seen[] = [];
  private routes: Route[] = [];
  private server?: Server;
  baseUrl = '';
  /** The same server under another host name, as SharePoint's download host is not Graph's. */
  otherHostUrl = '';
  private cert = '';

  async start(): Promise<void> {
    const made = await generate([{ name: 'commonName', value: '127.0.0.1' }], {
      keySize: 2048,
      algorithm: 'sha256',
      // localhost too: a second host name for pre-authenticated download URLs (SharePoint's host, not Graph's).
      extensions: [{ name: 'basicConstraints', cA: true }, { name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }, { type: 2, value: 'localhost' }] }],
    });
    this.cert = made.cert;
    this.server = createServer({ key: made.private, cert: made.cert }, (req, res) => void this.serve(req, res));
    const server = this.server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.baseUrl = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
    this.otherHostUrl = `https://localhost:${(server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }

  /** A fresh script for each test. */
  reset(): void {
    this.seen.length = 0;
    this.routes = [];
  }

  /** Answers `method` on paths matching `path` (against the path and query after `/v1.0`), `times` times (default: always). */
  on(method: string, path: RegExp, script: Script, times = Infinity): this {
    this.routes.push({ method, path, script, times });
    return this;
  }

  /** The real client factory, pointed here (tokens and TLS trust as in a tenant, retries kept short by Retry-After). */
  client(maxRetries = 3) {
    return createGraphClient({ baseUrl: this.baseUrl, getToken: async () => 'contract-token', caCertificate: this.cert, userAgent: 'NONISV|Fictional Outreach|OutreachCases/contract', maxRetries });
  }

  /** Requests as the adapters made them, `$batch` envelopes left out. */
  calls(): Seen[] {
    return this.seen.filter((s) => !(s.via === 'direct' && s.url.startsWith('/v1.0/$batch')));
  }

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k.toLowerCase(), Array.isArray(v) ? v.join(', ') : (v ?? '')]));
    const isJson = (headers['content-type'] ?? '').includes('json');
    const seen: Seen = {
      method: req.method ?? 'GET',
      url: req.url ?? '/',
      headers,
      body: isJson && raw.length ? (JSON.parse(raw.toString('utf8')) as unknown) : undefined,
      ...(!isJson && raw.length ? { bytes: raw } : {}),
      via: 'direct',
    };
    this.seen.push(seen);
    const answer = seen.method === 'POST' && seen.url === '/v1.0/$batch' ? await this.batch(seen) : await this.answer(seen, seen.url);
    const body = answer.body === undefined ? undefined : Buffer.isBuffer(answer.body) ? answer.body : Buffer.from(JSON.stringify(answer.body));
    res.writeHead(answer.status, answer.headers ?? {});
    res.end(body);
  }

  private async answer(seen: Seen, url: string): Promise<Answer> {
    const path = url.startsWith('/v1.0') ? url.slice('/v1.0'.length) : url;
    for (const route of this.routes) {
      if (route.method !== seen.method || route.times <= 0) continue;
      const match = decodeURIComponent(path).match(route.path) ?? path.match(route.path);
      if (!match) continue;
      route.times -= 1;
      return route.script(seen, match);
    }
    return graphError(404, 'itemNotFound', `No script for ${seen.method} ${url}`);
  }

  /** JSON batching as https://learn.microsoft.com/en-us/graph/json-batching documents it. */
  private async batch(outer: Seen): Promise<Answer> {
    const { requests } = outer.body as { requests: Array<{ id: string; method: string; url: string; headers?: Record<string, string>; body?: unknown; dependsOn?: string[] }> };
    if (requests.length > 20) return graphError(400, 'BadRequest', 'Batch requests are limited to 20 individual requests.');
    const statuses = new Map<string, number>();
    const responses: Array<{ id: string; status: number; headers?: Record<string, string>; body?: unknown }> = [];
    for (const part of requests) {
      const failedDependency = (part.dependsOn ?? []).some((id) => (statuses.get(id) ?? 424) >= 400);
      const headers = Object.fromEntries(Object.entries(part.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
      const seen: Seen = { method: part.method, url: part.url, headers, body: part.body, via: { batch: part.id } };
      this.seen.push(seen);
      const answer = failedDependency ? graphError(424, 'failedDependency', 'A dependency failed.') : await this.answer(seen, part.url.startsWith('/') ? part.url : `/${part.url}`);
      statuses.set(part.id, answer.status);
      responses.push({ id: part.id, status: answer.status, ...(answer.headers ? { headers: answer.headers } : {}), ...(answer.body === undefined ? {} : { body: answer.body }) });
    }
    // Parts may come back in any order (json-batching: "might appear in a different order"): the last first.
    return json(200, { responses: responses.reverse() });
  }
}
