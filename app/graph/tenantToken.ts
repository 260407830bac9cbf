import { ConfidentialClientApplication } from '@azure/msal-node';

/** App-only tokens for Graph in a tenant (client credentials); msal-node caches and renews them. */
export function tenantTokenSource(tenantId: string, clientId: string, clientSecret: string): () => Promise<string> {
  const app = new ConfidentialClientApplication({
    auth: { clientId, clientSecret, authority: `https://login.microsoftonline.com/${tenantId}` },
  });
  return async () => {
    const result = await app.acquireTokenByClientCredential({ scopes: ['https://graph.microsoft.com/.default'] });
    if (!result?.accessToken) throw new Error('Entra did not return a Graph token for the app registration');
    return result.accessToken;
  };
}
