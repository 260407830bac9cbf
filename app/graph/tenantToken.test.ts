import type { INetworkModule, NetworkResponse } from '@azure/msal-node';
import { GraphTokenError, tenantTokenSource } from './tenantToken';

const app = { tenantId: '11111111-1111-4111-8111-111111111111', clientId: '22222222-2222-4222-8222-222222222222', clientSecret: 'Secret~value~never~shown' };

/** Entra's HTTP as msal sees it: here, what a machine with no route to login.microsoftonline.com gets from fetch. */
const unreachable: INetworkModule = {
  sendGetRequestAsync: () => Promise.reject(new TypeError('fetch failed')),
  sendPostRequestAsync: () => Promise.reject(new TypeError('fetch failed')),
};

/** Entra answering the token request as it does for a wrong secret. */
const wrongSecret: INetworkModule = {
  sendGetRequestAsync: () => Promise.reject(new TypeError('fetch failed')),
  sendPostRequestAsync: <T>() =>
    Promise.resolve({
      status: 401,
      headers: {},
      body: { error: 'invalid_client', error_description: 'AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value.\r\nTrace ID: x', error_codes: [7000215] },
    } as unknown as NetworkResponse<T>),
};

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
    const error = await failure(tenantTokenSource(app, { networkClient: unreachable }));
    expect(error).toBeInstanceOf(GraphTokenError);
    expect(error.message).toMatch(/^Getting a Graph token for tenant 11111111-1111-4111-8111-111111111111 as client 22222222-2222-4222-8222-222222222222 failed \(network_error: /);
    expect(error.message).toContain('Most likely: the network.');
    expect(error.message).toContain('Check TENANT_ID, CLIENT_ID, CLIENT_SECRET (a current secret of that app registration), and the network: this machine must reach https://login.microsoftonline.com (firewall, proxy).');
    expect(error.message).not.toContain(app.clientSecret);
  });

  it('a secret Entra refuses points at CLIENT_SECRET, with Entra\'s code, and does not show the secret', async () => {
    const error = await failure(tenantTokenSource(app, { networkClient: wrongSecret }));
    expect(error.message).toContain('AADSTS7000215');
    expect(error.message).toContain('Most likely: CLIENT_SECRET (wrong or expired).');
    expect(error.message).not.toContain(app.clientSecret);
    expect(error.message).not.toContain('Trace ID');
  });
});
