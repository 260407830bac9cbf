import { graphPorts } from '../../graph/graphPorts';
import type { ProvisionedSite } from '../../graph/sharepoint/provision';
import { ensureAppRegistration } from '../../graph/tenant/appRegistration';
import { ensureFederatedCredential } from '../../graph/tenant/federatedCredential';
import { ensureServicePrincipal, ensureSitesSelectedGrant } from '../../graph/tenant/servicePrincipal';
import { ensureSitePermission } from '../../graph/tenant/sitePermission';
import type { StepContext, StepResult } from '../../graph/tenant/steps';
import { ensureTeamsApp } from '../../graph/tenant/teamsCatalog';
import { fillClosedMonths } from '../../workflow';
import type { ProvisionOptions } from './provisionOptions';
import type { ProvisionGraph } from './provisionGraph';
import { ensureSite, surveyForProvisioning } from './siteStep';
import { teamsPackage } from './teamsPackage';

/** One line per step (or per change): `✓ step: unchanged`, `+ step: created …`, `~ step: updated …`, `would create …` in a dry run. */
export function progressLine(result: StepResult<unknown>, dryRun: boolean): string[] {
  if (result.changes.length === 0) return [`✓ ${result.step}: unchanged`];
  return result.changes.map((c) => {
    const mark = c.kind === 'create' ? '+' : '~';
    const verb = dryRun ? `would ${c.kind}` : c.kind === 'create' ? 'created' : 'updated';
    return `${mark} ${result.step}: ${verb} ${c.what}`;
  });
}

/**
 * Every step in order, each reading what is there first and changing only what differs: a second
 * run makes no change and no write. Answers the number of changes made (or, in a dry run, to make).
 */
export async function runProvision(graph: ProvisionGraph, options: ProvisionOptions, say: (line: string) => void): Promise<{ changes: number; appId?: string }> {
  const ctx: StepContext = { client: graph.client, dryRun: options.dryRun };
  let changes = 0;
  const report = <T>(result: StepResult<T>): T => {
    changes += result.changes.length;
    for (const line of progressLine(result, options.dryRun)) say(line);
    return result.value;
  };
  const application = report(await ensureAppRegistration(ctx, options.publicHostname));
  const principalId = report(await ensureServicePrincipal(ctx, application?.appId));
  report(await ensureSitesSelectedGrant(ctx, principalId));
  if (options.managedIdentity) report(await ensureFederatedCredential(ctx, application, graph.tenantId, options.managedIdentity));
  const survey = await surveyForProvisioning(graph.client, graph.site);
  report(await ensureSitePermission(ctx, survey.siteId, application?.appId));
  const migrate = async (site: ProvisionedSite) => {
    const ports = graphPorts(graph.client, site, options.mailbox);
    await fillClosedMonths({ stores: ports.stores });
    await ports.jobs.fillDueAt();
  };
  report(await ensureSite(graph.client, survey, options.dryRun, migrate));
  const pkg = await teamsPackage({ ...(options.packageFile ? { packageFile: options.packageFile } : {}), appId: application?.appId, publicHostname: options.publicHostname, teamsAppId: options.teamsAppId });
  report(await ensureTeamsApp(ctx, options.teamsAppId, pkg.version, pkg.zip));
  return { changes, ...(application ? { appId: application.appId } : {}) };
}
