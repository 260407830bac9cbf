import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Agent } from 'undici';
import { randomIds } from '../../app/randomIds';
import { createGraphClient } from '../../graph/client/graphClient';
import { defaultSiteHostname, defaultSitePath, startEmulatorProcess } from '@outreach/graph-emulator';
import { graphPorts } from '../../graph/graphPorts';
import { provisionSite } from '../../graph/sharepoint/provision';
import { buildWorld } from '../support/world';
import { readDemoData } from '../../app/data/demoData';
import { embeddedUsers } from '../../app/graph/embeddedUsers';

/**
 * What both benchmarks run on: the embedded Graph in its own process (as the product runs it), a
 * provisioned site with the demo data, the workflow on the SharePoint adapters, and a way to set
 * the latency injected on every Graph request.
 */
export async function startBenchGraph(name: string) {
  const dataDir = mkdtempSync(path.join(tmpdir(), `outreach-${name}-`));
  // In DATA_DIR's `emulator` folder, where an app process started on the same DATA_DIR looks for it.
  const embedded = await startEmulatorProcess(path.join(dataDir, 'emulator'));
  const dispatcher = new Agent({ connect: { ca: embedded.caCertificate } });
  /** The emulator's control routes under /_emulator (faults, request log with resource units, fidelity). */
  const admin = async (method: string, route: string, body?: unknown): Promise<unknown> => {
    const res = await fetch(`${embedded.info.adminUrl}/${route}`, {
      method,
      headers: { Authorization: `Bearer ${embedded.info.token}`, 'Content-Type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      dispatcher,
    } as unknown as RequestInit);
    if (!res.ok) throw new Error(`emulator ${method} ${route}: ${res.status} ${await res.text()}`);
    return res.status === 204 ? undefined : res.json();
  };
  const setLatency = async (latencyMs: number): Promise<void> => void (await admin('PUT', 'faults', { rate: 0, failAfterCommitRate: 0, latencyMs }));
  const stop = async (): Promise<void> => {
    await embedded.stop();
    await dispatcher.close();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await setLatency(0);
    // As the app does at start: the emulator answers 404 for users it was not told about, as a tenant does.
    await embedded.registerUsers(embeddedUsers({ name: 'Outreach Service', mailbox: 'outreach@outreach.example.org' }, readDemoData().staff));
    const client = createGraphClient({ baseUrl: embedded.info.baseUrl, getToken: async () => embedded.info.token, caCertificate: embedded.caCertificate, userAgent: 'NONISV|OutreachService|OutreachCases/bench', maxRetries: 10 });
    const site = await provisionSite(client, { hostname: defaultSiteHostname, path: defaultSitePath });
    const world = await buildWorld('2026-09-14T09:00:00Z', { ...graphPorts(client, site, 'outreach@outreach.example.org', { referenceCache: { refreshMs: 60_000, now: () => Date.now() } }), ids: randomIds });
    return { embedded, client, dataDir, site, world, admin, setLatency, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
