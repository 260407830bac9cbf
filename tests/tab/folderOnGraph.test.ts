import express from 'express';
import request from 'supertest';
import { randomIds } from '../../app/randomIds';
import { folderRoutes } from '../../tab/server/folderRoutes';
import { ApiError, Folder, Uploaded, routes } from '../../tab/contract/api';
import { childFolderName, requestInformation } from '../../workflow';
import { useEmbeddedGraph } from '../graph/embeddedGraph';
import { loggedRequests } from '../graph/requestLog';
import { caseSteps, childDetails } from '../support/caseSteps';
import { buildWorld, people, value, type World } from '../support/world';

jest.setTimeout(120_000);

const graph = useEmbeddedGraph();

/** The folder routes over the SharePoint adapters on the embedded Graph, behind a stand-in sign-in. */
async function onGraph() {
  const world = await buildWorld('2026-09-18T09:00:00Z', { ...graph().ports, ids: randomIds });
  const app = express();
  app.use('/tab/api/cases', async (req, res, next) => {
    res.locals.staff = await world.staff(req.get('x-test-staff') ?? '');
    next();
  }, folderRoutes(world.deps, { info: () => undefined, error: () => undefined }));
  const as = (who: keyof typeof people) => ({
    browse: (caseId: string, folder?: string) => request(app).get(routes.folder(caseId)).query(folder ? { folder } : {}).set('x-test-staff', people[who]),
    upload: (caseId: string, name: string, bytes: Buffer, document = 'other') =>
      request(app).post(routes.upload(caseId)).query({ name, document }).set('x-test-staff', people[who]).set('Content-Type', 'application/octet-stream').send(bytes),
  });
  return { world, as };
}

async function waitingCase(world: World, lastName: string) {
  const school = await world.schoolByUrn('100001');
  const opened = await caseSteps(world).refer('100001', { child: childDetails(school.id, { lastName }) });
  await caseSteps(world).allocate(opened.case.id, 'worker');
  value(await requestInformation(world.deps, await world.staff(people.admin), { caseId: opened.case.id }));
  return opened;
}

describe('the case folder in the tab, on the embedded Graph', () => {
  it('a 6 MB scan goes up in an upload session (320 KiB multiples), is listed with its size, and reads back whole; a repeat files once', async () => {
    const { world, as } = await onGraph();
    const { case: c } = await waitingCase(world, 'Largefile');
    const scan = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from(Array.from({ length: 6 * 1024 * 1024 }, (_, i) => (i * 13) % 256))]);
    await graph().resetRequests();
    const filed = Uploaded.parse((await as('worker').upload(c.id, 'Scanned workbook.pdf', scan).expect(201)).body);
    const requests = await loggedRequests(graph());
    expect(requests.filter((r) => r.path.endsWith('/createUploadSession'))).toEqual([expect.objectContaining({ method: 'POST', status: 200 })]);
    const fragments = requests.filter((r) => r.path === '/_api/v2.0/uploadSession');
    expect(fragments.map((f) => f.status)).toEqual([202, 201]);
    expect(requests.some((r) => r.method === 'PUT' && r.path.endsWith('/content'))).toBe(false);

    const again = Uploaded.parse((await as('worker').upload(c.id, 'Scanned workbook.pdf', scan).expect(200)).body);
    expect(again).toMatchObject({ repeated: true, file: { name: 'Scanned workbook.pdf', url: filed.file.url } });
    const folder = Folder.parse((await as('worker').browse(c.id).expect(200)).body);
    const entry = folder.entries.find((e) => e.name === 'Scanned workbook.pdf');
    expect(entry).toMatchObject({ kind: 'file', size: scan.length, modifiedBy: 'Outreach Cases', url: filed.file.url });
    const back = await world.deps.folders.content({ id: entry?.id ?? '', name: 'Scanned workbook.pdf', webUrl: '' });
    expect(Buffer.compare(Buffer.from(back), scan)).toBe(0);
    expect(folder.entries.filter((e) => e.name.startsWith('Scanned workbook'))).toHaveLength(1);
  });

  it('browsing reads the child\'s folder and its subfolders at once, then the case folder\'s listing; a folder of another child is 404 after one look', async () => {
    const { world, as } = await onGraph();
    const { case: c, child } = await waitingCase(world, 'Browsefield');
    const { case: other } = await waitingCase(world, 'Otherfield');
    const otherFolder = Folder.parse((await as('worker').browse(other.id).expect(200)).body).folder;
    await graph().resetRequests();
    const folder = Folder.parse((await as('worker').browse(c.id).expect(200)).body);
    const childName = childFolderName(child, world.config.folderNamePattern);
    expect(folder.path.map((p) => p.name)).toEqual([childName, c.reference]);
    expect(folder.entries.length).toBeGreaterThan(0);
    const driveReads = (await loggedRequests(graph())).filter((r) => r.path.startsWith('/drives/'));
    // The child's folder and its subfolders (two requests at once), then the case folder's children.
    expect(driveReads.map((r) => [r.method, r.status])).toEqual([['GET', 200], ['GET', 200], ['GET', 200]]);

    await graph().resetRequests();
    expect(ApiError.parse((await as('worker').browse(c.id, otherFolder.id).expect(404)).body).code).toBe('NotFound');
    const looked = (await loggedRequests(graph())).filter((r) => r.path.startsWith('/drives/') && r.path.includes(otherFolder.id));
    expect(looked).toHaveLength(1);
    await as('worker').browse(c.id, 'b!not-an-item').expect(404);
  });

  it('the returned information form filed from the tab marks step 2 once, and a name SharePoint refuses never reaches Graph', async () => {
    const { world, as } = await onGraph();
    const { case: c } = await waitingCase(world, 'Formfield');
    const form = Buffer.from('%PDF-1.4\nthe form\n%%EOF');
    expect(Uploaded.parse((await as('worker').upload(c.id, 'form.pdf', form, 'information-form').expect(201)).body)).toMatchObject({ marked: true, repeated: false });
    expect(Uploaded.parse((await as('worker').upload(c.id, 'form.pdf', form, 'information-form').expect(200)).body)).toMatchObject({ marked: true, repeated: true });
    expect((await world.deps.stores.cases.get(c.id))?.milestones.informationPartlyReturned?.form).toBeDefined();
    expect((await world.deps.stores.records.find({ caseId: c.id })).filter((r) => r.body.kind === 'information-returned')).toHaveLength(1);
    await graph().resetRequests();
    await as('worker').upload(c.id, 'a|b.pdf', form).expect(400);
    expect((await loggedRequests(graph())).filter((r) => r.path.startsWith('/drives/'))).toEqual([]);
  });
});
