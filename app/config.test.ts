import { formatConfigProblems, parseConfig, type ConfigProblem } from './config';

const tenant = {
  TENANT_ID: '11111111-1111-4111-8111-111111111111',
  CLIENT_ID: '22222222-2222-4222-8222-222222222222',
  CLIENT_SECRET: 'secret-value-123',
  SITE_HOSTNAME: 'example.sharepoint.com',
  SITE_PATH: '/sites/outreach',
};
const identityClientId = '44444444-4444-4444-8444-444444444444';
/** Tenant mode as Azure runs it: the managed identity instead of a secret. */
const { CLIENT_SECRET: _secret, ...inAzure } = { ...tenant, MANAGED_IDENTITY_CLIENT_ID: identityClientId };

const problemsOf = (env: Record<string, string | undefined>): ConfigProblem[] => {
  const result = parseConfig(env);
  if (result.ok) throw new Error('expected the configuration to be rejected');
  return result.error;
};

describe('config defaults', () => {
  it('an empty environment runs locally on port 3978 with the embedded Graph', () => {
    expect(parseConfig({})).toEqual({
      ok: true,
      value: {
        port: 3978,
        logLevel: 'info',
        nodeEnv: 'development',
        dataDir: './.data',
        graph: { mode: 'embedded' },
        service: { name: 'Outreach Service', mailbox: 'outreach@outreach.example.org' },
        playground: { port: 56150, workerPort: 56151 },
        teamChannel: { channelId: 'playground-channel-referrals' },
        rateLimits: { perPersonPerMinute: 120, perAddressPerMinute: 600 },
        referenceRefreshSeconds: 60,
        jobs: true,
        demoHistory: true,
        booking: { mode: 'propose', schoolHours: { start: '08:45', end: '15:15' }, workingHours: { start: '09:00', end: '17:00' }, travelBufferMinutes: 30 },
      },
    });
  });

  it('reads the booking settings', () => {
    const result = parseConfig({ BOOKING_MODE: 'auto', SCHOOL_HOURS: '08:30-15:00', WORKING_HOURS: '08:00-18:00', TRAVEL_BUFFER_MINUTES: '45' });
    expect(result.ok && result.value.booking).toEqual({ mode: 'auto', schoolHours: { start: '08:30', end: '15:00' }, workingHours: { start: '08:00', end: '18:00' }, travelBufferMinutes: 45 });
  });

  it('posts to the channel TEAM_CHANNEL_ID names; without the Playground and without it, to none', () => {
    const named = parseConfig({ TEAM_CHANNEL_ID: '19:abc@thread.tacv2', PLAYGROUND: 'off' });
    expect(named.ok && named.value.teamChannel).toEqual({ channelId: '19:abc@thread.tacv2' });
    const none = parseConfig({ PLAYGROUND: 'off' });
    expect(none.ok && none.value.teamChannel).toBeUndefined();
  });

  it('treats empty values as unset and ignores unrelated variables', () => {
    const result = parseConfig({ PORT: '', TENANT_ID: '', HOME: '/root' });
    expect(result.ok && result.value.port).toBe(3978);
    expect(result.ok && result.value.graph).toEqual({ mode: 'embedded' });
  });

  it('reads the clock instant, data folder and log level when given', () => {
    const result = parseConfig({ CLOCK_NOW: '2025-09-15T09:00:00Z', DATA_DIR: '/tmp/x', LOG_LEVEL: 'debug', PORT: '0' });
    expect(result.ok && result.value).toMatchObject({ clockNow: '2025-09-15T09:00:00Z', dataDir: '/tmp/x', logLevel: 'debug', port: 0 });
  });

  it('points at an already running emulator when GRAPH_EMULATOR_URL is set', () => {
    const result = parseConfig({ GRAPH_EMULATOR_URL: 'https://localhost:8443' });
    expect(result.ok && result.value.graph).toEqual({ mode: 'embedded', emulatorUrl: 'https://localhost:8443' });
  });
});

