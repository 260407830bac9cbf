import { runProvisionCli, startEmptyTenant, writesIn, type EmptyTenant } from './provisionHarness';

jest.setTimeout(180_000);

/** A tenant's settings, pointing at the embedded Graph's default site (its host and path). */
const tenantSettings = { TENANT_ID: '3b4c5d6e-7f80-4912-a3b4-c5d6e7f80912', SITE_HOSTNAME: 'outreach.example.sharepoint.com', SITE_PATH: '/sites/outreach', PUBLIC_HOSTNAME: 'outreach.example.net' };

describe('npm run provision', () => {
  let tenant: EmptyTenant;
  beforeEach(async () => {
    tenant = await startEmptyTenant();
  });
  afterEach(async () => {
    await tenant.stop();
  });

  it('builds everything from nothing on the embedded Graph; the second run changes nothing and writes nothing', async () => {
    const env = { DATA_DIR: tenant.dataDir, GRAPH_EMULATOR_URL: tenant.info.baseUrl };
    const first = await runProvisionCli([], env);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const lines = first.stdout.trim().split('\n');
    for (const step of ['app registration', 'service principal', 'Graph permission Sites.Selected', 'site permission', 'Teams app']) {
      expect(lines.filter((l) => l.startsWith(`+ ${step}: created`))).toHaveLength(1);
    }
    expect(lines).toContain('+ lists and libraries: created list Cases: columns IdempotencyKey (indexed), Payload, CaseReference (indexed), ChildId (indexed), SchoolId (indexed), WorkerId (indexed), Status (indexed), ClosedMonth (indexed), ChangedAt (indexed)');
    expect(lines).toContain('+ lists and libraries: created library Case Files');
    expect(lines).toContain('+ lists and libraries: created library Templates');
    expect(lines.at(-2)).toMatch(/^CLIENT_ID [0-9a-f-]{36}$/);
    expect(lines.at(-1)).toBe('23 changes');

    await tenant.resetRequests();
    const second = await runProvisionCli([], env);
    expect(second.code).toBe(0);
    const again = second.stdout.trim().split('\n');
    expect(again.filter((l) => l.startsWith('✓ '))).toHaveLength(6);
    expect(again.at(-2)).toBe(lines.at(-2));
    expect(again.at(-1)).toBe('0 changes');
    const log = await tenant.requests();
    expect(log.length).toBeGreaterThan(0);
    expect(writesIn(log)).toEqual([]);
  });

  it('--managed-identity adds the federated credential, and only that', async () => {
    const env = { DATA_DIR: tenant.dataDir, GRAPH_EMULATOR_URL: tenant.info.baseUrl };
    await runProvisionCli([], env);
    const run = await runProvisionCli(['--managed-identity', '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d'], env);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/\+ federated credential: created outreach-cases-managed-identity: trusts managed identity 0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d/);
    expect(run.stdout.trim().split('\n').at(-1)).toBe('1 change');
  });

  it('a dry run against a tenant-shaped configuration prints every change and sends no write', async () => {
    const run = await runProvisionCli(['--dry-run', '--managed-identity', '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', '--graph-emulator', tenant.emulatorDir], tenantSettings);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/tenant 3b4c5d6e-.*\(dry run: nothing is changed\)/);
    expect(lines).toContain(`+ app registration: would create Outreach Cases (uniqueName outreach-cases): app roles Manager, Admin, Worker, DSL, scope access_as_user, Teams clients pre-authorised, Graph Sites.Selected requested, identifier URI api://outreach.example.net/botid-<appId>`);
    expect(lines).toContain('+ service principal: would create for the new app registration (appRoleAssignmentRequired: true)');
    expect(lines).toContain('+ Graph permission Sites.Selected: would create admin consent: Microsoft Graph Sites.Selected (application) for the app');
    expect(lines.some((l) => l.startsWith('+ federated credential: would create outreach-cases-managed-identity') && l.includes(`login.microsoftonline.com/${tenantSettings.TENANT_ID}/v2.0`))).toBe(true);
    expect(lines.some((l) => l.startsWith('+ site permission: would create write for the new app registration on outreach.example.sharepoint.com,'))).toBe(true);
    expect(lines.filter((l) => l.startsWith('+ lists and libraries: would create'))).toHaveLength(18);
    expect(lines).toContain('+ Teams app: would create 6f0c3a52-8d1e-4b7a-9c35-2e41d07b9a18 version 0.1.0 in the organisation\'s catalogue');
    expect(lines.at(-1)).toBe('24 changes would be made');
    expect(writesIn(await tenant.requests())).toEqual([]);
  });

  it('a step Graph refuses (403) names the permission and the role, and exits 2', async () => {
    await tenant.denyPermissions(['Application.ReadWrite.All']);
    const run = await runProvisionCli(['--graph-emulator', tenant.emulatorDir], tenantSettings);
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toBe('app registration: refused (403). The signed-in account needs Application.ReadWrite.All — the Application Administrator role');
  });

  it('a refused catalogue upload names AppCatalog.ReadWrite.All after the steps before it were done', async () => {
    await tenant.denyPermissions(['AppCatalog.ReadWrite.All']);
    const run = await runProvisionCli(['--graph-emulator', tenant.emulatorDir], tenantSettings);
    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(/\+ site permission: created write/);
    expect(run.stderr).toMatch(/^Teams app: refused \(403\)\. The signed-in account needs AppCatalog\.ReadWrite\.All — the Teams Administrator role/);
  });
});
