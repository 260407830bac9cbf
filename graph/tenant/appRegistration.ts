import { z } from 'zod';
import { asStep, isNotFound, type PlannedChange, type StepContext, type StepResult } from './steps';
import { holds } from './sameShape';
import { accessAsUserScopeId, APP_DISPLAY_NAME, APP_UNIQUE_NAME, appRoleIds, microsoftGraphAppId, sitesSelectedRoleId, teamsClientIds } from './tenantIds';

/** The tab's delegated scope (tab/server/tabAuth.ts checks the same name; tests hold the two together). */
export const tabScope = 'access_as_user';

const Application = z.object({ id: z.string(), appId: z.string() }).catchall(z.unknown());
export type AppRegistration = { id: string; appId: string } | undefined;

const roleDescriptions: Record<keyof typeof appRoleIds, string> = {
  Manager: 'Runs the service: allocates cases, approves contracts, sees every case and the figures.',
  Admin: 'Administers the service: staff, schools, prices, term dates; sees the site check.',
  Worker: 'Works the cases allocated to them.',
  DSL: 'Designated safeguarding lead: sees every safeguarding concern.',
};

/** Everything the registration holds but its identifier URI (which needs the appId Entra gives it). */
export function wantedApplication(): Record<string, unknown> {
  return {
    displayName: APP_DISPLAY_NAME,
    signInAudience: 'AzureADMyOrg',
    appRoles: Object.entries(appRoleIds).map(([value, id]) => ({
      id, value, displayName: value, description: roleDescriptions[value as keyof typeof appRoleIds], allowedMemberTypes: ['User'], isEnabled: true,
    })),
    api: {
      requestedAccessTokenVersion: 2,
      oauth2PermissionScopes: [{
        id: accessAsUserScopeId, value: tabScope, type: 'User', isEnabled: true,
        adminConsentDisplayName: 'Use Outreach Cases as the signed-in user',
        adminConsentDescription: 'Lets Teams sign the user in to the Outreach Cases tab.',
        userConsentDisplayName: 'Use Outreach Cases as you',
        userConsentDescription: 'Lets Teams sign you in to the Outreach Cases tab.',
      }],
      preAuthorizedApplications: teamsClientIds.map((appId) => ({ appId, delegatedPermissionIds: [accessAsUserScopeId] })),
    },
    requiredResourceAccess: [{ resourceAppId: microsoftGraphAppId, resourceAccess: [{ id: sitesSelectedRoleId, type: 'Role' }] }],
  };
}

export const identifierUriOf = (publicHostname: string, appId: string): string => `api://${publicHostname}/botid-${appId}`;

/**
 * The one app registration (bot, tab SSO audience, app roles, Graph client), made or brought up to
 * date: `PATCH /applications(uniqueName='outreach-cases')` with `Prefer: create-if-missing`, then
 * its identifier URI once its appId is known. No secret, no redirect URI.
 */
export async function ensureAppRegistration(ctx: StepContext, publicHostname: string): Promise<StepResult<AppRegistration>> {
  const step = 'app registration';
  return asStep(step, async () => {
    const path = `/applications(uniqueName='${APP_UNIQUE_NAME}')`;
    const existing = await ctx.client.api(path).get().then((b: unknown) => Application.parse(b), (error: unknown) => {
      if (isNotFound(error)) return undefined;
      throw error;
    });
    const wanted = wantedApplication();
    if (!existing) {
      const change = (appId: string): PlannedChange[] => [{ kind: 'create', what: `${APP_DISPLAY_NAME} (uniqueName ${APP_UNIQUE_NAME}): app roles ${Object.keys(appRoleIds).join(', ')}, scope ${tabScope}, Teams clients pre-authorised, Graph Sites.Selected requested, identifier URI ${identifierUriOf(publicHostname, appId)}` }];
      if (ctx.dryRun) return { step, changes: change('<appId>'), value: undefined };
      const made = Application.parse(await ctx.client.api(path).header('Prefer', 'create-if-missing').patch(wanted));
      await ctx.client.api(`/applications/${made.id}`).patch({ identifierUris: [identifierUriOf(publicHostname, made.appId)] });
      return { step, changes: change(made.appId), value: { id: made.id, appId: made.appId } };
    }
    const target = { ...wanted, identifierUris: [identifierUriOf(publicHostname, existing.appId)] };
    const differing = Object.fromEntries(Object.entries(target).filter(([key, value]) => !holds(existing[key], value)));
    const names = Object.keys(differing);
    const value = { id: existing.id, appId: existing.appId };
    if (names.length === 0) return { step, changes: [], value };
    if (!ctx.dryRun) await ctx.client.api(`/applications/${existing.id}`).patch(differing);
    return { step, changes: [{ kind: 'update', what: `${APP_DISPLAY_NAME} (appId ${existing.appId}): ${names.join(', ')}` }], value };
  });
}
