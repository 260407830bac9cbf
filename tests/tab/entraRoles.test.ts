import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT } from 'jose';
import { staffCaller } from '../../tab/server/signedIn';
import { rolesFromToken, type TabAuth } from '../../tab/server/tabAuth';
import { buildWorld, people, type World } from '../support/world';

const tenantId = '11111111-2222-4333-8444-555555555555';
const appId = '66666666-7777-4888-9999-000000000000';

describe('app roles in the token (tenant mode) and the Staff list', () => {
  let world: World;
  let auth: TabAuth;
  let sign: (oid: string, roles?: string[]) => Promise<string>;
  beforeAll(async () => {
    world = await buildWorld();
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256' };
    auth = { mode: 'tenant', tenantId, appId, keys: createLocalJWKSet({ keys: [jwk] }) };
    sign = (oid, roles) =>
      new SignJWT({ oid, tid: tenantId, scp: 'access_as_user', ...(roles ? { roles } : {}) })
        .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
        .setIssuer(`https://login.microsoftonline.com/${tenantId}/v2.0`)
        .setAudience(appId)
        .setIssuedAt()
        .setExpirationTime('1h')
        .sign(privateKey);
  });
  const bearer = (token: string) => `Bearer ${token}`;

  it('maps the app roles Manager, Admin, Worker and DSL to the workflow\'s roles, ignoring others and repeats', () => {
    expect(rolesFromToken(['Manager', 'Admin', 'Worker', 'DSL'])).toEqual(['manager', 'admin', 'worker', 'dsl']);
    expect(rolesFromToken(['manager', 'Worker', 'Worker', 'toString', 'Sites.Selected'])).toEqual(['worker']);
    expect(rolesFromToken(undefined)).toEqual([]);
  });

  it('staffCaller gives the Staff member with the roles both grant', async () => {
    const caller = await staffCaller(auth, world.deps.stores.staff)(bearer(await sign(people.manager, ['Manager'])), false);
    expect(caller.ok && caller.staff).toMatchObject({ userId: people.manager, roles: ['manager'] });
  });
});
