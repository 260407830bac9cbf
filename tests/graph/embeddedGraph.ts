import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Client } from '@microsoft/microsoft-graph-client';
import { Agent } from 'undici';
import { createGraphClient } from '../../graph/client/graphClient';
import { createMetadataChecker, defaultSiteHostname, defaultSitePath, silentLogger, startEmulatorServer, type RunningEmulator } from '@outreach/graph-emulator';
import { graphPorts } from '../../graph/graphPorts';
import { provisionSite, type Wait } from '../../graph/sharepoint/provision';
import type { ReferenceCacheTiming } from '../../graph/sharepoint/referenceCache';
import { readDemoData } from '../../app/data/demoData';
import { embeddedUsers } from '../../app/graph/embeddedUsers';

/** The mailbox the tests' mailer sends from: a user of the emulator's tenant, like the demo staff. */
export const serviceMailbox = 'outreach@outreach.example.org';

/** The embedded Graph's admin API (faults, fidelity, the request log, users), as the test's client. */
export function emulatorAdmin(info: RunningEmulator['info'], ca: string): ((method: string, route: string, body?: unknown) => Promise<unknown>) & { close(): Promise<void> } {
  const dispatcher = new Agent({ connect: { ca } });
  const call = async (method: string, route: string, body?: unknown): Promise<unknown> => {
    const response = await fetch(`${info.adminUrl}/${route}`, {
      method,
      headers: { Authorization: `Bearer ${info.token}`, 'Content-Type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      dispatcher,
    } as unknown as RequestInit);
    if (!response.ok) throw new Error(`emulator ${method} ${route}: ${response.status} ${await response.text()}`);
    return response.status === 204 ? undefined : response.json();
  };
  return Object.assign(call, { close: () => dispatcher.close() });
}

export interface FaultSettings {
  rate?: number;
  statuses?: number[];
  retryAfterSeconds?: number;
  latencyMs?: number;
  failAfterCommitRate?: number;
  seed?: number;
  /** Everything, $batch included, answers 429 for this many seconds (Retry-After: the seconds left). */
  throttleForSeconds?: number;
}

export interface EmbeddedGraphOptions {
  /** Runs on the bare site before it is provisioned (a list made by hand, faults set). */
  beforeProvision?: (setup: { client: Client; setFaults: (faults: FaultSettings) => Promise<unknown> }) => Promise<void>;
  /** How provisioning waits out a Retry-After (tests record it instead of sleeping). */
  provisionWait?: Wait;
  /** Staff, Schools and Purchases cached as the app composes them. */
  referenceCache?: ReferenceCacheTiming;
}

/**
 * The embedded Graph over real HTTPS (in this process, for speed), the real Graph client and
 * the real adapters on top: the same code path the product runs.
 */
export async function startEmbeddedGraph(options: EmbeddedGraphOptions = {}) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'outreach-graph-'));
  const running: RunningEmulator = await startEmulatorServer({ dataDir, port: 0, checker: createMetadataChecker(), logger: silentLogger, pid: process.pid });
  const ca = readFileSync(running.info.caCertPath, 'utf8');
  const client = createGraphClient({
    baseUrl: running.info.baseUrl,
    getToken: async () => running.info.token,
    caCertificate: ca,
    userAgent: 'NONISV|OutreachService|OutreachCases/test',
    maxRetries: 10,
  });
  const admin = emulatorAdmin(running.info, ca);
  const setFaults = (faults: FaultSettings) => admin('PUT', 'faults', faults);
  // As the app does at start: unknown users answer 404 on the emulator, as on a tenant.
  await admin('POST', 'users', { value: embeddedUsers({ name: 'Outreach Service', mailbox: serviceMailbox }, readDemoData().staff) });
  const provisioned = async () => {
    await options.beforeProvision?.({ client, setFaults });
    return provisionSite(client, { hostname: defaultSiteHostname, path: defaultSitePath }, options.provisionWait);
  };
  const site = await provisioned().catch(async (error: unknown) => {
    await running.stop();
    await admin.close();
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  });
  const ports = graphPorts(client, site, serviceMailbox, options.referenceCache ? { referenceCache: options.referenceCache } : {});
  return {
    dataDir,
    info: running.info,
    client,
    site,
    ports,
    setFaults,
    clearFaults: () => admin('PUT', 'faults', { rate: 0, latencyMs: 0, failAfterCommitRate: 0 }),
    requests: () => admin('GET', 'requests') as Promise<{ total?: number; entries?: Array<{ method: string; path: string; status: number }> }>,
    resetRequests: () => admin('POST', 'requests/reset'),
    /** SharePoint's limits as the emulator copies them (e.g. a list view threshold of 20, so that a list is large with few items). */
    setFidelity: (fidelity: Record<string, unknown>) => admin('PUT', 'fidelity', fidelity),
    mailbox: () => admin('GET', 'mailbox'),
    async stop() {
      await running.stop();
      await admin.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export type EmbeddedGraph = Awaited<ReturnType<typeof startEmbeddedGraph>>;

/** One embedded Graph for a test file: started before its tests, faults cleared after each, stopped at the end. */
export function useEmbeddedGraph(options: EmbeddedGraphOptions = {}): () => EmbeddedGraph {
  let graph: EmbeddedGraph | undefined;
  beforeAll(async () => {
    graph = await startEmbeddedGraph(options);
  });
  afterEach(async () => {
    await graph?.clearFaults();
  });
  afterAll(async () => {
    await graph?.stop();
  });
  return () => {
    if (!graph) throw new Error('the embedded Graph is not started yet');
    return graph;
  };
}
