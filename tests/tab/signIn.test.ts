import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT } from 'jose';
import { DemoStaff, Me, routes } from '../../tab/contract/api';
import { people } from '../support/world';
import { startTab } from './tabHarness';

const tenantId = '11111111-2222-4333-8444-555555555555';
const appId = '66666666-7777-4888-9999-000000000000';

describe('The tab\'s sign-in, embedded Graph: the development sign-in', () => {
  let tab: Awaited<ReturnType<typeof startTab>>;
  beforeAll(async () => {
    tab = await startTab();
  });

  it('GET /me names who is signed in, their roles, whether they see every case, and that it is the demo sign-in', async () => {
    const manager = await tab.get(routes.me, 'manager');
    expect(manager.status).toBe(200);
    expect(Me.parse(manager.body)).toEqual({ userId: people.manager, displayName: 'Morgan Ashby', roles: ['manager', 'worker'], seesAllCases: true, demo: true });
    expect(Me.parse((await tab.get(routes.me, 'worker')).body)).toMatchObject({ displayName: 'Harriet Lunde', seesAllCases: false });
    expect(manager.headers['cache-control']).toBe('no-store');
  });

  it('401 in words without a sign-in, with another scheme or a malformed id; 403 for someone not on the Staff list or inactive', async () => {
    const none = await tab.get(routes.me);
    expect(none.status).toBe(401);
    expect(none.headers['www-authenticate']).toBe('Bearer');
    expect(none.body).toMatchObject({ code: 'NotSignedIn', error: expect.stringContaining('sign in') });
    expect((await tab.get(routes.me).set('Authorization', `Bearer ${people.admin}`)).status).toBe(401);
    expect((await tab.get(routes.me).set('Authorization', 'Bearer embedded-dev:not-a-guid')).status).toBe(401);
    const stranger = await tab.get(routes.me).set('Authorization', 'Bearer embedded-dev:12345678-1234-4234-8234-123456789abc');
    expect(stranger.status).toBe(403);
    expect(stranger.body.error).toContain('Staff list');
    expect((await tab.get(routes.cases, 'inactive')).status).toBe(403);
    expect((await tab.post(routes.cardAction, { verb: 'cases.mine' })).status).toBe(401);
  });

  it('GET /demo/staff lists every active member of staff with roles, for the demo picker, without a sign-in', async () => {
    const answer = await tab.get(routes.demoStaff);
    expect(answer.status).toBe(200);
    const { staff } = DemoStaff.parse(answer.body);
    expect(staff.map((s) => s.displayName)).toContain('Harriet Lunde');
    expect(staff.map((s) => s.userId)).not.toContain(people.inactive);
    expect(staff.find((s) => s.userId === people.dsl)?.roles).toEqual(['worker', 'dsl']);
  });

  it('an unknown API path answers 404 in JSON once signed in', async () => {
    const answer = await tab.get('/tab/api/nothing-here', 'worker');
    expect(answer.status).toBe(404);
    expect(answer.body.error).toContain('GET /tab/api/nothing-here');
  });
});

