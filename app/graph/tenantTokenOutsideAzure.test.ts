import type { INetworkModule } from '@azure/msal-node';
import { GraphTokenError, tenantTokenSource } from './tenantToken';

/** No IDENTITY_ENDPOINT here: msal-node falls back to the VM metadata endpoint, which a developer's machine does not answer. */
const noMetadataEndpoint: INetworkModule = {
  sendGetRequestAsync: () => Promise.reject(new TypeError('fetch failed')),
  sendPostRequestAsync: () => Promise.reject(new TypeError('fetch failed')),
};

describe('MANAGED_IDENTITY_CLIENT_ID outside Azure', () => {
  const saved = { IDENTITY_ENDPOINT: process.env.IDENTITY_ENDPOINT, IDENTITY_HEADER: process.env.IDENTITY_HEADER };
  afterAll(() => {
    for (const [name, value] of Object.entries(saved)) if (value !== undefined) process.env[name] = value;
  });

  it('says the managed identity works only in Azure and to use CLIENT_SECRET on a developer\'s machine', async () => {
    delete process.env.IDENTITY_ENDPOINT;
    delete process.env.IDENTITY_HEADER;
    const getToken = tenantTokenSource(
      { tenantId: '11111111-1111-4111-8111-111111111111', clientId: '22222222-2222-4222-8222-222222222222', credential: { kind: 'managedIdentity', clientId: '44444444-4444-4444-8444-444444444444' } },
      { networkClient: noMetadataEndpoint, managedIdentityNetworkClient: noMetadataEndpoint },
    );
    const error = await getToken().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(GraphTokenError);
    expect((error as Error).message).toContain('Most likely: the managed identity endpoint is unreachable: MANAGED_IDENTITY_CLIENT_ID works only in Azure');
    expect((error as Error).message).toContain('on a developer\'s machine use CLIENT_SECRET');
  });
});
