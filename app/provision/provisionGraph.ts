import type { Client } from '@microsoft/microsoft-graph-client';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { attachToEmulator, defaultSiteHostname, defaultSitePath, runtimeInfoPath, runtimeInfoSchema, startEmulatorProcess, type EmbeddedGraph } from '@outreach/graph-emulator';
import { createGraphClient } from '../../graph/client/graphClient';
import type { SiteAddress } from '../../graph/sharepoint/siteSurvey';
import { userAgent } from '../graph/connectGraph';
import { adminSignIn } from './adminSignIn';
import type { ProvisionTarget } from './provisionOptions';

/** The embedded Graph's tenant (fictional): the federated credential's issuer names it. */
export const embeddedTenantId = '7e57a11d-0000-4000-8000-00000000e1a1';

export interface ProvisionGraph {
  client: Client;
  tenantId: string;
  site: SiteAddress;
  /** Where the requests go, for the first line of output. */
  describe: string;
  stop(): Promise<void>;
}

/** Graph for provisioning: the embedded one in DATA_DIR (started, or attached to), or the tenant's with an administrator signed in. */
export async function provisionGraph(target: ProvisionTarget, say: (line: string) => void): Promise<ProvisionGraph> {
  if (target.mode === 'tenant' && !target.rehearsal) {
    const getToken = adminSignIn(target.tenantId, target.signInClientId, say);
    await getToken();
    const client = createGraphClient({ baseUrl: 'https://graph.microsoft.com', getToken, userAgent });
    return { client, tenantId: target.tenantId, site: target.site, describe: `tenant ${target.tenantId}`, stop: async () => undefined };
  }
  const embedded = target.mode === 'tenant' ? attachTo(target.rehearsal ?? '') : await startOrAttach(target);
  const client = createGraphClient({ baseUrl: embedded.info.baseUrl, getToken: async () => embedded.info.token, caCertificate: embedded.caCertificate, userAgent });
  return target.mode === 'tenant'
    ? { client, tenantId: target.tenantId, site: target.site, describe: `tenant ${target.tenantId} (rehearsed on the embedded Graph at ${embedded.info.baseUrl})`, stop: () => embedded.stop() }
    : { client, tenantId: embeddedTenantId, site: { hostname: defaultSiteHostname, path: defaultSitePath }, describe: `the embedded Graph in ${path.resolve(target.dataDir)}`, stop: () => embedded.stop() };
}

async function startOrAttach(target: Extract<ProvisionTarget, { mode: 'embedded' }>): Promise<EmbeddedGraph> {
  const dir = path.resolve(target.dataDir, 'emulator');
  return target.emulatorUrl ? attachToEmulator(dir, target.emulatorUrl) : startEmulatorProcess(dir);
}

/** An embedded Graph already running with this data folder (its emulator.json says where). */
function attachTo(dataDir: string): EmbeddedGraph {
  const file = runtimeInfoPath(dataDir);
  if (!existsSync(file)) throw new Error(`--graph-emulator: ${file} does not exist (start the embedded Graph with --data-dir ${dataDir})`);
  return attachToEmulator(dataDir, runtimeInfoSchema.parse(JSON.parse(readFileSync(file, 'utf8'))).baseUrl);
}
