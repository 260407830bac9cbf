import { ConfidentialClientApplication, type INetworkModule } from '@azure/msal-node';

export interface TenantApp {
  tenantId: string;
  clientId: string;
  clientSecret: string;
}

/** What is most likely wrong, from Entra's error code (AADSTS...) or the kind of failure. */
const likelyCauses: ReadonlyArray<[RegExp, string]> = [
  [/AADSTS7000215|AADSTS7000222|invalid_client/i, 'CLIENT_SECRET (wrong or expired)'],
  [/AADSTS700016|unauthorized_client/i, 'CLIENT_ID (no such application in this tenant)'],
  [/AADSTS90002|AADSTS900023|invalid_tenant/i, 'TENANT_ID (no such tenant)'],
  [/network|fetch failed|ENOTFOUND|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EAI_AGAIN/i, 'the network'],
];

/** Why a Graph token could not be had: the step, the tenant and client ids, the settings to check. Never the secret. */
export class GraphTokenError extends Error {
  override readonly name = 'GraphTokenError';
  constructor(
    readonly tenantId: string,
    readonly clientId: string,
    cause: unknown,
  ) {
    const reason = reasonOf(cause);
    const likely = likelyCauses.find(([pattern]) => pattern.test(reason))?.[1];
    super(
      `Getting a Graph token for tenant ${tenantId} as client ${clientId} failed (${reason}).${likely ? ` Most likely: ${likely}.` : ''}` +
        ' Check TENANT_ID, CLIENT_ID, CLIENT_SECRET (a current secret of that app registration), and the network: this machine must reach https://login.microsoftonline.com (firewall, proxy).',
      { cause },
    );
  }
}

/** msal's code and first line (its messages go on with trace and correlation ids). */
function reasonOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { errorCode?: unknown }).errorCode;
  const first = (error.message.split('\n')[0] ?? '').trim().slice(0, 300).replace(/\.+$/, '');
  return typeof code === 'string' && code !== '' && !first.startsWith(code) ? `${code}: ${first}` : first;
}

/**
 * App-only tokens for Graph in a tenant (client credentials); msal-node caches and renews them.
 * `networkClient` replaces msal's HTTP client (tests: no network).
 */
export function tenantTokenSource(app: TenantApp, options: { networkClient?: INetworkModule } = {}): () => Promise<string> {
  const { tenantId, clientId, clientSecret } = app;
  const msal = new ConfidentialClientApplication({
    auth: { clientId, clientSecret, authority: `https://login.microsoftonline.com/${tenantId}` },
    ...(options.networkClient ? { system: { networkClient: options.networkClient } } : {}),
  });
  return async () => {
    let accessToken: string | undefined;
    try {
      accessToken = (await msal.acquireTokenByClientCredential({ scopes: ['https://graph.microsoft.com/.default'] }))?.accessToken;
    } catch (error) {
      throw new GraphTokenError(tenantId, clientId, error);
    }
    if (!accessToken) throw new GraphTokenError(tenantId, clientId, new Error('Entra answered without an access token'));
    return accessToken;
  };
}
