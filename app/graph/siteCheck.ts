import type { Client } from '@microsoft/microsoft-graph-client';
import { decodeJwt } from 'jose';
import { siteFromSurvey, type ProvisionedSite } from '../../graph/sharepoint/provision';
import { graphStatus } from '../../graph/sharepoint/graphErrors';
import { describeMissing, SiteAccessDenied, surveySite, type SiteAddress } from '../../graph/sharepoint/siteSurvey';

/** What the app found missing at start in a tenant: each entry names one list, column, index, library or permission, and what to do. */
export interface SiteCheck {
  checkedAt: string;
  missing: string[];
}

const provisionHint = 'run npm run provision';
/** Application permissions that open the site (Sites.Selected is the one provisioning grants). */
const siteRoles = ['Sites.Selected', 'Sites.ReadWrite.All', 'Sites.Manage.All', 'Sites.FullControl.All'];

/** The `roles` claim of an app-only token: the Graph application permissions granted. Undefined when the token is not a JWT. */
export function tokenRoles(token: string): string[] | undefined {
  try {
    const roles = decodeJwt(token).roles;
    return Array.isArray(roles) ? roles.filter((r): r is string => typeof r === 'string') : [];
  } catch {
    return undefined;
  }
}

const siteName = (address: SiteAddress): string => ('siteId' in address ? address.siteId : `${address.hostname}${address.path}`);

/**
 * Tenant mode at start: reads the site (the survey) and the service mailbox's calendar, creates
 * nothing (the app has `write` on the site: items and files, never lists), and names what is
 * missing. The app starts all the same; /healthz says "degraded" and /healthz/details what.
 */
export async function checkTenantSite(client: Client, address: SiteAddress, token: string, mailbox: string, now: () => Date = () => new Date()): Promise<{ site: ProvisionedSite; check: SiteCheck }> {
  const missing: string[] = [];
  const roles = tokenRoles(token);
  if (roles && !roles.some((r) => siteRoles.includes(r))) missing.push(`Graph application permission Sites.Selected is not granted to this app (admin consent): ${provisionHint}`);
  let site: ProvisionedSite;
  try {
    const survey = await surveySite(client, address);
    site = siteFromSurvey(survey);
    missing.push(...survey.missing.map((piece) => `${describeMissing(piece)} is missing: ${provisionHint}`));
  } catch (error) {
    if (!(error instanceof SiteAccessDenied)) throw error;
    missing.push(error.message);
    site = siteFromSurvey({ siteId: siteName(address), listIds: new Map(), columns: new Map(), drives: {}, missing: [] });
  }
  try {
    await client.api(`/users/${encodeURIComponent(mailbox)}/calendar`).select('id').get();
  } catch (error) {
    const status = graphStatus(error);
    if (status === 403) missing.push(`the service mailbox's calendar (${mailbox}) is refused: Exchange RBAC for Applications has no "Application Calendars.ReadWrite" scope covering it (see docs/deploy.md)`);
    else if (status === 404) missing.push(`the service mailbox ${mailbox} does not exist in this tenant (SERVICE_MAILBOX)`);
    else throw error;
  }
  return { site, check: { checkedAt: now().toISOString(), missing } };
}
