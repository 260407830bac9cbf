import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createBotAdapter } from '../../app/bot/botAdapter';

/**
 * The bot's own tokens (to reply in Teams) through the Agents SDK with the authConfig the app
 * builds for the managed identity: App Service's identity endpoint is a local server here, and
 * Entra's token endpoint is answered in place of the network (the SDK calls fetch).
 */
describe('the bot signs in as CLIENT_ID with the managed identity\'s token (Agents SDK FederatedCredentials)', () => {
  const tenantId = 'b1f0c2d3-1111-4222-8333-944455566677';
  const clientId = '7d3c9a10-4e2b-4f6a-9b1c-0a2d3e4f5a6b';
  const identityClientId = '5e6f7a8b-1c2d-4e3f-8a9b-0c1d2e3f4a5b';
  const identityAsked: URL[] = [];
  const entraForms: URLSearchParams[] = [];
  const entraUrls: string[] = [];
  let server: Server;
  const realFetch = globalThis.fetch;
  const saved = { IDENTITY_ENDPOINT: process.env.IDENTITY_ENDPOINT, IDENTITY_HEADER: process.env.IDENTITY_HEADER };

  beforeAll(async () => {
    server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      identityAsked.push(url);
      res.setHeader('Content-Type', 'application/json');
      res.end(JSON.stringify({ access_token: 'managed-identity-assertion', expires_on: String(Math.floor(Date.now() / 1000) + 3600), resource: url.searchParams.get('resource'), token_type: 'Bearer' }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    process.env.IDENTITY_ENDPOINT = `http://127.0.0.1:${(server.address() as AddressInfo).port}/msi/token`;
    process.env.IDENTITY_HEADER = 'identity-header';
    globalThis.fetch = async (input, init) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      if (url.hostname !== 'login.microsoftonline.com') return realFetch(input, init);
      if ((init?.method ?? 'GET') !== 'POST') throw new TypeError('fetch failed');
      entraForms.push(new URLSearchParams(String(init?.body ?? '')));
      entraUrls.push(url.origin + url.pathname);
      return new Response(JSON.stringify({ token_type: 'Bearer', expires_in: 3599, access_token: 'bot-framework-token' }), { status: 200, headers: { 'Content-Type': 'application/json' } });
    };
  });

  afterAll(async () => {
    globalThis.fetch = realFetch;
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('asks the identity for api://AzureADTokenExchange and sends it to Entra as CLIENT_ID\'s client_assertion: no secret', async () => {
    const { adapter } = createBotAdapter({ mode: 'tenant', clientId, tenantId, credential: { kind: 'managedIdentity', clientId: identityClientId } });
    // What the adapter uses to reply: its default connection, made from the app's authConfig with the SDK's defaults.
    const token = await adapter.connectionManager.getDefaultConnection().getAccessToken('https://api.botframework.com');
    expect(token).toBe('bot-framework-token');
    expect(identityAsked.map((u) => Object.fromEntries(u.searchParams))).toEqual([{ 'api-version': '2019-08-01', resource: 'api://AzureADTokenExchange', client_id: identityClientId }]);
    expect(entraUrls).toEqual([`https://login.microsoftonline.com/${tenantId}/oauth2/v2.0/token`]);
    expect(Object.fromEntries(entraForms[0] ?? [])).toMatchObject({
      grant_type: 'client_credentials',
      client_id: clientId,
      scope: 'https://api.botframework.com/.default',
      client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
      client_assertion: 'managed-identity-assertion',
    });
    expect(entraForms[0]?.has('client_secret')).toBe(false);
  });
});
