import { parseConfig, settingsShape, type SettingName } from '../../app/config';
import { literalsIn, nameValuePairs, readInfra, stringLiteral } from './bicep';

/**
 * The web app's settings in main.bicep against the one config schema (app/config.ts): what the
 * schema requires in tenant mode is decided by parsing, never by a list copied here.
 */

const files = readInfra();
const main = files.find((f) => f.file === 'main.bicep');
const settings = nameValuePairs(main?.vars.get('appSettings') ?? '[]');
const paramsOfMain = new Map((main?.params ?? []).map((p) => [p.name, p]));

/**
 * Tenant mode asks for these today; the managed identity replaces them (issue 18, part 3 "Tenant
 * mode without secrets"), so the templates never set them. When the schema stops requiring one,
 * a test below fails: take it out of this list then.
 */
const secretsTheIdentityReplaces = ['CLIENT_SECRET', 'BOT_PASSWORD'] as const satisfies readonly SettingName[];

/** Values of the right shape for settings whose value is only known in Azure (fictional). */
const samples: Partial<Record<SettingName, string>> = {
  TENANT_ID: '11111111-2222-4333-8444-555555555555',
  CLIENT_ID: '66666666-7777-4888-9999-000000000000',
  BOT_ID: '66666666-7777-4888-9999-000000000000',
  SITE_HOSTNAME: 'contoso.sharepoint.com',
  SITE_PATH: '/sites/outreach',
  SERVICE_MAILBOX: 'outreach@contoso.example',
  CLIENT_SECRET: 'sample-secret-the-identity-replaces',
  BOT_PASSWORD: 'sample-password-the-identity-replaces',
  APPLICATIONINSIGHTS_CONNECTION_STRING: 'InstrumentationKey=0f5d6a1e-3b7c-4d2a-9e8f-1a2b3c4d5e6f;IngestionEndpoint=https://uksouth-1.in.applicationinsights.azure.com/;ApplicationId=2b3c4d5e-6f70-4182-93a4-b5c6d7e8f901',
};

/** Settings of App Service itself, not of the app. */
const isPlatformSetting = (name: string) => /^(WEBSITE_|SCM_)/.test(name);
const isAppSetting = (name: string): name is SettingName => name in settingsShape;

/** The value App Service would get: a literal as written, a parameter's default, or a sample. */
function sampleValue(name: string, expression: string): string {
  const literal = stringLiteral(expression);
  if (literal !== undefined) return literal;
  const param = paramsOfMain.get(expression.trim());
  const byDefault = param?.defaultValue === undefined ? undefined : stringLiteral(param.defaultValue);
  if (byDefault !== undefined) return byDefault;
  const sample = isAppSetting(name) ? samples[name] : undefined;
  if (sample === undefined) throw new Error(`${name} = ${expression}: add a sample value of its shape to tests/infra/appSettings.test.ts`);
  return sample;
}

const envFromTemplate = (): Record<string, string> => Object.fromEntries(settings.map((s) => [s.name, sampleValue(s.name, s.value)]));
const withSecretSamples = (env: Record<string, string>) => ({ ...env, ...Object.fromEntries(secretsTheIdentityReplaces.map((n) => [n, samples[n] ?? ''])) });

describe('the web app\'s settings (main.bicep) and the config schema (app/config.ts)', () => {
  it('main.bicep sets app settings, each once', () => {
    expect(settings.length).toBeGreaterThan(5);
    const names = settings.map((s) => s.name);
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
  });

  it('every name is a setting of the schema or of App Service (no typo goes unread)', () => {
    expect(settings.map((s) => s.name).filter((n) => !isAppSetting(n) && !isPlatformSetting(n))).toEqual([]);
  });

  it('with the secrets the identity replaces, the settings start the app in tenant mode: every setting the schema requires is set', () => {
    const parsed = parseConfig(withSecretSamples(envFromTemplate()));
    if (!parsed.ok) throw new Error(`not enough for tenant mode: ${JSON.stringify(parsed.error)}`);
    expect(parsed.value.graph.mode).toBe('tenant');
    expect(parsed.value.bot).toBeDefined();
    expect(parsed.value.playground).toBeUndefined();
    expect(parsed.value.demoHistory).toBe(false);
    expect(parsed.value.nodeEnv).toBe('production');
    expect(parsed.value.jobs).toBe(true);
  });

  it.each(secretsTheIdentityReplaces)('%s is still required by the schema in tenant mode (else take it off the list above)', (secret) => {
    const env: Record<string, string> = withSecretSamples(envFromTemplate());
    delete env[secret];
    const parsed = parseConfig(env);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error.map((p) => p.message).join(' ')).toContain(secret);
  });

  it('today the template alone is short of exactly those secrets, and nothing else', () => {
    const parsed = parseConfig(envFromTemplate());
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    const named = secretsTheIdentityReplaces.filter((s) => parsed.error.some((p) => p.message.includes(s)));
    expect(named).toEqual([...secretsTheIdentityReplaces]);
    const other = parsed.error.filter((p) => !secretsTheIdentityReplaces.some((s) => p.message.includes(s)));
    expect(other).toEqual([]);
  });

  it.each(secretsTheIdentityReplaces)('%s appears nowhere in infra/', (secret) => {
    for (const f of files) expect({ file: f.file, mentions: f.raw.includes(secret) }).toEqual({ file: f.file, mentions: false });
  });

  it('every value a parameter feeding a setting may take is one the schema accepts', () => {
    const env = withSecretSamples(envFromTemplate());
    for (const { name, value } of settings) {
      const param = paramsOfMain.get(value.trim());
      const allowed = param?.decorators.find((d) => d.name === 'allowed');
      for (const choice of allowed ? literalsIn(allowed.text) : []) {
        const parsed = parseConfig({ ...env, [name]: choice });
        expect({ setting: name, choice, accepted: parsed.ok }).toEqual({ setting: name, choice, accepted: true });
      }
    }
  });
});
