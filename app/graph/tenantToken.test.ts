import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from '@azure/msal-node';
import type { TenantCredential } from '../config';
import { GraphTokenError, tenantTokenSource } from './tenantToken';

const tenantId = '11111111-1111-4111-8111-111111111111';
const clientId = '22222222-2222-4222-8222-222222222222';
const secret = 'Secret~value~never~shown';
const withSecret = { tenantId, clientId, credential: { kind: 'secret', secret } as TenantCredential };

/** Entra's HTTP as msal sees it: here, what a machine with no route to login.microsoftonline.com gets from fetch. */
const unreachable: INetworkModule = {
  sendGetRequestAsync: () => Promise.reject(new TypeError('fetch failed')),
  sendPostRequestAsync: () => Promise.reject(new TypeError('fetch failed')),
};

const answer = <T>(status: number, body: unknown) => Promise.resolve({ status, headers: {}, body } as unknown as NetworkResponse<T>);

/** Entra answering the token request with `status` and `body`, keeping each request it was sent. */
const entra = (status: number, body: unknown) => {
  const posts: Array<{ url: string; form: URLSearchParams }> = [];
  const network: INetworkModule = {
    sendGetRequestAsync: () => Promise.reject(new TypeError('fetch failed')),
    sendPostRequestAsync: <T>(url: string, options?: NetworkRequestOptions) => {
      posts.push({ url, form: new URLSearchParams(options?.body ?? '') });
      return answer<T>(status, body);
    },
  };
  return { network, posts };
};

const graphToken = { token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: 'graph-access-token' };
const wrongSecretAnswer = { error: 'invalid_client', error_description: 'AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value.\r\nTrace ID: x', error_codes: [7000215] };

