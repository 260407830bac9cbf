import { z } from 'zod';
import { fail, ok, type Result } from '../workflow/result';

/**
 * Every setting the product reads, as ONE zod schema over the environment. `parseConfig` is the
 * only reader of the environment; main.ts hands it `process.env` once at start-up. Each field's
 * `.describe()` text is what the README settings table shows (scripts/settings-table.ts).
 */

export const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof logLevels)[number];
const nodeEnvs = ['development', 'test', 'production'] as const;
const switches = ['on', 'off'] as const;

const portMessage = 'must be a whole number from 0 to 65535';
const port = z
  .string()
  .regex(/^\d+$/, { error: portMessage })
  .transform(Number)
  .pipe(z.number().max(65535, { error: portMessage }));

const perMinute = (what: string) =>
  z
    .string()
    .regex(/^[1-9]\d{0,6}$/, { error: `must be a whole number of ${what} a minute, from 1 to 9999999` })
    .transform(Number);

/** Limits that a person working fast never meets, but a runaway client or script does. */
export const defaultRateLimits = { perPersonPerMinute: 120, perAddressPerMinute: 600 } as const;

const hoursMessage = 'must be two London times HH:mm-HH:mm, the first before the second, e.g. 09:00-17:00';
const hours = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$/, { error: hoursMessage })
  // Only when both are times (else the pattern has already said so, once).
  .refine((v) => !/^\d\d:\d\d-\d\d:\d\d$/.test(v) || v.slice(0, 5) < v.slice(6), { error: hoursMessage });
const hoursOf = (v: string) => ({ start: v.slice(0, 5), end: v.slice(6) });
const bookingModes = ['propose', 'auto'] as const;

const guid = (what: string) => z.guid({ error: `must be a GUID (the ${what} from the Entra app registration)` });
const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });

