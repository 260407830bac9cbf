import { defaultSignInClientId, parseProvisionOptions } from '../../app/provision/provisionOptions';

const tenant = { TENANT_ID: '3b4c5d6e-7f80-4912-a3b4-c5d6e7f80912', SITE_ID: 'contoso.sharepoint.com,1,2', PUBLIC_HOSTNAME: 'outreach.azurewebsites.net' };

describe('npm run provision: flags and settings', () => {
  it('no tenant settings: the embedded Graph in DATA_DIR', () => {
    const parsed = parseProvisionOptions([], { DATA_DIR: '/tmp/x' });
    expect(parsed).toMatchObject({ ok: true, value: { target: { mode: 'embedded', dataDir: '/tmp/x' }, dryRun: false, publicHostname: 'localhost' } });
  });

  it('tenant settings: the tenant, signed in with Microsoft Graph Command Line Tools unless another client is given', () => {
    expect(parseProvisionOptions(['--dry-run'], tenant)).toMatchObject({ ok: true, value: { dryRun: true, target: { mode: 'tenant', site: { siteId: tenant.SITE_ID }, signInClientId: defaultSignInClientId } } });
    const other = parseProvisionOptions(['--sign-in-client-id', '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d'], tenant);
    expect(other).toMatchObject({ ok: true, value: { target: { signInClientId: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d' } } });
  });

  it('names what is wrong: incomplete tenant settings, a principal id that is not a GUID, an unknown flag', () => {
    expect(parseProvisionOptions([], { TENANT_ID: tenant.TENANT_ID })).toEqual({
      ok: false,
      problems: ["tenant settings incomplete, missing SITE_ID (or SITE_HOSTNAME and SITE_PATH), PUBLIC_HOSTNAME (the host name Teams reaches the app on: the tab's identifier URI and the package need it)"],
    });
    const bad = parseProvisionOptions(['--managed-identity', 'abc', '--force'], tenant);
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.problems).toEqual(expect.arrayContaining(['unknown option --force', expect.stringMatching(/^--managed-identity .* must be a GUID$/)]));
  });
});
