import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Agent } from 'undici';
import { createGraphClient } from '../../graph/client/graphClient';
import { createMetadataChecker, defaultSiteHostname, defaultSitePath, silentLogger, startEmulatorServer, type RunningEmulator } from '@outreach/graph-emulator';
import { graphPorts } from '../../graph/graphPorts';
import { provisionSite } from '../../graph/sharepoint/provision';

export interface FaultSettings {
  rate?: number;
  statuses?: number[];
  retryAfterSeconds?: number;
  latencyMs?: number;
  failAfterCommitRate?: number;
  seed?: number;
}

/**
 * The embedded Graph over real HTTPS (in this process, for speed), the real Graph client and
 * the real adapters on top: the same code path the product runs.
 */
export async function startEmbeddedGraph() {
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
  const site = await provisionSite(client, { hostname: defaultSiteHostname, path: defaultSitePath });
  const ports = graphPorts(client, site, 'outreach@outreach.example.org');
  const dispatcher = new Agent({ connect: { ca } });
  const admin = async (method: string, route: string, body?: unknown): Promise<unknown> => {
    const response = await fetch(`${running.info.adminUrl}/${route}`, {
      method,
      headers: { Authorization: `Bearer ${running.info.token}`, 'Content-Type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      dispatcher,
    } as unknown as RequestInit);
    if (!response.ok) throw new Error(`emulator ${method} ${route}: ${response.status} ${await response.text()}`);
    return response.status === 204 ? undefined : response.json();
  };
  return {
    dataDir,
    info: running.info,
    client,
    site,
    ports,
    setFaults: (faults: FaultSettings) => admin('PUT', 'faults', faults),
    clearFaults: () => admin('PUT', 'faults', { rate: 0, latencyMs: 0, failAfterCommitRate: 0 }),
    requests: () => admin('GET', 'requests') as Promise<{ total?: number; entries?: Array<{ method: string; path: string; status: number }> }>,
    resetRequests: () => admin('POST', 'requests/reset'),
    mailbox: () => admin('GET', 'mailbox'),
    async stop() {
      await running.stop();
      await dispatcher.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export type EmbeddedGraph = Awaited<ReturnType<typeof startEmbeddedGraph>>;
