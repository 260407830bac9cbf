import { readFileSync } from 'node:fs';
import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT } from 'jose';
import request from 'supertest';
import { Agent } from 'undici';
import { defaultSiteHostname, defaultSitePath } from '@outreach/graph-emulator';
import { adminDetailsAccess } from '../../app/detailsAccess';
import { checkTenantSite, type SiteCheck } from '../../app/graph/siteCheck';
import { createLogger } from '../../app/logger';
import { createServer } from '../../app/server';
import { tabCallers } from '../../tab/server/tabAuth';
import { serviceMailbox, useEmbeddedGraph } from '../graph/embeddedGraph';

jest.setTimeout(120_000);

const site = { hostname: defaultSiteHostname, path: defaultSitePath };
const tenantId = '3b4c5d6e-7f80-4912-a3b4-c5d6e7f80912';
const appId = '4c5d6e7f-8091-4a23-b4c5-d6e7f8091a23';

describe('tenant mode at start: the site check names what is missing and creates nothing', () => {
  const graph = useEmbeddedGraph();
  const denied = async (permissions: string[]) => {
    const dispatcher = new Agent({ connect: { ca: readFileSync(graph().info.caCertPath, 'utf8') } });
    await fetch(`${graph().info.adminUrl}/permissions`, {
      method: 'PUT', headers: { Authorization: `Bearer ${graph().info.token}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ denied: permissions }), dispatcher,
    } as unknown as RequestInit);
    await dispatcher.close();
  };
  afterEach(() => denied([]));
  let check: SiteCheck;

  it('a provisioned site: nothing missing', async () => {
    const result = await checkTenantSite(graph().client, site, graph().info.token, serviceMailbox);
    expect(result.check.missing).toEqual([]);
    expect(result.site).toEqual(graph().site);
  });

  it('a column removed and an index dropped by hand are named, and the check writes nothing', async () => {
    const cases = graph().site.listPaths.cases;
    const columns = ((await graph().client.api(`${cases}/columns`).select('id,name').get()) as { value: Array<{ id: string; name: string }> }).value;
    const id = (name: string) => columns.find((c) => c.name === name)?.id ?? '';
    await graph().client.api(`${cases}/columns/${id('ClosedMonth')}`).delete();
    await graph().client.api(`${cases}/columns/${id('WorkerId')}`).patch({ indexed: false });
    await graph().resetRequests();
    check = (await checkTenantSite(graph().client, site, graph().info.token, serviceMailbox)).check;
    // In the definitions' column order.
    expect(check.missing).toEqual([
      'index on Cases.WorkerId is missing: run npm run provision',
      'column Cases.ClosedMonth is missing: run npm run provision',
    ]);
    const log = (await graph().requests()).entries ?? [];
    expect(log.filter((e) => e.method !== 'GET' && e.path !== '/$batch')).toEqual([]);
  });

  it('no site permission and no Exchange RBAC scope are named as such', async () => {
    await denied(['Sites.Selected', 'Calendars.ReadWrite']);
    const { check: refused } = await checkTenantSite(graph().client, site, graph().info.token, serviceMailbox);
    expect(refused.missing).toEqual([
      `no site permission for this app on ${defaultSiteHostname}${defaultSitePath}: run npm run provision`,
      `the service mailbox's calendar (${serviceMailbox}) is refused: Exchange RBAC for Applications has no "Application Calendars.ReadWrite" scope covering it (see docs/deploy.md)`,
    ]);
  });

  it('an app-only token without Sites.Selected in its roles claim is named', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    const token = await new SignJWT({ roles: ['User.Read.All'] }).setProtectedHeader({ alg: 'RS256' }).sign(privateKey);
    const { check: result } = await checkTenantSite(graph().client, site, token, serviceMailbox);
    expect(result.missing[0]).toBe('Graph application permission Sites.Selected is not granted to this app (admin consent): run npm run provision');
  });

  it('/healthz says degraded with a count; /healthz/details, to the Admin app role only, names each missing piece', async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256' };
    const sign = (roles: string[]) =>
      new SignJWT({ oid: '5d6e7f80-91a2-4b34-85d6-e7f8091a2b34', tid: tenantId, scp: 'access_as_user', roles })
        .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
        .setIssuer(`https://login.microsoftonline.com/${tenantId}/v2.0`)
        .setAudience(appId)
        .setIssuedAt()
        .setExpirationTime('1h')
        .sign(privateKey);
    const access = adminDetailsAccess(tabCallers({ mode: 'tenant', tenantId, appId, keys: createLocalJWKSet({ keys: [jwk] }) }));
    const app = createServer({
      logger: createLogger({ logLevel: 'silent' }),
      version: '1.2.3',
      tenantDetails: { access, read: () => ({ graph: { mode: 'tenant' }, siteCheck: check }) },
      missingCount: () => check.missing.length,
    });
    expect((await request(app).get('/healthz').expect(200)).body).toEqual({ status: 'degraded', missing: 2, version: '1.2.3' });
    await request(app).get('/healthz/details').expect(401);
    const worker = await request(app).get('/healthz/details').set('Authorization', `Bearer ${await sign(['Worker'])}`).expect(403);
    expect(worker.body.error).toMatch(/Admin app role/);
    const admin = await request(app).get('/healthz/details').set('Authorization', `Bearer ${await sign(['Admin'])}`).expect(200);
    expect(admin.body).toMatchObject({ status: 'degraded', version: '1.2.3', siteCheck: { missing: check.missing } });
    expect(JSON.stringify(admin.body)).toContain('column Cases.ClosedMonth is missing');
    expect(JSON.stringify(admin.body)).toContain('index on Cases.WorkerId is missing');
  });
});
