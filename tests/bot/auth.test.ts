import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AuthType, resolveAuthType } from '@microsoft/agents-hosting';
import pino from 'pino';
import { createBotAdapter, type BotAuth } from '../../app/bot/botAdapter';
import { mountBot } from '../../app/bot/mountBot';
import { createServer } from '../../app/server';
import { buildWorld, people } from '../support/world';

const app = { clientId: '7d3c9a10-4e2b-4f6a-9b1c-0a2d3e4f5a6b', tenantId: 'b1f0c2d3-1111-4222-8333-944455566677' };
const identityClientId = '5e6f7a8b-1c2d-4e3f-8a9b-0c1d2e3f4a5b';
const withIdentity: BotAuth = { mode: 'tenant', ...app, credential: { kind: 'managedIdentity', clientId: identityClientId } };
const withSecret: BotAuth = { mode: 'tenant', ...app, credential: { kind: 'secret', secret: 'not-a-real-secret' } };

describe('the bot is CLIENT_ID\'s app registration', () => {
  it('in Azure, it proves it with the managed identity as a federated credential: no secret', () => {
    const { authConfig } = createBotAdapter(withIdentity);
    expect(authConfig).toEqual({ clientId: app.clientId, tenantId: app.tenantId, federatedClientId: identityClientId });
    expect(resolveAuthType(authConfig)).toBe(AuthType.FederatedCredentials);
  });

  it('on a developer\'s machine, with CLIENT_SECRET', () => {
    const { authConfig } = createBotAdapter(withSecret);
    expect(authConfig).toEqual({ clientId: app.clientId, tenantId: app.tenantId, clientSecret: 'not-a-real-secret' });
    expect(resolveAuthType(authConfig)).toBe(AuthType.ClientSecret);
  });
});

describe.each([['the managed identity', withIdentity], ['a secret', withSecret]])('Bot Framework tokens in tenant mode, with %s', (_credential, auth) => {
  let server: Server;
  let url: string;

  beforeAll(async () => {
    const world = await buildWorld();
    const logger = pino({ level: 'silent' });
    const bot = mountBot(world.deps, createBotAdapter(auth), logger);
    server = await new Promise<Server>((resolve) => {
      const s = createServer({ logger, version: 'test', mounts: [bot] }).listen(0, '127.0.0.1', () => resolve(s));
    });
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/messages`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  const activity = {
    type: 'message', text: 'help', channelId: 'msteams', serviceUrl: 'https://smba.trafficmanager.net/uk/', id: '1',
    from: { id: '29:x', aadObjectId: people.manager }, recipient: { id: '28:bot' }, conversation: { id: 'a:1' },
  };

  it('refuses a request without a token (401), so nobody can speak as a member of staff', async () => {
    const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(activity) });
    expect(response.status).toBe(401);
  });

  it('refuses a forged token (401)', async () => {
    const forged = `${Buffer.from(JSON.stringify({ alg: 'RS256', kid: 'x' })).toString('base64url')}.${Buffer.from(JSON.stringify({ aud: 'x' })).toString('base64url')}.c2ln`;
    const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${forged}` }, body: JSON.stringify(activity) });
    expect(response.status).toBe(401);
  });
});