describe('The tab\'s sign-in, tenant mode: Entra ID tokens checked against the tenant\'s keys', () => {
  let tab: Awaited<ReturnType<typeof startTab>>;
  let sign: (claims: Record<string, unknown>, options?: { audience?: string; issuer?: string; expiresIn?: string; other?: boolean }) => Promise<string>;
  beforeAll(async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    const other = await generateKeyPair('RS256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256' };
    sign = (claims, options = {}) =>
      new SignJWT({ oid: people.worker, tid: tenantId, scp: 'access_as_user', roles: ['Worker'], ...claims })
        .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
        .setIssuer(options.issuer ?? `https://login.microsoftonline.com/${tenantId}/v2.0`)
        .setAudience(options.audience ?? appId)
        .setIssuedAt()
        .setExpirationTime(options.expiresIn ?? '1h')
        .sign(options.other ? other.privateKey : privateKey);
    tab = await startTab({ auth: { mode: 'tenant', tenantId, appId, keys: createLocalJWKSet({ keys: [jwk] }) } });
  });
  const me = (token: string) => tab.get(routes.me).set('Authorization', `Bearer ${token}`);

  it('accepts a good token: v2 issuer with the app id, v1 issuer with the api:// audience, scp among other scopes', async () => {
    const v2 = await me(await sign({}));
    expect(v2.status).toBe(200);
    expect(Me.parse(v2.body)).toMatchObject({ userId: people.worker, demo: false });
    expect((await me(await sign({}, { issuer: `https://sts.windows.net/${tenantId}/`, audience: `api://outreach.example.org/${appId}` }))).status).toBe(200);
    expect((await me(await sign({ scp: 'User.Read access_as_user' }, { audience: `api://outreach.example.org/${appId}` }))).status).toBe(200);
    expect((await me(await sign({}, { audience: `api://outreach.example.org/botid-${appId}` }))).status).toBe(200);
  });

  it('roles are the Staff list\'s that the token\'s app roles also grant: a manager signed in with only Worker works as a worker', async () => {
    const both = Me.parse((await me(await sign({ oid: people.manager, roles: ['Manager', 'Worker'] }))).body);
    expect(both).toMatchObject({ roles: ['manager', 'worker'], seesAllCases: true });
    const workerOnly = Me.parse((await me(await sign({ oid: people.manager, roles: ['Worker'] }))).body);
    expect(workerOnly).toMatchObject({ roles: ['worker'], seesAllCases: false });
    const dsl = Me.parse((await me(await sign({ oid: people.dsl, roles: ['Manager', 'Admin', 'Worker', 'DSL', 'Something.Else'] }))).body);
    expect(dsl.roles).toEqual(['worker', 'dsl']);
  });

  it('403 in words for a token with no Outreach Cases app role, or none the Staff list also gives', async () => {
    for (const roles of [undefined, [], ['Something.Else']]) {
      const none = await me(await sign({ oid: people.manager, roles }));
      expect(none.status).toBe(403);
      expect(none.body).toMatchObject({ code: 'RoleRequired', error: expect.stringContaining('no Outreach Cases role in Entra: ask IT to assign you one') });
    }
    const mismatch = await me(await sign({ oid: people.worker, roles: ['Admin'] }));
    expect(mismatch.status).toBe(403);
    expect(mismatch.body.error).toBe('Your roles on the Staff list (Outreach worker) and your Outreach Cases roles in Entra (Administrator) have none in common: ask IT or the service\'s administrator to match them.');
  });

  it('401 for an expired token, another audience, tenant, issuer or key, a token without access_as_user, and the development scheme', async () => {
    const expired = await me(await sign({}, { expiresIn: '-5min' }));
    expect(expired.status).toBe(401);
    expect(expired.body.error).toContain('expired');
    const refused = [
      await sign({}, { audience: 'api://someone-else' }),
      await sign({}, { audience: '99999999-7777-4888-9999-000000000000' }),
      await sign({ tid: '99999999-2222-4333-8444-555555555555' }),
      await sign({}, { issuer: 'https://login.microsoftonline.com/common/v2.0' }),
      await sign({}, { other: true }),
    ];
    for (const token of refused) expect((await me(token)).status).toBe(401);
    const noScope = await me(await sign({ scp: undefined }));
    expect(noScope.status).toBe(401);
    expect(noScope.body.error).toContain('access_as_user');
    expect((await me(await sign({ scp: 'User.Read' }))).status).toBe(401);
    expect((await tab.get(routes.me, 'worker')).status).toBe(401);
  });

  it('403 for a valid token of someone not on the Staff list', async () => {
    expect((await me(await sign({ oid: '12345678-1234-4234-8234-123456789abc' }))).status).toBe(403);
  });

  it('the demo staff list does not exist in a tenant: 404', async () => {
    const answer = await tab.get(routes.demoStaff);
    expect(answer.status).toBe(404);
    expect(answer.body.code).toBe('NotFound');
  });
});
