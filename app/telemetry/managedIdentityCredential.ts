import { ManagedIdentityApplication } from '@azure/msal-node';
import type { AzureMonitorExporterOptions } from '@azure/monitor-opentelemetry-exporter';

/** What the exporter asks for a token with (an @azure/core-auth TokenCredential). */
export type TokenCredential = NonNullable<AzureMonitorExporterOptions['credential']>;

/** `https://monitor.azure.com/.default` → `https://monitor.azure.com/`: a managed identity asks for a resource, not scopes. */
export function resourceOfScopes(scopes: string | string[]): string {
  const scope = Array.isArray(scopes) ? scopes[0] : scopes;
  if (!scope) throw new Error('No scope was asked for: cannot tell which resource the token is for.');
  return scope.endsWith('/.default') ? scope.slice(0, -'.default'.length) : scope;
}

/**
 * Application Insights has local authentication off, so the exporter signs in to ingestion with
 * Entra as the app's user-assigned managed identity, through msal-node (already the app's Entra
 * library) rather than @azure/identity. msal-node caches the token and renews it before it expires.
 */
export function managedIdentityCredential(userAssignedClientId: string): TokenCredential {
  const identity = new ManagedIdentityApplication({ managedIdentityIdParams: { userAssignedClientId } });
  return {
    async getToken(scopes) {
      const result = await identity.acquireToken({ resource: resourceOfScopes(scopes) });
      return { token: result.accessToken, expiresOnTimestamp: result.expiresOn?.getTime() ?? Date.now() + 5 * 60_000 };
    },
  };
}
