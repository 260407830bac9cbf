import { ConfidentialClientApplication, ManagedIdentityApplication, type INetworkModule } from '@azure/msal-node';
import type { TenantCredential } from '../config';

/** CLIENT_ID's app registration in TENANT_ID, and how the app proves it is that registration. */
export interface TenantApp {
  tenantId: string;
  clientId: string;
  credential: TenantCredential;
}

/** The audience Entra requires of a token used as a federated credential (the app registration's trust names it). */
export const tokenExchangeAudience = 'api://AzureADTokenExchange';

/** Getting the managed identity's own token failed: before Entra was asked for the app registration's token. */
class ManagedIdentityTokenError extends Error {
  override readonly name = 'ManagedIdentityTokenError';
}

type Cause = [RegExp, string];

/** What is most likely wrong, from Entra's error code (AADSTS...) or the kind of failure, per credential. */
const likelyCauses: Record<TenantCredential['kind'], readonly Cause[]> = {
  secret: [
    [/AADSTS7000215|AADSTS7000222|invalid_client/i, 'CLIENT_SECRET (wrong or expired)'],
    [/AADSTS700016|unauthorized_client/i, 'CLIENT_ID (no such application in this tenant)'],
    [/AADSTS90002|AADSTS900023|invalid_tenant/i, 'TENANT_ID (no such tenant)'],
    [/network|fetch failed|ENOTFOUND|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EAI_AGAIN/i, 'the network'],
  ],
  managedIdentity: [
    [/^managed identity:.*(network|fetch failed|ECONNREFUSED|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH)/i, 'the managed identity endpoint is unreachable: MANAGED_IDENTITY_CLIENT_ID works only in Azure (App Service sets IDENTITY_ENDPOINT and IDENTITY_HEADER); on a developer\'s machine use CLIENT_SECRET'],
    [/^managed identity:/i, 'MANAGED_IDENTITY_CLIENT_ID (not the client id of a managed identity assigned to this web app)'],
    [/AADSTS70021|AADSTS700211|AADSTS700212|AADSTS700213|AADSTS700222|AADSTS70025/i, 'the federated credential: CLIENT_ID\'s app registration does not trust this managed identity (run npm run provision -- --managed-identity <its principal id>)'],
    [/AADSTS700016|unauthorized_client/i, 'CLIENT_ID (no such application in this tenant)'],
    [/AADSTS90002|AADSTS900023|invalid_tenant/i, 'TENANT_ID (no such tenant)'],
    [/network|fetch failed|ENOTFOUND|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EAI_AGAIN/i, 'the network'],
  ],
};

const settingsToCheck: Record<TenantCredential['kind'], string> = {
  secret: 'Check TENANT_ID, CLIENT_ID, CLIENT_SECRET (a current secret of that app registration), and the network: this machine must reach https://login.microsoftonline.com (firewall, proxy).',
  managedIdentity:
    'Check TENANT_ID, CLIENT_ID, MANAGED_IDENTITY_CLIENT_ID (the client id of the user-assigned managed identity given to this web app), that CLIENT_ID\'s app registration has a federated credential trusting that identity (npm run provision -- --managed-identity <principal id>), and the network: this machine must reach https://login.microsoftonline.com.',
};

/** Why a Graph token could not be had: the step, the tenant and client ids, the settings to check. Never the secret. */
export class GraphTokenError extends Error {
  override readonly name = 'GraphTokenError';
  constructor(
    readonly tenantId: string,
    readonly clientId: string,
    readonly credential: TenantCredential['kind'],
    cause: unknown,
  ) {
    const reason = cause instanceof ManagedIdentityTokenError ? `managed identity: ${cause.message}` : reasonOf(cause);
    const likely = likelyCauses[credential].find(([pattern]) => pattern.test(reason))?.[1];
    const how = credential === 'secret' ? 'with its client secret' : 'through the managed identity';
    super(
      `Getting a Graph token for tenant ${tenantId} as client ${clientId} ${how} failed (${reason}).${likely ? ` Most likely: ${likely}.` : ''} ${settingsToCheck[credential]}`,
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

export interface TokenSourceOptions {
  /** Replaces msal's HTTP client towards Entra (tests: no network). */
  networkClient?: INetworkModule;
  /** Replaces msal's HTTP client towards the managed identity endpoint. */
  managedIdentityNetworkClient?: INetworkModule;
}

/**
 * The managed identity's token for the token-exchange audience: the assertion that proves to Entra
 * that this is the app registration trusting the identity. In App Service, msal reads the endpoint
 * from IDENTITY_ENDPOINT and IDENTITY_HEADER; msal caches the token and renews it.
 */
export function managedIdentityAssertion(identityClientId: string, networkClient?: INetworkModule): () => Promise<string> {
  const identity = new ManagedIdentityApplication({
    managedIdentityIdParams: { userAssignedClientId: identityClientId },
    ...(networkClient ? { system: { networkClient } } : {}),
  });
  return async () => {
    try {
      const { accessToken } = await identity.acquireToken({ resource: tokenExchangeAudience });
      if (!accessToken) throw new Error('the managed identity endpoint answered without a token');
      return accessToken;
    } catch (error) {
      throw new ManagedIdentityTokenError(reasonOf(error), { cause: error });
    }
  };
}

/**
 * App-only tokens for Graph in a tenant (client credentials) as CLIENT_ID's app registration,
 * proved by its secret or by the managed identity's token (a federated credential: no secret).
 * msal-node caches and renews them.
 */
export function tenantTokenSource(app: TenantApp, options: TokenSourceOptions = {}): () => Promise<string> {
  const { tenantId, clientId, credential } = app;
  const proof =
    credential.kind === 'secret'
      ? { clientSecret: credential.secret }
      : { clientAssertion: managedIdentityAssertion(credential.clientId, options.managedIdentityNetworkClient) };
  const msal = new ConfidentialClientApplication({
    auth: { clientId, ...proof, authority: `https://login.microsoftonline.com/${tenantId}` },
    ...(options.networkClient ? { system: { networkClient: options.networkClient } } : {}),
  });
  return async () => {
    let accessToken: string | undefined;
    try {
      accessToken = (await msal.acquireTokenByClientCredential({ scopes: ['https://graph.microsoft.com/.default'] }))?.accessToken;
    } catch (error) {
      throw new GraphTokenError(tenantId, clientId, credential.kind, error);
    }
    if (!accessToken) throw new GraphTokenError(tenantId, clientId, credential.kind, new Error('Entra answered without an access token'));
    return accessToken;
  };
}
