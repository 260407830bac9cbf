import { PublicClientApplication, type AccountInfo } from '@azure/msal-node';

/** The delegated permissions provisioning asks the administrator for (each step's need is in graph/tenant/steps.ts). */
export const provisioningScopes = ['Application.ReadWrite.All', 'AppRoleAssignment.ReadWrite.All', 'Sites.FullControl.All', 'AppCatalog.ReadWrite.All'].map(
  (p) => `https://graph.microsoft.com/${p}`,
);

/**
 * Signs an administrator in with a device code (the code and the address to enter it at are written
 * to `say`), then hands out their Graph token, renewed silently by msal.
 */
export function adminSignIn(tenantId: string, clientId: string, say: (line: string) => void): () => Promise<string> {
  const msal = new PublicClientApplication({ auth: { clientId, authority: `https://login.microsoftonline.com/${tenantId}` } });
  let account: AccountInfo | null = null;
  return async () => {
    if (account) {
      const renewed = await msal.acquireTokenSilent({ account, scopes: provisioningScopes });
      return renewed.accessToken;
    }
    const result = await msal.acquireTokenByDeviceCode({ scopes: provisioningScopes, deviceCodeCallback: (response) => say(response.message) });
    if (!result) throw new Error('Entra answered the device code sign-in without a token');
    account = result.account;
    return result.accessToken;
  };
}
