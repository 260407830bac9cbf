import { z } from 'zod';
import { asStep, type StepContext, type StepResult } from './steps';

const TeamsApps = z.object({
  value: z.array(z.object({ id: z.string(), externalId: z.string().nullish(), appDefinitions: z.array(z.object({ version: z.string() })).nullish() })),
});

/**
 * The Teams app package in the organisation's catalogue: published when the catalogue has no app
 * with this manifest id, a new definition when its version is not the package's.
 */
export async function ensureTeamsApp(ctx: StepContext, teamsAppId: string, version: string, zip: () => Promise<Buffer>): Promise<StepResult<undefined>> {
  const step = 'Teams app';
  return asStep(step, async () => {
    const found = TeamsApps.parse(await ctx.client.api('/appCatalogs/teamsApps').filter(`externalId eq '${teamsAppId}'`).expand('appDefinitions').get()).value[0];
    const versions = found?.appDefinitions?.map((d) => d.version) ?? [];
    if (found && versions.includes(version)) return { step, changes: [], value: undefined };
    const upload = async (path: string) => ctx.client.api(path).header('Content-Type', 'application/zip').post(await zip());
    if (!found) {
      if (!ctx.dryRun) await upload('/appCatalogs/teamsApps');
      return { step, changes: [{ kind: 'create', what: `${teamsAppId} version ${version} in the organisation's catalogue` }], value: undefined };
    }
    if (!ctx.dryRun) await upload(`/appCatalogs/teamsApps/${found.id}/appDefinitions`);
    return { step, changes: [{ kind: 'update', what: `${teamsAppId}: version ${version} (catalogue has ${versions.at(-1) ?? 'none'})` }], value: undefined };
  });
}