export const settingsShape = {
  PORT: port.default(3978).describe('TCP port the web server (bot endpoint, tab, health check) listens on. 0 picks a free port.'),
  LOG_LEVEL: z
    .enum(logLevels, { error: `must be one of ${logLevels.join(', ')}` })
    .default('info').describe('Lowest level written to the JSON log.'),
  NODE_ENV: z
    .enum(nodeEnvs, { error: `must be one of ${nodeEnvs.join(', ')}` })
    .default('development')
    .describe('Runtime environment. Use production in Azure.'),
  DATA_DIR: z
    .string()
    .min(1)
    .default('./.data')
    .describe('Folder for local state: the embedded Graph database and its certificate.'),
  CLOCK_NOW: z
    .iso.datetime({ offset: true, error: 'must be an ISO 8601 instant, e.g. 2025-09-15T09:00:00Z' })
    .optional()
    .describe('Sets the clock to this instant at start-up, for local runs and demos. Leave unset in production.'),

  TENANT_ID: guid('directory (tenant) id')
    .optional()
    .describe('Tenant mode: Entra directory (tenant) id. Set all tenant settings or none (none = embedded Graph).'),
  CLIENT_ID: guid('application (client) id')
    .optional()
    .describe('Tenant mode: application (client) id of the one Outreach Cases app registration (made by npm run provision): the bot, the tab\'s sign-in and the Graph client.'),
  MANAGED_IDENTITY_CLIENT_ID: z
    .guid({ error: 'must be a GUID (the client id of the user-assigned managed identity, shown in the Azure portal and in the Bicep outputs)' })
    .optional()
    .describe('Tenant mode in Azure: client id of the user-assigned managed identity the app registration trusts (federated credential). The app signs in as CLIENT_ID with it: no secret. Set this or CLIENT_SECRET, not both.'),
  CLIENT_SECRET: z
    .string()
    .min(1)
    .optional()
    .describe('Tenant mode on a developer\'s machine against a test tenant only: a client secret of CLIENT_ID\'s app registration. In Azure use MANAGED_IDENTITY_CLIENT_ID instead; not both.'),
  SITE_ID: z
    .string()
    .min(1)
    .optional()
    .describe('Tenant mode: SharePoint site id holding the lists and the Case Files library. Or give SITE_HOSTNAME and SITE_PATH.'),
  SITE_HOSTNAME: z
    .string()
    .regex(/^[a-z0-9.-]+$/i, { error: 'must be a host name such as contoso.sharepoint.com' })
    .optional()
    .describe('Tenant mode: SharePoint host name, e.g. contoso.sharepoint.com (with SITE_PATH, instead of SITE_ID).'),
  SITE_PATH: z
    .string()
    .regex(/^\/\S*$/, { error: 'must start with /, e.g. /sites/outreach' })
    .optional()
    .describe('Tenant mode: server-relative site path, e.g. /sites/outreach (with SITE_HOSTNAME).'),
  SERVICE_NAME: z.string().trim().min(1).default('Outreach Service').describe('The service\'s name, shown in letters and mail subjects.'),
  SERVICE_MAILBOX: z
    .string()
    .trim()
    .min(1)
    .default('outreach@outreach.example.org')
    .describe('Mailbox (user id or address) that letters and notifications are sent from (Graph sendMail).'),
  EVALUATION_FORM_URL: z
    .url({ protocol: /^https$/, error: 'must be an https URL, e.g. https://forms.office.com/r/...' })
    .optional()
    .describe('The school evaluation form online (e.g. a Microsoft Form): its link is mailed at case end and term end. Unset: the evaluation form is made from its template and attached.'),
  GRAPH_EMULATOR_URL: httpUrl
    .optional()
    .describe('Use an already running embedded Graph at this URL instead of starting one. Not with tenant settings.'),
  PLAYGROUND: z
    .enum(switches, { error: `must be one of ${switches.join(', ')}` })
    .default('on')
    .describe('With the embedded Graph, also start the Microsoft 365 Agents Playground (a local Teams-like chat) against the bot. Never started in tenant mode.'),
  PLAYGROUND_PORT: port
    .default(56150)
    .describe('Port of the Agents Playground page (http://localhost:<port>); if taken, the Playground picks another and /healthz/details (on this machine only) says which.'),
  PLAYGROUND_WORKER_PORT: port
    .default(56151)
    .describe('Port of a second Agents Playground, as the demo deputy manager Rhiannon Whitlock, who approves the contracts drafted in the first window (their author may not); if taken, another is picked and /healthz/details (on this machine only) says which.'),
  DEMO_HISTORY: z
    .enum(switches, { error: `must be one of ${switches.join(', ')}` })
    .default('on')
    .describe('With the embedded Graph, a new data folder (no cases yet) gets a fictional history of cases: the academic year before today\'s and this one up to today. off: start with no cases. Never in tenant mode.'),
  RATE_LIMIT_PER_PERSON: perMinute('requests')
    .default(defaultRateLimits.perPersonPerMinute)
    .describe('Requests a minute one person (the Entra user of an activity) may send to the bot; beyond it a card click answers a card asking them to wait, a message gets one "wait N seconds" reply, and anything else HTTP 429 with Retry-After.'),
  RATE_LIMIT_PER_ADDRESS: perMinute('requests')
    .default(defaultRateLimits.perAddressPerMinute)
    .describe('Requests a minute from one network address to /api/...; beyond it HTTP 429 with Retry-After. Behind a proxy (App Service\'s front end) every request has the same address, so this is a ceiling for the whole service.'),
  REFERENCE_REFRESH_SECONDS: z
    .string()
    .regex(/^[1-9]\d{0,4}$/, { error: 'must be a whole number of seconds, from 1 to 99999' })
    .transform(Number)
    .default(60)
    .describe('Staff, Schools, Purchases and conversation references are read once and kept in the app; a change made in SharePoint by hand shows within this many seconds (one cheap check of the list\'s item versions per interval). Changes made through the app show at once.'),
  TEAM_CHANNEL_ID: z
    .string()
    .trim()
    .min(1)
    .optional()
    .describe('The Teams channel (its id, e.g. 19:...@thread.tacv2) where new referrals, allocations and contract decisions are posted, by case reference only; add the app to that team first. With the Playground, its Referrals channel. Unset: no channel posts.'),
  JOBS: z
    .enum(switches, { error: `must be one of ${switches.join(', ')}` })
    .default('on')
    .describe('Runs the jobs that are due (the missed check-out alert, Teams links read again) once a minute in this instance. Several instances may run them: each job goes to one. off: this instance only serves.'),
  BOOKING_MODE: z
    .enum(bookingModes, { error: `must be one of ${bookingModes.join(', ')}` })
    .default('propose')
    .describe('propose: allocating a case offers the worker three times for the initial school meeting; auto: it books the first free one outright (the worker can move it). Approving a contract always books the review on its agreed date.'),
  SCHOOL_HOURS: hours
    .default('08:45-15:15')
    .describe('When school meetings, contract meetings and reviews may be booked (London time), e.g. 08:45-15:15.'),
  WORKING_HOURS: hours
    .default('09:00-17:00')
    .describe('When home visits and Teams calls with parents may be booked (London time), e.g. 09:00-17:00.'),
  TRAVEL_BUFFER_MINUTES: z
    .string()
    .regex(/^\d{1,3}$/, { error: 'must be a whole number of minutes, from 0 to 999' })
    .transform(Number)
    .default(30)
    .describe('Minutes kept free before and after a home visit, for travel.'),
  APPLICATIONINSIGHTS_CONNECTION_STRING: z
    .string()
    .regex(/(^|;)\s*InstrumentationKey=[0-9a-f-]{36}\s*(;|$)/i, { error: 'must be an Application Insights connection string: InstrumentationKey=…;IngestionEndpoint=…' })
    .optional()
    .describe('Application Insights connection string (Bicep sets it in Azure): requests, Graph calls and errors are sent there, scrubbed of any child data, signed in as the managed identity. Unset: no telemetry.'),
  TEAMS_APP_ID: guid('Teams app id: any GUID, fixed for the life of the app')
    .default('6f0c3a52-8d1e-4b7a-9c35-2e41d07b9a18')
    .describe('Packaging (npm run package): the Teams app id in the manifest.'),
  PUBLIC_HOSTNAME: z
    .string()
    .regex(/^[a-z0-9.-]+$/i, { error: 'must be a host name such as outreach.azurewebsites.net' })
    .optional()
    .describe('Packaging (npm run package): the host name Teams reaches the app on, e.g. outreach.azurewebsites.net. Required to package, with CLIENT_ID.'),
} as const;