describe('invalid settings are named', () => {
  it.each(['abc', '70000', '-1', '3.5'])('PORT=%s is rejected naming PORT', (port) => {
    const problems = problemsOf({ PORT: port });
    expect(problems).toEqual([{ setting: 'PORT', message: 'must be a whole number from 0 to 65535' }]);
  });

  it('lists every bad setting, one line each', () => {
    const problems = problemsOf({ PORT: 'x', LOG_LEVEL: 'loud', CLOCK_NOW: 'tomorrow', NODE_ENV: 'staging' });
    expect(problems.map((p) => p.setting).sort()).toEqual(['CLOCK_NOW', 'LOG_LEVEL', 'NODE_ENV', 'PORT']);
    const text = formatConfigProblems(problems);
    expect(text.split('\n')[0]).toBe('Invalid configuration:');
    expect(text).toMatch(/^ {2}LOG_LEVEL: must be one of fatal, error, warn, info, debug, trace, silent$/m);
  });

  it('names bad booking settings: hours back to front or not times, a mode it does not know', () => {
    const problems = problemsOf({ SCHOOL_HOURS: '15:15-08:45', WORKING_HOURS: '9-5', BOOKING_MODE: 'sometimes', TRAVEL_BUFFER_MINUTES: '-5' });
    expect(problems.map((p) => p.setting).sort()).toEqual(['BOOKING_MODE', 'SCHOOL_HOURS', 'TRAVEL_BUFFER_MINUTES', 'WORKING_HOURS']);
    expect(problems.find((p) => p.setting === 'SCHOOL_HOURS')?.message).toMatch(/the first before the second/);
  });

  it('reads the online evaluation form (https only) into the service', () => {
    const result = parseConfig({ EVALUATION_FORM_URL: 'https://forms.office.com/r/abc123' });
    expect(result.ok && result.value.service).toEqual({ name: 'Outreach Service', mailbox: 'outreach@outreach.example.org', evaluationFormUrl: 'https://forms.office.com/r/abc123' });
    expect(problemsOf({ EVALUATION_FORM_URL: 'http://forms.example.org/x' })[0]?.setting).toBe('EVALUATION_FORM_URL');
  });

  it('rejects a non-http emulator URL', () => {
    expect(problemsOf({ GRAPH_EMULATOR_URL: 'ftp://localhost' })).toEqual([
      { setting: 'GRAPH_EMULATOR_URL', message: 'must be an http(s) URL' },
    ]);
  });
});

