import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { defaultSiteHostname, defaultSitePath } from '@outreach/graph-emulator';
import { chatCommands } from '../../bot/cards';
import { buildAppPackage } from '../../manifest/appPackage';
import { runProvision } from '../../app/provision/runProvision';
import type { ProvisionOptions } from '../../app/provision/provisionOptions';
import { useEmbeddedGraph } from '../graph/embeddedGraph';

jest.setTimeout(120_000);

const tenantId = '3b4c5d6e-7f80-4912-a3b4-c5d6e7f80912';
const teamsAppId = '6f0c3a52-8d1e-4b7a-9c35-2e41d07b9a18';

describe('provisioning puts back what was changed by hand, and only that', () => {
  const graph = useEmbeddedGraph();
  const options = (extra: Partial<ProvisionOptions> = {}): ProvisionOptions => ({
    target: { mode: 'tenant', tenantId, site: { hostname: defaultSiteHostname, path: defaultSitePath }, signInClientId: tenantId },
    dryRun: false, publicHostname: 'outreach.example.net', teamsAppId, mailbox: 'outreach@outreach.example.org', ...extra,
  });
  const run = async (extra: Partial<ProvisionOptions> = {}) => {
    const lines: string[] = [];
    const provisionGraph = { client: graph().client, tenantId, site: { hostname: defaultSiteHostname, path: defaultSitePath }, describe: 'test', stop: async () => undefined };
    const result = await runProvision(provisionGraph, options(extra), (line) => lines.push(line));
    return { ...result, lines };
  };

  it('an app role removed, assignment no longer required, the site permission lowered to read, a newer package: four updates', async () => {
    const first = await run();
    expect(first.changes).toBeGreaterThan(0);
    const client = graph().client;
    const app = ((await client.api('/applications').filter(`appId eq '${first.appId ?? ''}'`).get()) as { value: Array<{ id: string; appRoles: unknown[] }> }).value[0];
    await client.api(`/applications/${app?.id ?? ''}`).patch({ appRoles: app?.appRoles.slice(1) });
    const principal = ((await client.api('/servicePrincipals').filter(`appId eq '${first.appId ?? ''}'`).get()) as { value: Array<{ id: string }> }).value[0];
    await client.api(`/servicePrincipals/${principal?.id ?? ''}`).patch({ appRoleAssignmentRequired: false });
    const permission = ((await client.api(`/sites/${graph().site.siteId}/permissions`).get()) as { value: Array<{ id: string }> }).value[0];
    await client.api(`/sites/${graph().site.siteId}/permissions/${permission?.id ?? ''}`).patch({ roles: ['read'] });
    const packageFile = path.join(graph().dataDir, 'newer.zip');
    writeFileSync(packageFile, await buildAppPackage({ BOT_ID: first.appId ?? '', PUBLIC_HOSTNAME: 'outreach.example.net', TEAMS_APP_ID: teamsAppId, VERSION: '9.9.9' }, chatCommands));

    const second = await run({ packageFile });
    expect(second.lines.filter((l) => l.startsWith('~ '))).toEqual([
      `~ app registration: updated Outreach Cases (appId ${first.appId ?? ''}): appRoles`,
      `~ service principal: updated ${principal?.id ?? ''}: appRoleAssignmentRequired true`,
      `~ site permission: updated write (was read) for ${first.appId ?? ''} on ${graph().site.siteId}`,
      `~ Teams app: updated ${teamsAppId}: version 9.9.9 (catalogue has 0.1.0)`,
    ]);
    expect(second.changes).toBe(4);
    expect((await run({ packageFile })).changes).toBe(0);
  });
});
