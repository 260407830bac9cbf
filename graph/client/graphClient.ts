import { Client, type AuthenticationProvider } from '@microsoft/microsoft-graph-client';
import {
  AuthenticationHandler,
  HTTPMessageHandler,
  RedirectHandler,
  RetryHandler,
  RetryHandlerOptions,
  TelemetryHandler,
  type Context,
  type FetchOptions,
  type Middleware,
} from '@microsoft/microsoft-graph-client';
import { Agent } from 'undici';
import { BatchingHandler } from './batchingHandler';
import { GraphCallSpans } from './graphCallSpans';
import { registerPlainFetch } from './fileContent';

/** Where Graph is and how to get a token: a tenant, or the embedded Graph on loopback. */
export interface GraphConnection {
  /** e.g. https://graph.microsoft.com or https://127.0.0.1:50123 (no version segment). */
  baseUrl: string;
  getToken(): Promise<string>;
  /** PEM of a certificate authority to trust (the embedded Graph's self-signed certificate). */
  caCertificate?: string;
  /** `NONISV|<org>|<app>/<version>`, as Microsoft asks of SharePoint callers to avoid heavier throttling. */
  userAgent: string;
  /** Throttling (429/503/504) is retried, honouring Retry-After, up to this many times (max 10). */
  maxRetries?: number;
}

export const DEFAULT_MAX_RETRIES = 8;
/** Used only when a throttled answer carries no Retry-After; grows exponentially per attempt. */
const RETRY_BASE_DELAY_SECONDS = 1;

/** Adds the decorated User-Agent to every request (and every request inside a $batch). */
class UserAgentHandler implements Middleware {
  private next?: Middleware;
  constructor(private readonly userAgent: string) {}
  async execute(context: Context): Promise<void> {
    const options = (context.options ??= {});
    const headers = new Headers(options.headers as Record<string, string> | undefined);
    headers.set('User-Agent', this.userAgent);
    options.headers = Object.fromEntries(headers.entries());
    if (!this.next) throw new Error('UserAgentHandler needs a next middleware');
    await this.next.execute(context);
  }
  setNext(next: Middleware): void {
    this.next = next;
  }
}

/** The one factory for Graph clients: every adapter gets its client from here. */
export function createGraphClient(connection: GraphConnection): Client {
  const authProvider: AuthenticationProvider = { getAccessToken: () => connection.getToken() };
  const url = new URL(connection.baseUrl);
  const chain: Middleware[] = [
    new UserAgentHandler(connection.userAgent),
    new AuthenticationHandler(authProvider),
    new RetryHandler(new RetryHandlerOptions(RETRY_BASE_DELAY_SECONDS, connection.maxRetries ?? DEFAULT_MAX_RETRIES)),
    new RedirectHandler(),
    new TelemetryHandler(),
    // Each call (each attempt, each part of a $batch as its own) with its status: a dependency in telemetry, when telemetry is on.
    new GraphCallSpans(),
    // Below the retry handler: each part of a $batch is retried on its own, after its own Retry-After.
    new BatchingHandler(new URL(`${url.origin}/`)),
    new HTTPMessageHandler(),
  ];
  chain.reduce((previous, next) => {
    previous.setNext?.(next);
    return next;
  });
  const dispatcher = connection.caCertificate ? new Agent({ connect: { ca: connection.caCertificate } }) : undefined;
  const client = Client.initWithMiddleware({
    middleware: chain,
    baseUrl: `${url.origin}/`,
    defaultVersion: 'v1.0',
    // The client attaches tokens and follows nextLink only for Graph hosts or these (host names, no port).
    customHosts: new Set([url.hostname]),
    ...(dispatcher ? { fetchOptions: { dispatcher } as unknown as FetchOptions } : {}),
  });
  // Pre-authenticated URLs (a file's content, an upload session's) are fetched with the same trust and no token.
  registerPlainFetch(client, (target, init) => fetch(target, { redirect: 'follow', ...init, ...(dispatcher ? { dispatcher } : {}) } as RequestInit));
  return client;
}