describe('tenant settings are all or nothing', () => {
  it('a complete tenant configuration with a secret selects tenant mode: CLIENT_ID is the bot, the tab and the Graph client', () => {
    const result = parseConfig(tenant);
    expect(result.ok && result.value.graph).toEqual({
      mode: 'tenant',
      tenantId: tenant.TENANT_ID,
      clientId: tenant.CLIENT_ID,
      credential: { kind: 'secret', secret: tenant.CLIENT_SECRET },
      site: { hostname: 'example.sharepoint.com', path: '/sites/outreach' },
    });
    expect(result.ok && 'bot' in result.value).toBe(false);
  });

  it('with MANAGED_IDENTITY_CLIENT_ID instead of a secret, tenant mode signs in through the managed identity', () => {
    const result = parseConfig(inAzure);
    expect(result.ok && result.value.graph).toEqual({
      mode: 'tenant',
      tenantId: tenant.TENANT_ID,
      clientId: tenant.CLIENT_ID,
      credential: { kind: 'managedIdentity', clientId: identityClientId },
      site: { hostname: 'example.sharepoint.com', path: '/sites/outreach' },
    });
    expect(result.ok && result.value.playground).toBeUndefined();
  });

  it('a managed identity client id that is not a GUID is named', () => {
    expect(problemsOf({ ...inAzure, MANAGED_IDENTITY_CLIENT_ID: 'my-identity' })).toEqual([
      { setting: 'MANAGED_IDENTITY_CLIENT_ID', message: expect.stringMatching(/^must be a GUID \(the client id of the user-assigned managed identity/) },
    ]);
  });

  it('both credentials at once are refused, naming them', () => {
    expect(problemsOf({ ...tenant, MANAGED_IDENTITY_CLIENT_ID: identityClientId })).toEqual([
      {
        setting: 'tenant credential',
        message:
          "MANAGED_IDENTITY_CLIENT_ID and CLIENT_SECRET are both set: set exactly one, MANAGED_IDENTITY_CLIENT_ID (in Azure) or CLIENT_SECRET (a developer's machine against a test tenant).",
      },
    ]);
  });

  it('no credential at all is refused, naming both choices', () => {
    const { CLIENT_SECRET: _s, ...rest } = tenant;
    expect(problemsOf(rest)).toEqual([
      {
        setting: 'tenant settings',
        message:
          "incomplete, missing MANAGED_IDENTITY_CLIENT_ID (in Azure) or CLIENT_SECRET (a developer's machine against a test tenant). Set all of them, or none to use the embedded Graph.",
      },
    ]);
  });

  it('SITE_ID may stand in for SITE_HOSTNAME and SITE_PATH', () => {
    const { SITE_HOSTNAME: _h, SITE_PATH: _p, ...rest } = tenant;
    const result = parseConfig({ ...rest, SITE_ID: 'example.sharepoint.com,abc,def' });
    expect(result.ok && result.value.graph).toMatchObject({ mode: 'tenant', site: { siteId: 'example.sharepoint.com,abc,def' } });
  });

  it('a partial tenant configuration names the missing settings', () => {
    const problems = problemsOf({ TENANT_ID: tenant.TENANT_ID, SITE_HOSTNAME: tenant.SITE_HOSTNAME });
    expect(problems).toEqual([
      {
        setting: 'tenant settings',
        message:
          "incomplete, missing CLIENT_ID, MANAGED_IDENTITY_CLIENT_ID (in Azure) or CLIENT_SECRET (a developer's machine against a test tenant), SITE_PATH. Set all of them, or none to use the embedded Graph.",
      },
    ]);
  });

  it('a credential alone counts as a tenant setting: the rest is named', () => {
    expect(problemsOf({ MANAGED_IDENTITY_CLIENT_ID: identityClientId })[0]?.message).toBe(
      'incomplete, missing TENANT_ID, CLIENT_ID, SITE_ID (or SITE_HOSTNAME and SITE_PATH). Set all of them, or none to use the embedded Graph.',
    );
  });

  it('names the site as missing when no way to find it is given', () => {
    const { SITE_HOSTNAME: _h, SITE_PATH: _p, ...rest } = tenant;
    expect(problemsOf(rest)[0]?.message).toContain('missing SITE_ID (or SITE_HOSTNAME and SITE_PATH)');
  });

  it('a tenant and an emulator URL together are rejected', () => {
    expect(problemsOf({ ...tenant, GRAPH_EMULATOR_URL: 'http://localhost:8443' }).map((p) => p.setting)).toEqual(['GRAPH_EMULATOR_URL']);
  });

  it('never echoes secret values in the message', () => {
    const text = formatConfigProblems(problemsOf({ CLIENT_SECRET: tenant.CLIENT_SECRET, BOT_PASSWORD: 'bot-secret-456' }));
    expect(text).not.toContain(tenant.CLIENT_SECRET);
    expect(text).not.toContain('bot-secret-456');
  });
});

describe('BOT_ID and BOT_PASSWORD are removed: the bot is CLIENT_ID', () => {
  const oldBot = { BOT_ID: '33333333-3333-4333-8333-333333333333', BOT_PASSWORD: 'bot-secret-456' };

  it('a tenant configuration that still sets them refuses to start, saying the bot is now CLIENT_ID and to remove them', () => {
    const text = formatConfigProblems(problemsOf({ ...inAzure, ...oldBot }));
    expect(text).toBe(
      'Invalid configuration:\n' +
        "  BOT_ID: is no longer read: the bot is now CLIENT_ID's app registration (one app registration is the bot, the tab's sign-in and the Graph client). Remove BOT_ID.\n" +
        "  BOT_PASSWORD: is no longer read: the bot signs in as CLIENT_ID's app registration with MANAGED_IDENTITY_CLIENT_ID (Azure, no secret) or CLIENT_SECRET. Remove BOT_PASSWORD.",
    );
    expect(text).not.toContain(oldBot.BOT_PASSWORD);
  });

  it.each([['BOT_ID', { BOT_ID: oldBot.BOT_ID }], ['BOT_PASSWORD', { BOT_PASSWORD: oldBot.BOT_PASSWORD }]])('%s alone, even without a tenant, is refused too', (name, env) => {
    expect(problemsOf(env)).toEqual([{ setting: name, message: expect.stringMatching(new RegExp(`^is no longer read: .*Remove ${name}\\.$`)) }]);
  });

  it('is named alongside any other problem', () => {
    expect(problemsOf({ BOT_ID: oldBot.BOT_ID, PORT: 'x' }).map((p) => p.setting)).toEqual(['BOT_ID', 'PORT']);
  });

  it('an empty value (an "X=" line) is unset, as for every setting', () => {
    expect(parseConfig({ ...inAzure, BOT_ID: '', BOT_PASSWORD: '' }).ok).toBe(true);
  });
});

describe('rate limits', () => {
  it('are read per minute, per person and per address', () => {
    const result = parseConfig({ RATE_LIMIT_PER_PERSON: '30', RATE_LIMIT_PER_ADDRESS: '5000' });
    expect(result.ok && result.value.rateLimits).toEqual({ perPersonPerMinute: 30, perAddressPerMinute: 5000 });
  });

  it.each(['0', '-5', '1.5', 'lots'])('RATE_LIMIT_PER_PERSON=%s is refused, naming the setting', (value) => {
    expect(problemsOf({ RATE_LIMIT_PER_PERSON: value })).toEqual([
      { setting: 'RATE_LIMIT_PER_PERSON', message: 'must be a whole number of requests a minute, from 1 to 9999999' },
    ]);
  });
});