export type SettingName = keyof typeof settingsShape;
const credentialSettings = ['MANAGED_IDENTITY_CLIENT_ID', 'CLIENT_SECRET'] as const satisfies readonly SettingName[];
const tenantCore = ['TENANT_ID', 'CLIENT_ID'] as const satisfies readonly SettingName[];
const siteSettings = ['SITE_ID', 'SITE_HOSTNAME', 'SITE_PATH'] as const satisfies readonly SettingName[];
const tenantSettings = [...tenantCore, ...credentialSettings, ...siteSettings] as const;
const credentialChoice = 'MANAGED_IDENTITY_CLIENT_ID (in Azure) or CLIENT_SECRET (a developer\'s machine against a test tenant)';

/**
 * Settings the product no longer reads. Setting one refuses to start, saying what replaced it,
 * rather than being ignored (a deployment that still sets it was made for an older version).
 */
export const removedSettings: Readonly<Record<string, string>> = {
  BOT_ID:
    'is no longer read: the bot is now CLIENT_ID\'s app registration (one app registration is the bot, the tab\'s sign-in and the Graph client). Remove BOT_ID.',
  BOT_PASSWORD:
    'is no longer read: the bot signs in as CLIENT_ID\'s app registration with MANAGED_IDENTITY_CLIENT_ID (Azure, no secret) or CLIENT_SECRET. Remove BOT_PASSWORD.',
};

type Settings = z.output<z.ZodObject<typeof settingsShape>>;

/** Which required tenant settings are absent, given that at least one tenant setting is present. */
const missingTenantSettings = (s: Settings): string[] => {
  const missing: string[] = tenantCore.filter((name) => s[name] === undefined);
  if (present(s, credentialSettings).length === 0) missing.push(credentialChoice);
  if (s.SITE_ID === undefined) {
    if (s.SITE_HOSTNAME === undefined && s.SITE_PATH === undefined) missing.push('SITE_ID (or SITE_HOSTNAME and SITE_PATH)');
    else if (s.SITE_HOSTNAME === undefined) missing.push('SITE_HOSTNAME');
    else if (s.SITE_PATH === undefined) missing.push('SITE_PATH');
  }
  return missing;
};

