import { z } from 'zod';
import { settingsShape } from '../config';
import type { SiteAddress } from '../../graph/sharepoint/siteSurvey';

/** Microsoft Graph Command Line Tools: a public client every tenant has, used to sign the admin in (device code). */
export const defaultSignInClientId = '14d82eec-204b-4c2f-b7e8-296a70dab67e';

export type ProvisionTarget =
  | { mode: 'embedded'; dataDir: string; emulatorUrl?: string }
  /** `rehearsal`: the tenant's settings, but Graph is an embedded Graph already running with that data folder (tests; no sign-in). */
  | { mode: 'tenant'; tenantId: string; site: SiteAddress; signInClientId: string; rehearsal?: string };

export interface ProvisionOptions {
  target: ProvisionTarget;
  dryRun: boolean;
  managedIdentity?: string;
  packageFile?: string;
  publicHostname: string;
  teamsAppId: string;
  mailbox: string;
}

const env = z.object({
  TENANT_ID: settingsShape.TENANT_ID,
  SITE_ID: settingsShape.SITE_ID,
  SITE_HOSTNAME: settingsShape.SITE_HOSTNAME,
  SITE_PATH: settingsShape.SITE_PATH,
  PUBLIC_HOSTNAME: settingsShape.PUBLIC_HOSTNAME,
  TEAMS_APP_ID: settingsShape.TEAMS_APP_ID,
  DATA_DIR: settingsShape.DATA_DIR,
  GRAPH_EMULATOR_URL: settingsShape.GRAPH_EMULATOR_URL,
  SERVICE_MAILBOX: settingsShape.SERVICE_MAILBOX,
});

const guid = (flag: string) => z.guid({ error: `${flag} must be a GUID` });
const flags = z.object({
  dryRun: z.boolean(),
  managedIdentity: guid('--managed-identity (the managed identity\'s principal (object) id, a Bicep output)').optional(),
  packageFile: z.string().min(1).optional(),
  signInClientId: guid('--sign-in-client-id').default(defaultSignInClientId),
  graphEmulator: z.string().min(1).optional(),
});

export const usage = `Usage: npm run provision -- [--dry-run] [--managed-identity <principalId>] [--package <zip>] [--sign-in-client-id <guid>]
  With no tenant settings: the embedded Graph in DATA_DIR. With TENANT_ID, SITE_ID (or SITE_HOSTNAME and SITE_PATH) and
  PUBLIC_HOSTNAME: the tenant, signed in as an administrator with a device code.`;

/** Reads the flags and the settings; problems are returned in words (never a value: none is secret here, but alike with the app). */
export function parseProvisionOptions(argv: readonly string[], environment: Readonly<Record<string, string | undefined>>): { ok: true; value: ProvisionOptions } | { ok: false; problems: string[] } {
  const problems: string[] = [];
  const valueOf = (flag: string): string | undefined => {
    const at = argv.indexOf(flag);
    if (at < 0) return undefined;
    const value = argv[at + 1];
    if (value === undefined || value.startsWith('--')) problems.push(`${flag} needs a value`);
    return value;
  };
  const known = new Set(['--dry-run', '--managed-identity', '--package', '--sign-in-client-id', '--graph-emulator']);
  argv.forEach((arg, i) => {
    if (arg.startsWith('--') && !known.has(arg)) problems.push(`unknown option ${arg}`);
    else if (!arg.startsWith('--') && !['--managed-identity', '--package', '--sign-in-client-id', '--graph-emulator'].includes(argv[i - 1] ?? '')) problems.push(`unexpected argument ${arg}`);
  });
  const parsedFlags = flags.safeParse({
    dryRun: argv.includes('--dry-run'),
    managedIdentity: valueOf('--managed-identity'),
    packageFile: valueOf('--package'),
    signInClientId: valueOf('--sign-in-client-id'),
    graphEmulator: valueOf('--graph-emulator'),
  });
  const parsedEnv = env.safeParse(Object.fromEntries(Object.keys(env.shape).flatMap((name) => (environment[name] ? [[name, environment[name]]] : []))));
  if (!parsedFlags.success) problems.push(...parsedFlags.error.issues.map((i) => i.message));
  if (!parsedEnv.success) problems.push(...parsedEnv.error.issues.map((i) => `${String(i.path[0])}: ${i.message}`));
  if (!parsedFlags.success || !parsedEnv.success || problems.length > 0) return { ok: false, problems };
  const s = parsedEnv.data;
  const f = parsedFlags.data;
  const tenantGiven = [s.TENANT_ID, s.SITE_ID, s.SITE_HOSTNAME, s.SITE_PATH].some((v) => v !== undefined);
  const common = {
    dryRun: f.dryRun,
    ...(f.managedIdentity ? { managedIdentity: f.managedIdentity } : {}),
    ...(f.packageFile ? { packageFile: f.packageFile } : {}),
    teamsAppId: s.TEAMS_APP_ID,
    mailbox: s.SERVICE_MAILBOX,
  };
  if (!tenantGiven) {
    if (f.graphEmulator) return { ok: false, problems: ['--graph-emulator rehearses a tenant: set TENANT_ID and the site settings too'] };
    const target: ProvisionTarget = { mode: 'embedded', dataDir: s.DATA_DIR, ...(s.GRAPH_EMULATOR_URL ? { emulatorUrl: s.GRAPH_EMULATOR_URL } : {}) };
    return { ok: true, value: { ...common, target, publicHostname: s.PUBLIC_HOSTNAME ?? 'localhost' } };
  }
  const missing = [
    ...(s.TENANT_ID ? [] : ['TENANT_ID']),
    ...(s.SITE_ID || (s.SITE_HOSTNAME && s.SITE_PATH) ? [] : ['SITE_ID (or SITE_HOSTNAME and SITE_PATH)']),
    ...(s.PUBLIC_HOSTNAME ? [] : ['PUBLIC_HOSTNAME (the host name Teams reaches the app on: the tab\'s identifier URI and the package need it)']),
  ];
  if (missing.length > 0 || !s.TENANT_ID || !s.PUBLIC_HOSTNAME) return { ok: false, problems: [`tenant settings incomplete, missing ${missing.join(', ')}`] };
  const site: SiteAddress = s.SITE_ID ? { siteId: s.SITE_ID } : { hostname: s.SITE_HOSTNAME ?? '', path: s.SITE_PATH ?? '' };
  const target: ProvisionTarget = { mode: 'tenant', tenantId: s.TENANT_ID, site, signInClientId: f.signInClientId, ...(f.graphEmulator ? { rehearsal: f.graphEmulator } : {}) };
  return { ok: true, value: { ...common, target, publicHostname: s.PUBLIC_HOSTNAME } };
}
