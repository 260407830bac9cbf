import type { Client } from '@microsoft/microsoft-graph-client';
import path from 'node:path';
import { createGraphClient } from '../../graph/client/graphClient';
import { graphPorts, type GraphPorts } from '../../graph/graphPorts';
import { provisionSite, type ProvisionedSite } from '../../graph/sharepoint/provision';
import { fillClosedMonths } from '../../workflow';
import type { Config } from '../config';
import { appVersion } from '../version';
import { filesPath } from '../filesPage';
import { attachToEmulator, defaultSiteHostname, defaultSitePath, startEmulatorProcess, type EmbeddedGraph } from '@outreach/graph-emulator';
import { tenantTokenSource } from './tenantToken';
import { checkTenantSite, type SiteCheck } from './siteCheck';

export interface ConnectedGraph {
  client: Client;
  site: ProvisionedSite;
  ports: GraphPorts;
  /** What /healthz says about Graph. */
  health: { mode: 'tenant' | 'embedded'; baseUrl: string; siteId: string };
  /** Tenant mode: what the start-up check found missing on the site, in permissions and in the mailbox (nothing is created there). */
  siteCheck?: SiteCheck;
  /** The embedded Graph's admin URL and token (local runs and tests only). */
  embedded?: EmbeddedGraph;
  stop(): Promise<void>;
}

/** Reference lists kept in this process (one cache per connection, made here), checked against SharePoint every REFERENCE_REFRESH_SECONDS. */
const referenceCacheOf = (config: Config) => ({ refreshMs: config.referenceRefreshSeconds * 1000, now: () => Date.now() });

export const userAgent = `NONISV|OutreachService|OutreachCases/${appVersion}`;

/** After the lists changed: items written before a column existed get its value (cases closed before ClosedMonth, jobs queued before DueAt). */
export const migrateItems = (client: Client, mailbox: string) => async (site: ProvisionedSite) => {
  const ports = graphPorts(client, site, mailbox);
  await fillClosedMonths({ stores: ports.stores });
  await ports.jobs.fillDueAt();
};

/**
 * Connects to Microsoft Graph. In a tenant the site is checked, never changed (the app holds only
 * `write` on it; `npm run provision` makes the lists): what is missing is on `siteCheck`. The
 * embedded Graph (started here, or already running at GRAPH_EMULATOR_URL) is provisioned at start.
 */
export async function connectGraph(config: Config): Promise<ConnectedGraph> {
  if (config.graph.mode === 'tenant') {
    const { site: address } = config.graph;
    const getToken = tenantTokenSource(config.graph);
    // A step of its own, so that a start that cannot sign in says so (GraphTokenError) rather than failing inside the first Graph call.
    const token = await getToken();
    const client = createGraphClient({ baseUrl: 'https://graph.microsoft.com', getToken, userAgent });
    const { site, check } = await checkTenantSite(client, address, token, config.service.mailbox);
    return {
      client,
      site,
      siteCheck: check,
      ports: graphPorts(client, site, config.service.mailbox, { referenceCache: referenceCacheOf(config) }),
      health: { mode: 'tenant', baseUrl: 'https://graph.microsoft.com/v1.0', siteId: site.siteId },
      stop: async () => undefined,
    };
  }
  const emulatorDir = path.resolve(config.dataDir, 'emulator');
  // With a fixed port the file viewer's address is known now (files filed while starting point at it too); main.ts sets it again once listening.
  const filesWebBase = config.port !== 0 ? `http://127.0.0.1:${config.port}${filesPath}` : undefined;
  const embedded = config.graph.emulatorUrl
    ? attachToEmulator(emulatorDir, config.graph.emulatorUrl)
    : await startEmulatorProcess(emulatorDir, filesWebBase ? { filesWebBase } : {});
  try {
    const client = createGraphClient({
      baseUrl: embedded.info.baseUrl,
      getToken: async () => embedded.info.token,
      caCertificate: embedded.caCertificate,
      userAgent,
    });
    const site = await provisionSite(client, { hostname: defaultSiteHostname, path: defaultSitePath }, undefined, migrateItems(client, config.service.mailbox));
    return {
      client,
      site,
      ports: graphPorts(client, site, config.service.mailbox, { referenceCache: referenceCacheOf(config) }),
      health: { mode: 'embedded', baseUrl: embedded.info.baseUrl, siteId: site.siteId },
      embedded,
      stop: () => embedded.stop(),
    };
  } catch (error) {
    await embedded.stop();
    throw error;
  }
}