const present = (s: Settings, names: readonly SettingName[]) => names.filter((n) => s[n] !== undefined);

const checkCombinations = (s: Settings, ctx: z.RefinementCtx) => {
  if (present(s, tenantSettings).length === 0) return;
  const missing = missingTenantSettings(s);
  if (missing.length > 0) {
    ctx.addIssue({
      code: 'custom',
      path: ['tenant settings'],
      message: `incomplete, missing ${missing.join(', ')}. Set all of them, or none to use the embedded Graph.`,
    });
  }
  if (present(s, credentialSettings).length === credentialSettings.length) {
    ctx.addIssue({
      code: 'custom',
      path: ['tenant credential'],
      message: `MANAGED_IDENTITY_CLIENT_ID and CLIENT_SECRET are both set: set exactly one, ${credentialChoice}.`,
    });
  }
  if (s.GRAPH_EMULATOR_URL !== undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['GRAPH_EMULATOR_URL'],
      message: 'cannot be combined with tenant settings: choose a tenant or the embedded Graph.',
    });
  }
};

/** How the app proves it is CLIENT_ID's app registration: a secret (a developer's test tenant) or the managed identity it trusts. */
export type TenantCredential = { kind: 'secret'; secret: string } | { kind: 'managedIdentity'; clientId: string };

export type GraphSettings =
  /** CLIENT_ID is the one app registration: the bot, the tab's token audience and the Graph client. */
  | { mode: 'tenant'; tenantId: string; clientId: string; credential: TenantCredential; site: SiteLocator }
  | { mode: 'embedded'; emulatorUrl?: string };
export type SiteLocator = { siteId: string } | { hostname: string; path: string };

export interface Config {
  port: number;
  logLevel: LogLevel;
  nodeEnv: (typeof nodeEnvs)[number];
  dataDir: string;
  clockNow?: string;
  graph: GraphSettings;
  service: { name: string; mailbox: string; evaluationFormUrl?: string };
  /** The local Teams client to start (embedded Graph and PLAYGROUND=on only). */
  playground?: { port: number; workerPort: number };
  /** Where case events are posted for the team (reference only). */
  teamChannel?: { channelId: string };
  rateLimits: RateLimits;
  /** How often the cached reference lists (Staff, Schools, Purchases) are checked for changes made by hand. */
  referenceRefreshSeconds: number;
  /** Whether this instance runs the jobs that are due. */
  jobs: boolean;
  /** Embedded Graph only: a new data folder gets the fictional demo history of cases. */
  demoHistory: boolean;
  /** Application Insights (app/telemetry): only when its connection string is set. */
  /** Sent signed in as the managed identity (Application Insights takes Entra-authenticated telemetry only). */
  telemetry?: { connectionString: string; managedIdentityClientId?: string };
  booking: { mode: (typeof bookingModes)[number]; schoolHours: { start: string; end: string }; workingHours: { start: string; end: string }; travelBufferMinutes: number };
}

/** Requests a minute, per person (bot activities) and per network address (everything under /api). */
export interface RateLimits {
  perPersonPerMinute: number;
  perAddressPerMinute: number;
}

