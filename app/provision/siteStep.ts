import type { Client } from '@microsoft/microsoft-graph-client';
import { columnsOf, lists } from '../../graph/sharepoint/listDefinitions';
import { applySite, type ProvisionedSite } from '../../graph/sharepoint/provision';
import { describeMissing, SiteAccessDenied, surveySite, type MissingPiece, type SiteAddress, type SiteSurvey } from '../../graph/sharepoint/siteSurvey';
import { asStep, StepRefused, stepNeeds, type PlannedChange, type StepResult } from '../../graph/tenant/steps';

/** The site as it is, read once (its id serves the site permission step). */
export async function surveyForProvisioning(client: Client, site: SiteAddress): Promise<SiteSurvey> {
  try {
    return await asStep('lists and libraries', () => surveySite(client, site));
  } catch (error) {
    if (error instanceof SiteAccessDenied) throw new StepRefused('lists and libraries', stepNeeds['lists and libraries'], error);
    throw error;
  }
}

/**
 * The lists, columns, indexes and libraries: every missing piece is a change; the site's schema
 * marker too when everything is there but the marker is not current (items to bring up to date).
 */
export async function ensureSite(
  client: Client,
  survey: SiteSurvey,
  dryRun: boolean,
  migrate: (site: ProvisionedSite) => Promise<void>,
): Promise<StepResult<undefined>> {
  const step = 'lists and libraries';
  const changes: PlannedChange[] = survey.missing.map((piece) => ({ kind: piece.kind === 'index' ? 'update' : 'create', what: describeChange(piece) }));
  if (changes.length === 0 && !survey.schemaItem?.current) changes.push({ kind: survey.schemaItem ? 'update' : 'create', what: 'SiteSchema marker (existing items brought up to the list definitions)' });
  if (changes.length > 0 && !dryRun) await asStep(step, () => applySite(client, survey, undefined, migrate));
  return { step, changes, value: undefined };
}

/** A list to create, with the columns it is made with (the indexed ones said so), so a dry run shows every column and index. */
function describeChange(piece: MissingPiece): string {
  const definition = piece.kind === 'list' ? Object.values(lists).find((l) => l.displayName === piece.list) : undefined;
  if (!definition) return describeMissing(piece);
  const columns = columnsOf(definition).map((c) => (c.indexed ? `${c.name} (indexed)` : c.name));
  return `${describeMissing(piece)}: columns ${columns.join(', ')}`;
}
