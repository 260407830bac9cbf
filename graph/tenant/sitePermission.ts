import { z } from 'zod';
import { asStep, type StepContext, type StepResult } from './steps';
import { APP_DISPLAY_NAME } from './tenantIds';

const Identity = z.object({ application: z.object({ id: z.string() }).nullish() });
const Permissions = z.object({ value: z.array(z.object({ id: z.string(), grantedToIdentitiesV2: z.array(Identity).nullish(), grantedToIdentities: z.array(Identity).nullish() })) });
const Permission = z.object({ id: z.string(), roles: z.array(z.string()).nullish() });

/**
 * `write` for the app on the one site (what Sites.Selected opens): items and files, never list
 * definitions. The list of a site's permissions leaves out their roles, so the app's is read on its own.
 */
export async function ensureSitePermission(ctx: StepContext, siteId: string, appId: string | undefined): Promise<StepResult<undefined>> {
  const step = 'site permission';
  return asStep(step, async () => {
    const granted = appId
      ? Permissions.parse(await ctx.client.api(`/sites/${siteId}/permissions`).get()).value.find((p) =>
          [...(p.grantedToIdentitiesV2 ?? []), ...(p.grantedToIdentities ?? [])].some((i) => i.application?.id.toLowerCase() === appId.toLowerCase()))
      : undefined;
    if (granted) {
      const roles = Permission.parse(await ctx.client.api(`/sites/${siteId}/permissions/${granted.id}`).get()).roles ?? [];
      if (roles.includes('write')) return { step, changes: [], value: undefined };
      if (!ctx.dryRun) await ctx.client.api(`/sites/${siteId}/permissions/${granted.id}`).patch({ roles: ['write'] });
      return { step, changes: [{ kind: 'update', what: `write (was ${roles.join(', ') || 'none'}) for ${appId} on ${siteId}` }], value: undefined };
    }
    if (!ctx.dryRun && appId) {
      await ctx.client.api(`/sites/${siteId}/permissions`).post({ roles: ['write'], grantedToIdentities: [{ application: { id: appId, displayName: APP_DISPLAY_NAME } }] });
    }
    return { step, changes: [{ kind: 'create', what: `write for ${appId ?? 'the new app registration'} on ${siteId}` }], value: undefined };
  });
}