const toConfig = (s: Settings): Config => {
  const credential = credentialOf(s);
  const graph: GraphSettings =
    s.TENANT_ID && s.CLIENT_ID && credential
      ? {
          mode: 'tenant',
          tenantId: s.TENANT_ID,
          clientId: s.CLIENT_ID,
          credential,
          site: s.SITE_ID ? { siteId: s.SITE_ID } : { hostname: s.SITE_HOSTNAME ?? '', path: s.SITE_PATH ?? '' },
        }
      : { mode: 'embedded', ...(s.GRAPH_EMULATOR_URL ? { emulatorUrl: s.GRAPH_EMULATOR_URL } : {}) };
  return {
    port: s.PORT,
    logLevel: s.LOG_LEVEL,
    nodeEnv: s.NODE_ENV,
    dataDir: s.DATA_DIR,
    ...(s.CLOCK_NOW ? { clockNow: s.CLOCK_NOW } : {}),
    graph,
    service: { name: s.SERVICE_NAME, mailbox: s.SERVICE_MAILBOX, ...(s.EVALUATION_FORM_URL ? { evaluationFormUrl: s.EVALUATION_FORM_URL } : {}) },
    ...(graph.mode === 'embedded' && s.PLAYGROUND === 'on' ? { playground: { port: s.PLAYGROUND_PORT, workerPort: s.PLAYGROUND_WORKER_PORT } } : {}),
    ...teamChannelOf(s, graph.mode),
    rateLimits: { perPersonPerMinute: s.RATE_LIMIT_PER_PERSON, perAddressPerMinute: s.RATE_LIMIT_PER_ADDRESS },
    referenceRefreshSeconds: s.REFERENCE_REFRESH_SECONDS,
    jobs: s.JOBS === 'on',
    demoHistory: graph.mode === 'embedded' && s.DEMO_HISTORY === 'on',
    ...(s.APPLICATIONINSIGHTS_CONNECTION_STRING ? { telemetry: telemetryOf(s.APPLICATIONINSIGHTS_CONNECTION_STRING, credential) } : {}),
    booking: { mode: s.BOOKING_MODE, schoolHours: hoursOf(s.SCHOOL_HOURS), workingHours: hoursOf(s.WORKING_HOURS), travelBufferMinutes: s.TRAVEL_BUFFER_MINUTES },
  };
};

/** Exactly one is set once the combinations are checked. */
function credentialOf(s: Settings): TenantCredential | undefined {
  if (s.MANAGED_IDENTITY_CLIENT_ID) return { kind: 'managedIdentity', clientId: s.MANAGED_IDENTITY_CLIENT_ID };
  return s.CLIENT_SECRET ? { kind: 'secret', secret: s.CLIENT_SECRET } : undefined;
}

const telemetryOf = (connectionString: string, credential: TenantCredential | undefined): NonNullable<Config['telemetry']> => ({
  connectionString,
  ...(credential?.kind === 'managedIdentity' ? { managedIdentityClientId: credential.clientId } : {}),
});

/** The Playground's team has one channel, Referrals (see .m365agentsplayground.yml): the local default. */
export const playgroundChannelId = 'playground-channel-referrals';

function teamChannelOf(s: Settings, mode: GraphSettings['mode']): Pick<Config, 'teamChannel'> {
  if (s.TEAM_CHANNEL_ID) return { teamChannel: { channelId: s.TEAM_CHANNEL_ID } };
  return mode === 'embedded' && s.PLAYGROUND === 'on' ? { teamChannel: { channelId: playgroundChannelId } } : {};
}

export const configSchema = z.object(settingsShape).superRefine(checkCombinations).transform(toConfig);

/** One bad setting: its name and what is wrong (never its value, which may be a secret). */
export interface ConfigProblem {
  setting: string;
  message: string;
}

/** Only the product's settings, with empty values treated as unset (an `X=` line in a shell or .env). */
const relevantSettings = (env: Readonly<Record<string, string | undefined>>) =>
  Object.fromEntries(Object.keys(settingsShape).flatMap((name) => (env[name] ? [[name, env[name]]] : [])));

export const parseConfig = (env: Readonly<Record<string, string | undefined>>): Result<Config, ConfigProblem[]> => {
  const removed = Object.entries(removedSettings).flatMap(([setting, message]) => (env[setting] ? [{ setting, message }] : []));
  const parsed = configSchema.safeParse(relevantSettings(env));
  if (parsed.success && removed.length === 0) return ok(parsed.data);
  const problems = parsed.success ? [] : parsed.error.issues.map((issue) => ({ setting: String(issue.path[0] ?? '(settings)'), message: issue.message }));
  return fail([...removed, ...problems]);
};

export const formatConfigProblems = (problems: readonly ConfigProblem[]): string =>
  ['Invalid configuration:', ...problems.map((p) => `  ${p.setting}: ${p.message}`)].join('\n');