const failure = async (getToken: () => Promise<string>): Promise<Error> => {
  try {
    await getToken();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected getting a token to fail');
};

describe('Start-up messages are unclear: a failed Graph token', () => {
  it('names the step, the tenant and client ids, and the settings to check, instead of "network_error: fetch failed"', async () => {
    const error = await failure(tenantTokenSource(withSecret, { networkClient: unreachable }));
    expect(error).toBeInstanceOf(GraphTokenError);
    expect(error.message).toMatch(/^Getting a Graph token for tenant 11111111-1111-4111-8111-111111111111 as client 22222222-2222-4222-8222-222222222222 with its client secret failed \(network_error: /);
    expect(error.message).toContain('Most likely: the network.');
    expect(error.message).toContain('Check TENANT_ID, CLIENT_ID, CLIENT_SECRET (a current secret of that app registration), and the network: this machine must reach https://login.microsoftonline.com (firewall, proxy).');
    expect(error.message).not.toContain(secret);
  });

  it('a secret Entra refuses points at CLIENT_SECRET, with Entra\'s code, and does not show the secret', async () => {
    const error = await failure(tenantTokenSource(withSecret, { networkClient: entra(401, wrongSecretAnswer).network }));
    expect(error.message).toContain('AADSTS7000215');
    expect(error.message).toContain('Most likely: CLIENT_SECRET (wrong or expired).');
    expect(error.message).not.toContain(secret);
    expect(error.message).not.toContain('Trace ID');
  });

  it('with a secret, sends it as client_secret for the Graph scope', async () => {
    const { network, posts } = entra(200, graphToken);
    await expect(tenantTokenSource(withSecret, { networkClient: network })()).resolves.toBe('graph-access-token');
    expect(posts).toHaveLength(1);
    expect(posts[0]?.url).toMatch(new RegExp(`^https://login\\.microsoftonline\\.com/${tenantId}/oauth2/v2\\.0/token`));
    expect(Object.fromEntries(posts[0]?.form ?? [])).toMatchObject({ grant_type: 'client_credentials', client_id: clientId, client_secret: secret, scope: 'https://graph.microsoft.com/.default' });
    expect(posts[0]?.form.has('client_assertion')).toBe(false);
  });
});

/**
 * App Service's managed identity endpoint, played by a local server: msal-node finds it from
 * IDENTITY_ENDPOINT and IDENTITY_HEADER, as it does in Azure.
 */
describe('the managed identity as the app registration\'s credential (no secret)', () => {
  const identityHeader = 'header-value-app-service-sets';
  const requests: URL[] = [];
  const headers: Array<string | undefined> = [];
  /** Client ids of identities assigned to "this web app". */
  const assigned = new Set<string>();
  let server: Server;
  const saved = { endpoint: process.env.IDENTITY_ENDPOINT, header: process.env.IDENTITY_HEADER };

  beforeAll(async () => {
    server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      requests.push(url);
      headers.push(req.headers['x-identity-header'] as string | undefined);
      const id = url.searchParams.get('client_id') ?? '';
      res.setHeader('Content-Type', 'application/json');
      if (!assigned.has(id)) {
        res.statusCode = 400;
        res.end(JSON.stringify({ statusCode: 400, message: 'Unable to load the proper Managed Identity.', correlationId: 'c' }));
        return;
      }
      const expiresOn = Math.floor(Date.now() / 1000) + 3600;
      res.end(JSON.stringify({ access_token: `mi-token-for-${id}`, expires_on: String(expiresOn), resource: url.searchParams.get('resource'), token_type: 'Bearer', client_id: id }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    process.env.IDENTITY_ENDPOINT = `http://127.0.0.1:${(server.address() as AddressInfo).port}/msi/token`;
    process.env.IDENTITY_HEADER = identityHeader;
  });

  afterAll(async () => {
    if (saved.endpoint === undefined) delete process.env.IDENTITY_ENDPOINT;
    else process.env.IDENTITY_ENDPOINT = saved.endpoint;
    if (saved.header === undefined) delete process.env.IDENTITY_HEADER;
    else process.env.IDENTITY_HEADER = saved.header;
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const viaIdentity = (identityClientId: string) => ({ tenantId, clientId, credential: { kind: 'managedIdentity', clientId: identityClientId } as TenantCredential });

  it('asks the identity endpoint for a token for api://AzureADTokenExchange as the user-assigned identity, and sends it to Entra as client_assertion', async () => {
    const identity = '44444444-4444-4444-8444-444444444401';
    assigned.add(identity);
    const { network, posts } = entra(200, graphToken);
    await expect(tenantTokenSource(viaIdentity(identity), { networkClient: network })()).resolves.toBe('graph-access-token');

    expect(requests).toHaveLength(1);
    const asked = requests[0] as URL;
    expect(asked.pathname).toBe('/msi/token');
    expect(Object.fromEntries(asked.searchParams)).toEqual({ 'api-version': '2019-08-01', resource: 'api://AzureADTokenExchange', client_id: identity });
    expect(headers[0]).toBe(identityHeader);

    expect(posts).toHaveLength(1);
    expect(Object.fromEntries(posts[0]?.form ?? [])).toMatchObject({
      grant_type: 'client_credentials',
      client_id: clientId,
      scope: 'https://graph.microsoft.com/.default',
      client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
      client_assertion: `mi-token-for-${identity}`,
    });
    expect(posts[0]?.form.has('client_secret')).toBe(false);
  });

  it('an identity not assigned to the web app names MANAGED_IDENTITY_CLIENT_ID, and Entra is never asked', async () => {
    const { network, posts } = entra(200, graphToken);
    const error = await failure(tenantTokenSource(viaIdentity('44444444-4444-4444-8444-444444444402'), { networkClient: network }));
    expect(error).toBeInstanceOf(GraphTokenError);
    expect(error.message).toMatch(/^Getting a Graph token for tenant 11111111-1111-4111-8111-111111111111 as client 22222222-2222-4222-8222-222222222222 through the managed identity failed \(managed identity: /);
    expect(error.message).toContain('Unable to load the proper Managed Identity');
    expect(error.message).toContain('Most likely: MANAGED_IDENTITY_CLIENT_ID (not the client id of a managed identity assigned to this web app).');
    expect(error.message).toContain('Check TENANT_ID, CLIENT_ID, MANAGED_IDENTITY_CLIENT_ID');
    expect(error.message).not.toContain('CLIENT_SECRET');
    expect(posts).toHaveLength(0);
  });

  it('an app registration that does not trust the identity points at the federated credential and npm run provision', async () => {
    const identity = '44444444-4444-4444-8444-444444444403';
    assigned.add(identity);
    const refused = { error: 'invalid_client', error_description: 'AADSTS70021: No matching federated identity record found for presented assertion. Assertion Issuer: x.\r\nTrace ID: y', error_codes: [70021] };
    const error = await failure(tenantTokenSource(viaIdentity(identity), { networkClient: entra(401, refused).network }));
    expect(error.message).toContain('AADSTS70021');
    expect(error.message).toContain('Most likely: the federated credential: CLIENT_ID\'s app registration does not trust this managed identity (run npm run provision -- --managed-identity <its principal id>).');
    expect(error.message).not.toContain(`mi-token-for-${identity}`);
  });
});
