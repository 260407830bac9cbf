import { parseConfig, settingsShape, type SettingName } from '../../app/config';
import { literalsIn, nameValuePairs, readInfra, stringLiteral } from './bicep';

/**
 * The web app's settings in main.bicep against the one config schema (app/config.ts): what the
 * schema requires in tenant mode is decided by parsing, never by a list copied here. The template
 * alone must be enough: the managed identity is the credential, so no secret is ever added.
 */

const files = readInfra();
const main = files.find((f) => f.file === 'main.bicep');
const settings = nameValuePairs(main?.vars.get('appSettings') ?? '[]');
const paramsOfMain = new Map((main?.params ?? []).map((p) => [p.name, p]));

/** Settings that would put a secret (or the removed bot settings) into Azure: the managed identity replaces them. */
const neverInInfra = ['CLIENT_SECRET', 'BOT_ID', 'BOT_PASSWORD'] as const;

/** Values of the right shape for settings whose value is only known in Azure (fictional). */
const samples: Partial<Record<SettingName, string>> = {
  TENANT_ID: '11111111-2222-4333-8444-555555555555',
  CLIENT_ID: '66666666-7777-4888-9999-000000000000',
  MANAGED_IDENTITY_CLIENT_ID: '77777777-8888-4999-8000-111111111111',
  SITE_HOSTNAME: 'contoso.sharepoint.com',
  SITE_PATH: '/sites/outreach',
  SERVICE_MAILBOX: 'outreach@contoso.example',
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
describe('the web app\'s settings (main.bicep) and the config schema (app/config.ts)', () => {
  it('main.bicep sets app settings, each once', () => {
    expect(settings.length).toBeGreaterThan(5);
    const names = settings.map((s) => s.name);
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
  });

  it('every name is a setting of the schema or of App Service (no typo goes unread)', () => {
    expect(settings.map((s) => s.name).filter((n) => !isAppSetting(n) && !isPlatformSetting(n))).toEqual([]);
  });

  it('the template\'s settings alone start the app in tenant mode, as the app registration with the managed identity: no secret needed', () => {
    const parsed = parseConfig(envFromTemplate());
    if (!parsed.ok) throw new Error(`not enough for tenant mode: ${JSON.stringify(parsed.error)}`);
    expect(parsed.value.graph).toEqual({
      mode: 'tenant',
      tenantId: samples.TENANT_ID,
      clientId: samples.CLIENT_ID,
      credential: { kind: 'managedIdentity', clientId: samples.MANAGED_IDENTITY_CLIENT_ID },
      site: { hostname: samples.SITE_HOSTNAME, path: samples.SITE_PATH },
    });
    expect(parsed.value.playground).toBeUndefined();
    expect(parsed.value.demoHistory).toBe(false);
    expect(parsed.value.nodeEnv).toBe('production');
    expect(parsed.value.jobs).toBe(true);
  });

  it('CLIENT_ID is the appClientId parameter and MANAGED_IDENTITY_CLIENT_ID the identity\'s client id', () => {
    expect(settings.find((s) => s.name === 'CLIENT_ID')?.value.trim()).toBe('appClientId');
    expect(settings.find((s) => s.name === 'MANAGED_IDENTITY_CLIENT_ID')?.value.trim()).toBe('identity.outputs.clientId');
  });

  it('the template is on the identity\'s path: a secret added by hand in the portal would be refused at start', () => {
    const parsed = parseConfig({ ...envFromTemplate(), CLIENT_SECRET: 'added-by-hand' });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error.map((p) => p.setting)).toEqual(['tenant credential']);
  });

  it.each(neverInInfra)('%s appears nowhere in infra/', (name) => {
    for (const f of files) expect({ file: f.file, mentions: f.raw.includes(name) }).toEqual({ file: f.file, mentions: false });
  });

  it('every value a parameter feeding a setting may take is one the schema accepts', () => {
    const env = envFromTemplate();
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
