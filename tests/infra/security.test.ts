import { bracketBody, objectProperty, ownProperties, readInfra, type Resource } from './bicep';

const files = readInfra();
const main = files.find((f) => f.file === 'main.bicep');
const moduleFile = (name: string) => files.find((f) => f.file === `modules/${name}.bicep`);
const resourcesOfType = (type: string): Resource[] => files.flatMap((f) => f.resources.filter((r) => r.type === type));
const only = (type: string): Resource => {
  const found = resourcesOfType(type);
  if (found.length !== 1) throw new Error(`expected one ${type}, found ${found.length}`);
  return found[0] as Resource;
};
/** A resource's `properties: { … }`, top level only. */
const propertiesOf = (r: Resource) => objectProperty(r.text, 'properties');
const moduleParams = (symbol: string) => objectProperty(main?.modules.get(symbol)?.text ?? '', 'params');

const secretWords = /key|secret|password|passwd|pwd|conn(?:ection)?(?:\s*str(?:ing)?)?\b|token|credential|sas\b/i;
/** Expressions that read a secret out of a resource. */
const secretReads = /\blist\w*\(|\.(ConnectionString|InstrumentationKey|primaryKey|secondaryKey|publishingPassword)\b|getSecret\(/i;
/**
 * The one read allowed: Application Insights' connection string, for the app's telemetry setting. With
 * local auth off (tested below) its key alone is refused: it says where to send, as whom is Entra's.
 */
const telemetryIngestion = { file: 'modules/monitoring.bicep', output: 'ingestion', value: 'appInsights.properties.ConnectionString' };
const isTelemetryIngestion = (file: string, o: { name: string; value: string }) =>
  file === telemetryIngestion.file && o.name === telemetryIngestion.output && o.value.trim() === telemetryIngestion.value;

describe('no secret anywhere in infra/', () => {
  const outputs = files.flatMap((f) => f.outputs.filter((o) => !isTelemetryIngestion(f.file, o)).map((o) => ({ file: f.file, ...o })));

  it('no output is named like a key, secret, password, token or connection string', () => {
    expect(outputs.filter((o) => secretWords.test(o.name)).map((o) => `${o.file} ${o.name}`)).toEqual([]);
  });

  it('no output reads a key, secret or connection string, or is marked @secure', () => {
    expect(outputs.filter((o) => secretReads.test(o.value) || secretWords.test(o.value)).map((o) => `${o.file} ${o.name}`)).toEqual([]);
    expect(outputs.filter((o) => o.decorators.some((d) => d.name === 'secure')).map((o) => `${o.file} ${o.name}`)).toEqual([]);
  });

  it('nothing reads a secret out of a resource (list*(), connection strings, keys)', () => {
    for (const f of files) {
      const code = f.file === telemetryIngestion.file ? f.code.replace(`output ${telemetryIngestion.output} string = ${telemetryIngestion.value}`, '') : f.code;
      expect({ file: f.file, reads: code.match(secretReads)?.[0] }).toEqual({ file: f.file, reads: undefined });
    }
  });

  it('no secret comes in: no @secure() parameter, and no parameter named like one', () => {
    const params = files.flatMap((f) => f.params.map((p) => ({ file: f.file, ...p })));
    expect(params.filter((p) => p.decorators.some((d) => d.name === 'secure') || secretWords.test(p.name)).map((p) => `${p.file} ${p.name}`)).toEqual([]);
  });

  it('no Key Vault: no secret remains to keep in one (add it with the first secret, never before)', () => {
    expect(files.flatMap((f) => f.resources).filter((r) => r.type.startsWith('Microsoft.KeyVault/'))).toEqual([]);
    for (const f of files) expect({ file: f.file, keyVaultReference: f.code.includes('@Microsoft.KeyVault(') }).toEqual({ file: f.file, keyVaultReference: false });
  });

  it('FTP and Kudu basic publishing credentials are off: deployments sign in with Entra ID', () => {
    const policies = resourcesOfType('Microsoft.Web/sites/basicPublishingCredentialsPolicies');
    const names = policies.map((p) => ownProperties(bracketBody(p.text, p.text.indexOf('{'))).get('name')).sort();
    expect(names).toEqual(["'ftp'", "'scm'"]);
    for (const p of policies) expect(propertiesOf(p).get('allow')).toBe('false');
  });

  it('telemetry is the app\'s own, scrubbed (app/telemetry): no App Service agent, whose auto-instrumentation would record URLs with their queries', () => {
    for (const f of files) expect({ file: f.file, agent: /ApplicationInsightsAgent_EXTENSION_VERSION|XDT_MicrosoftApplicationInsights/.test(f.code) }).toEqual({ file: f.file, agent: false });
  });

  it('the connection string goes to the app\'s APPLICATIONINSIGHTS_CONNECTION_STRING only: never to an output of main.bicep', () => {
    const monitoring = moduleFile('monitoring');
    expect(monitoring?.outputs.find((o) => o.name === telemetryIngestion.output)?.value.trim()).toBe(telemetryIngestion.value);
    const settings = main?.vars.get('appSettings') ?? '';
    expect(settings).toMatch(/name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'\s*\n\s*value: monitoring\.outputs\.ingestion\n/);
    const reads = files.flatMap((f) => [...f.code.matchAll(/monitoring\.outputs\.ingestion\b/g)].map(() => f.file));
    expect(reads).toEqual(['main.bicep']);
    expect((main?.outputs ?? []).filter((o) => /monitoring\.outputs\.ingestion|ConnectionString|InstrumentationKey/i.test(o.value))).toEqual([]);
  });

  it('the identity may send telemetry to the component (Monitoring Metrics Publisher on it), and nothing more', () => {
    const assignments = resourcesOfType('Microsoft.Authorization/roleAssignments');
    expect(assignments).toHaveLength(1);
    const assignment = assignments[0] as Resource;
    expect(ownProperties(bracketBody(assignment.text, assignment.text.indexOf('{'))).get('scope')).toBe('appInsights');
    const properties = propertiesOf(assignment);
    expect(properties.get('principalId')).toBe('publisherPrincipalId');
    expect(properties.get('principalType')).toBe("'ServicePrincipal'");
    expect(properties.get('roleDefinitionId')).toBe("subscriptionResourceId('Microsoft.Authorization/roleDefinitions', monitoringMetricsPublisher)");
    expect(moduleFile('monitoring')?.vars.get('monitoringMetricsPublisher')).toBe("'3913510d-42f4-4e42-8a64-420c390055eb'");
    expect(moduleParams('monitoring').get('publisherPrincipalId')).toBe('identity.outputs.principalId');
  });

  it('Application Insights takes Entra-authenticated telemetry only, into a workspace', () => {
    const insights = propertiesOf(only('Microsoft.Insights/components'));
    expect(insights.get('DisableLocalAuth')).toBe('true');
    expect(insights.get('WorkspaceResourceId')).toBe('workspace.id');
  });
});

describe('the managed identity is used', () => {
  it('main.bicep makes one user-assigned identity', () => {
    expect(resourcesOfType('Microsoft.ManagedIdentity/userAssignedIdentities')).toHaveLength(1);
  });

  it('the web app runs as it', () => {
    const site = only('Microsoft.Web/sites');
    const identity = objectProperty(site.text, 'identity');
    expect(identity.get('type')).toBe("'UserAssigned'");
    expect(site.text).toMatch(/userAssignedIdentities:\s*\{\s*'\$\{identityId\}':\s*\{\s*\}\s*\}/);
    expect(moduleParams('app').get('identityId')).toBe('identity.outputs.id');
  });

  it('the Azure Bot is the app registration (SingleTenant, appClientId), with no app password and no identity of its own', () => {
    const bot = propertiesOf(only('Microsoft.BotService/botServices'));
    expect(bot.get('msaAppType')).toBe("'SingleTenant'");
    expect(bot.get('msaAppId')).toBe('appClientId');
    expect(bot.get('msaAppTenantId')).toBe('tenantId');
    expect(bot.has('msaAppMSIResourceId')).toBe(false);
    const params = moduleParams('bot');
    expect(params.get('appClientId')).toBe('appClientId');
    expect(params.get('tenantId')).toBe('tenant().tenantId');
    expect(params.get('endpoint')).toBe("'https://${app.outputs.defaultHostName}/api/messages'");
  });

  it('the app signs in as the app registration (CLIENT_ID = appClientId) with the identity as its credential (MANAGED_IDENTITY_CLIENT_ID), and no BOT_ID', () => {
    const settings = main?.vars.get('appSettings') ?? '';
    expect(settings).toMatch(/name: 'CLIENT_ID'\s*\n\s*value: appClientId\s*\n/);
    expect(settings).toMatch(/name: 'MANAGED_IDENTITY_CLIENT_ID'\s*\n\s*value: identity\.outputs\.clientId\s*\n/);
    expect(settings).not.toMatch(/'BOT_ID'|'BOT_PASSWORD'/);
  });

  it('appClientId is a documented parameter with no default: the app registration npm run provision made', () => {
    const param = main?.params.find((p) => p.name === 'appClientId');
    expect(param?.defaultValue).toBeUndefined();
    expect(param?.decorators.find((d) => d.name === 'description')?.text).toContain('npm run provision');
  });

  it('puts out what the federated credential needs: the identity\'s principal id (its subject) and client id', () => {
    const outputs = new Map((main?.outputs ?? []).map((o) => [o.name, o]));
    expect(outputs.get('identityPrincipalId')?.value).toBe('identity.outputs.principalId');
    expect(outputs.get('identityClientId')?.value).toBe('identity.outputs.clientId');
    expect(outputs.get('identityPrincipalId')?.decorators.find((d) => d.name === 'description')?.text).toContain('npm run provision -- --managed-identity');
    expect(moduleFile('identity')?.outputs.map((o) => o.name).sort()).toEqual(['clientId', 'id', 'principalId']);
  });

  it('the bot is connected to Teams, without calling', () => {
    const channel = only('Microsoft.BotService/botServices/channels');
    expect(ownProperties(bracketBody(channel.text, channel.text.indexOf('{'))).get('name')).toBe("'MsTeamsChannel'");
    expect(propertiesOf(channel).get('channelName')).toBe("'MsTeamsChannel'");
    const teams = objectProperty(bracketBody(channel.text, channel.text.indexOf('properties: {') + 'properties: '.length), 'properties');
    expect(teams.get('isEnabled')).toBe('true');
    expect(teams.get('enableCalling')).toBe('false');
  });
});

describe('the web app', () => {
  const site = only('Microsoft.Web/sites');
  const siteConfig = objectProperty(site.text, 'siteConfig');

  it('is on App Service for Linux with Node 22 LTS', () => {
    expect(siteConfig.get('linuxFxVersion')).toBe("'NODE|22-lts'");
    expect(ownProperties(bracketBody(site.text, site.text.indexOf('{'))).get('kind')).toBe("'app,linux'");
    const plan = only('Microsoft.Web/serverfarms');
    expect(propertiesOf(plan).get('reserved')).toBe('true');
  });

  it('answers HTTPS only, with TLS 1.2 at least, and no FTP', () => {
    expect(propertiesOf(site).get('httpsOnly')).toBe('true');
    expect(siteConfig.get('minTlsVersion')).toBe("'1.2'");
    expect(siteConfig.get('ftpsState')).toBe("'Disabled'");
  });

  it('is always on, with the health check on /healthz', () => {
    expect(siteConfig.get('alwaysOn')).toBe('true');
    expect(siteConfig.get('healthCheckPath')).toBe("'/healthz'");
  });

  it('its plan cannot be a tier without Always On (Free, Shared)', () => {
    const planSku = moduleFile('appService')?.params.find((p) => p.name === 'planSku');
    const allowed = planSku?.decorators.find((d) => d.name === 'allowed')?.text ?? '';
    expect(allowed).not.toMatch(/'(F1|D1|FREE|SHARED)'/i);
    expect(allowed).toMatch(/'B1'/);
  });

  it('runs one instance while case locks are in memory', () => {
    expect(objectProperty(only('Microsoft.Web/serverfarms').text, 'sku').get('capacity')).toBe('1');
  });
});
