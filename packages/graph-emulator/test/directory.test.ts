import JSZip from 'jszip';
import { startHarness, type Harness } from './harness';

/** A Teams app package with only what the catalogue reads: manifest id, version, short name. */
const teamsPackage = async (version: string): Promise<Buffer> => {
  const zip = new JSZip();
  zip.file('manifest.json', JSON.stringify({ id: '6f0c3a52-8d1e-4b7a-9c35-2e41d07b9a18', version, name: { short: 'Outreach Cases' } }));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
};

describe('the directory, site permissions and the Teams catalogue, as Graph answers them', () => {
  let h: Harness;
  beforeEach(() => {
    h = startHarness();
  });
  afterEach(() => h.close());

  it('PATCH /applications(uniqueName=…) makes the application only with Prefer: create-if-missing, then updates it (204)', async () => {
    const key = "/applications(uniqueName='outreach-cases')";
    const missing = await h.patch(key, { displayName: 'Outreach Cases' }).expect(404);
    expect(missing.body.error.code).toBe('Request_ResourceNotFound');
    const made = await h.patch(key, { displayName: 'Outreach Cases' }).set('Prefer', 'create-if-missing').expect(201);
    expect(made.body).toMatchObject({ displayName: 'Outreach Cases', uniqueName: 'outreach-cases', appId: expect.any(String), id: expect.any(String) });
    await h.patch(key, { identifierUris: ['api://host/botid-x'] }).set('Prefer', 'create-if-missing').expect(204);
    const found = await h.get(`/applications?$filter=appId eq '${made.body.appId as string}'`).expect(200);
    expect(found.body.value).toHaveLength(1);
    expect(found.body.value[0]).toMatchObject({ id: made.body.id, identifierUris: ['api://host/botid-x'] });
  });

  it('a service principal needs its application; Sites.Selected is assigned once against Microsoft Graph\'s own', async () => {
    const app = (await h.post('/applications', { displayName: 'Outreach Cases' }).expect(201)).body as { appId: string };
    expect((await h.post('/servicePrincipals', { appId: '11111111-1111-4111-8111-111111111111' }).expect(400)).body.error.code).toBe('Request_BadRequest');
    const principal = (await h.post('/servicePrincipals', { appId: app.appId, appRoleAssignmentRequired: true }).expect(201)).body as { id: string };
    const graph = (await h.get("/servicePrincipals(appId='00000003-0000-0000-c000-000000000000')").expect(200)).body as { id: string; appRoles: Array<{ id: string; value: string }> };
    expect(graph.appRoles.find((r) => r.value === 'Sites.Selected')?.id).toBe('883ea226-0bf2-4a8f-9f9d-92c9162a727d');
    const assignment = { principalId: principal.id, resourceId: graph.id, appRoleId: '883ea226-0bf2-4a8f-9f9d-92c9162a727d' };
    await h.post(`/servicePrincipals/${principal.id}/appRoleAssignments`, assignment).expect(201);
    await h.post(`/servicePrincipals/${principal.id}/appRoleAssignments`, assignment).expect(400);
    expect((await h.get(`/servicePrincipals/${principal.id}/appRoleAssignments`).expect(200)).body.value).toHaveLength(1);
  });

  it('a denied permission answers 403 in Graph\'s shape, for Entra and for SharePoint', async () => {
    await h.put('/_emulator/permissions', JSON.stringify({ denied: ['Application.ReadWrite.All', 'Sites.FullControl.All'] }), 'application/json').expect(200);
    const entra = await h.get('/applications').expect(403);
    expect(entra.body.error).toMatchObject({ code: 'Authorization_RequestDenied', message: 'Insufficient privileges to complete the operation.' });
    expect((await h.get(`/sites/${h.siteId()}/permissions`).expect(403)).body.error.code).toBe('accessDenied');
  });

  it('a site permission lists without its roles; the permission itself has them', async () => {
    const body = { roles: ['write'], grantedToIdentities: [{ application: { id: 'app-1', displayName: 'Outreach Cases' } }] };
    const made = (await h.post(`/sites/${h.siteId()}/permissions`, body).expect(201)).body as { id: string };
    const listed = (await h.get(`/sites/${h.siteId()}/permissions`).expect(200)).body as { value: Array<Record<string, unknown>> };
    expect(listed.value[0]).toMatchObject({ id: made.id, grantedToIdentitiesV2: [{ application: { id: 'app-1' } }] });
    expect(listed.value[0]?.roles).toBeUndefined();
    expect((await h.get(`/sites/${h.siteId()}/permissions/${made.id}`).expect(200)).body.roles).toEqual(['write']);
  });

  it('the Teams catalogue: publish a zip, find it by externalId, add a new version, refuse the same version twice', async () => {
    const zipped = (path: string, bytes: Buffer) => h.post(path).set('Content-Type', 'application/zip').send(bytes);
    const published = (await zipped('/appCatalogs/teamsApps', await teamsPackage('1.0.0')).expect(200)).body as { id: string; distributionMethod: string };
    expect(published.distributionMethod).toBe('organization');
    await zipped('/appCatalogs/teamsApps', await teamsPackage('1.0.0')).expect(409);
    await zipped(`/appCatalogs/teamsApps/${published.id}/appDefinitions`, await teamsPackage('1.0.1')).expect(200);
    await zipped(`/appCatalogs/teamsApps/${published.id}/appDefinitions`, await teamsPackage('1.0.1')).expect(409);
    const found = await h.get("/appCatalogs/teamsApps?$filter=externalId eq '6f0c3a52-8d1e-4b7a-9c35-2e41d07b9a18'&$expand=appDefinitions").expect(200);
    expect(found.body.value[0].appDefinitions.map((d: { version: string }) => d.version)).toEqual(['1.0.0', '1.0.1']);
  });
});
