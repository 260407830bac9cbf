import { z } from 'zod';
import { asStep, type StepContext, type StepResult } from './steps';
import { microsoftGraphAppId, sitesSelectedRoleId } from './tenantIds';

const Principals = z.object({ value: z.array(z.object({ id: z.string(), appId: z.string(), appRoleAssignmentRequired: z.boolean().optional() })) });
const GraphPrincipal = z.object({ id: z.string(), appRoles: z.array(z.object({ id: z.string(), value: z.string().nullish() })).optional() });
const Assignments = z.object({ value: z.array(z.object({ id: z.string(), resourceId: z.string(), appRoleId: z.string() })) });
const Made = z.object({ id: z.string() });

/**
 * The app's service principal in this tenant, with `appRoleAssignmentRequired`: only people IT
 * assigned an app role get a token for the tab at all.
 */
export async function ensureServicePrincipal(ctx: StepContext, appId: string | undefined): Promise<StepResult<string | undefined>> {
  const step = 'service principal';
  return asStep(step, async () => {
    const found = appId ? Principals.parse(await ctx.client.api('/servicePrincipals').filter(`appId eq '${appId}'`).select('id,appId,appRoleAssignmentRequired').get()).value[0] : undefined;
    if (!found) {
      const changes = [{ kind: 'create' as const, what: `for ${appId ?? 'the new app registration'} (appRoleAssignmentRequired: true)` }];
      if (ctx.dryRun || !appId) return { step, changes, value: undefined };
      const made = Made.parse(await ctx.client.api('/servicePrincipals').post({ appId, appRoleAssignmentRequired: true }));
      return { step, changes, value: made.id };
    }
    if (found.appRoleAssignmentRequired === true) return { step, changes: [], value: found.id };
    if (!ctx.dryRun) await ctx.client.api(`/servicePrincipals/${found.id}`).patch({ appRoleAssignmentRequired: true });
    return { step, changes: [{ kind: 'update', what: `${found.id}: appRoleAssignmentRequired true` }], value: found.id };
  });
}

/**
 * Admin consent to Graph's Sites.Selected application permission: an app role assignment from
 * Microsoft Graph's service principal to the app's. Sites.Selected alone opens no site: the site
 * permission step grants the one site.
 */
export async function ensureSitesSelectedGrant(ctx: StepContext, principalId: string | undefined): Promise<StepResult<undefined>> {
  const step = 'Graph permission Sites.Selected';
  return asStep(step, async () => {
    const graph = GraphPrincipal.parse(await ctx.client.api(`/servicePrincipals(appId='${microsoftGraphAppId}')`).select('id,appRoles').get());
    const roleId = graph.appRoles?.find((r) => r.value === 'Sites.Selected')?.id ?? sitesSelectedRoleId;
    const assignments = principalId ? Assignments.parse(await ctx.client.api(`/servicePrincipals/${principalId}/appRoleAssignments`).get()).value : [];
    if (assignments.some((a) => a.resourceId.toLowerCase() === graph.id.toLowerCase() && a.appRoleId.toLowerCase() === roleId.toLowerCase())) return { step, changes: [], value: undefined };
    const changes = [{ kind: 'create' as const, what: 'admin consent: Microsoft Graph Sites.Selected (application) for the app' }];
    if (!ctx.dryRun && principalId) {
      await ctx.client.api(`/servicePrincipals/${principalId}/appRoleAssignments`).post({ principalId, resourceId: graph.id, appRoleId: roleId });
    }
    return { step, changes, value: undefined };
  });
}
