import express from 'express';
import request from 'supertest';
import { folderRoutes, type FolderLog } from '../../tab/server/folderRoutes';
import { ApiError, Folder, Uploaded, routes } from '../../tab/contract/api';
import { childFolderName, closeEarly, raiseSafeguardingConcern, requestInformation, type WorkflowDeps } from '../../workflow';
import { caseSteps, childDetails } from '../support/caseSteps';
import { buildWorld, key, people, value, type World } from '../support/world';

/** Stands in for the lead's sign-in: the caller named by a test header, as the Staff list has them. */
function folderApi(world: World, deps: WorkflowDeps = world.deps) {
  const lines: string[] = [];
  const log: FolderLog = {
    info: (fields, message) => lines.push(JSON.stringify({ ...fields, message })),
    error: (fields, message) => lines.push(JSON.stringify({ ...fields, message })),
  };
  const app = express();
  app.use('/tab/api/cases', async (req, res, next) => {
    const who = req.get('x-test-staff');
    if (who) res.locals.staff = await world.staff(who);
    next();
  }, folderRoutes(deps, log));
  const as = (who: keyof typeof people) => ({
    browse: (caseId: string, folder?: string) => request(app).get(routes.folder(caseId)).query(folder ? { folder } : {}).set('x-test-staff', people[who]),
    upload: (caseId: string, name: string, bytes: Uint8Array | Buffer, document = 'other') =>
      request(app).post(routes.upload(caseId)).query({ name, document }).set('x-test-staff', people[who]).set('Content-Type', 'application/octet-stream').send(Buffer.from(bytes)),
  });
  return { app, as, log: () => lines.join('\n') };
}

const pdf = (text: string) => Buffer.from(`%PDF-1.4\n${text}\n%%EOF`);

describe('the case folder in the tab (memory ports)', () => {
  let world: World;
  let api: ReturnType<typeof folderApi>;
  /** A case of the worker's, waiting for the school's information. */
  const waitingCase = async (worker: 'worker' | 'otherWorker' = 'worker', lastName = 'Testfield') => {
    const school = await world.schoolByUrn('100001');
    const opened = await caseSteps(world).refer('100001', { child: childDetails(school.id, { lastName }) });
    await caseSteps(world).allocate(opened.case.id, worker);
    value(await requestInformation(world.deps, await world.staff(people.admin), { caseId: opened.case.id }));
    return opened;
  };
  const folderName = async (childId: string) => {
    const child = await world.deps.stores.children.get(childId);
    if (!child) throw new Error('no child');
    return childFolderName(child, world.config.folderNamePattern);
  };

  beforeEach(async () => {
    world = await buildWorld('2026-09-18T09:00:00Z');
    api = folderApi(world);
  });

  it('shows the case\'s subfolder: the path from the child\'s folder, what it holds, who changed it, links; the read is audited', async () => {
    const { case: c, child } = await waitingCase();
    const res = await api.as('worker').browse(c.id).expect(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const folder = Folder.parse(res.body);
    expect(folder.path.map((p) => p.name)).toEqual([await folderName(child.id), c.reference]);
    expect(folder.folder).toEqual(folder.path[1]);
    expect(folder.canUpload).toBe(true);
    expect(folder.otherCases).toEqual([]);
    // The information request filed its letter and forms here.
    expect(folder.entries.length).toBeGreaterThan(0);
    const admin = (await world.staff(people.admin)).displayName;
    for (const entry of folder.entries) {
      expect(entry).toMatchObject({ kind: 'file', size: expect.any(Number), modifiedBy: 'Outreach Cases', modifiedAt: '2026-09-18T09:00:00.000Z', url: expect.stringContaining('sharepoint.com') });
    }
    // The information request's letter and forms, sent by an admin: the records say who filed them.
    expect(folder.entries.filter((e) => e.filedBy === admin).length).toBeGreaterThan(0);
    const reads = world.memory.audit.all().filter((e) => e.action === 'case.read' && e.caseId === c.id);
    expect(reads.at(-1)).toMatchObject({ actorId: people.worker, detail: { view: 'folder', folderId: folder.folder.id } });
  });

  it('the child\'s earlier case folders are offered and can be opened (no uploads there); a folder of another child is 404', async () => {
    const { case: c, child } = await waitingCase();
    const earlier = await world.deps.folders.ensureCaseFolder(await folderName(child.id), 'OC-25-EARLY');
    const { case: other } = await waitingCase('worker', 'Quillmere');
    const otherFolder = Folder.parse((await api.as('worker').browse(other.id).expect(200)).body).folder;

    const shown = Folder.parse((await api.as('worker').browse(c.id).expect(200)).body);
    expect(shown.otherCases).toEqual([{ id: earlier.id, name: 'OC-25-EARLY' }]);
    const opened = Folder.parse((await api.as('worker').browse(c.id, earlier.id).expect(200)).body);
    expect(opened).toMatchObject({ folder: { id: earlier.id, name: 'OC-25-EARLY' }, canUpload: false, entries: [] });
    const top = Folder.parse((await api.as('worker').browse(c.id, shown.path[0]?.id).expect(200)).body);
    expect(top.entries.map((e) => [e.name, e.kind])).toEqual([['OC-25-EARLY', 'folder'], [c.reference, 'folder']]);

    const escaped = await api.as('worker').browse(c.id, otherFolder.id).expect(404);
    expect(ApiError.parse(escaped.body).code).toBe('NotFound');
    await api.as('worker').browse(c.id, 'no-such-folder').expect(404);
    await api.as('manager').browse('987654').expect(404);
    await api.as('worker').browse('not-an-id').expect(404);
  });

  it('403 for a worker on someone else\'s case, to look or to upload; the DSL looks through a concern but uploads nothing', async () => {
    const { case: theirs } = await waitingCase('otherWorker', 'Quillmere');
    expect(ApiError.parse((await api.as('worker').browse(theirs.id).expect(403)).body)).toMatchObject({ code: 'NotYourCase' });
    await api.as('worker').upload(theirs.id, 'notes.pdf', pdf('notes')).expect(403);
    await api.as('worker').browse(theirs.id).expect(403);
    value(await raiseSafeguardingConcern(world.deps, await world.staff(people.otherWorker), { caseId: theirs.id, requestKey: key('sg'), concern: 'A concern', actionTaken: 'Told the school DSL' }));
    const dsl = Folder.parse((await api.as('dsl').browse(theirs.id).expect(200)).body);
    expect(dsl.canUpload).toBe(false);
    await api.as('dsl').upload(theirs.id, 'notes.pdf', pdf('notes')).expect(403);
    expect(world.memory.audit.all().filter((e) => e.action === 'case.read' && e.actorId === people.dsl).at(-1)?.detail).toMatchObject({ access: 'safeguarding' });
  });

  it('another file keeps its name (any script), is listed, and goes in the chronology by who uploaded it; a repeat files once', async () => {
    const { case: c } = await waitingCase();
    const name = 'Рисунок 東京 drawing.pdf';
    const first = await api.as('worker').upload(c.id, name, pdf('drawing')).expect(201);
    const uploaded = Uploaded.parse(first.body);
    expect(uploaded).toMatchObject({ file: { name }, marked: false, repeated: false });
    expect(uploaded.message).toContain(c.reference);
    const again = Uploaded.parse((await api.as('worker').upload(c.id, name, pdf('drawing')).expect(200)).body);
    expect(again).toMatchObject({ file: { name, url: uploaded.file.url }, repeated: true });

    const folder = Folder.parse((await api.as('worker').browse(c.id).expect(200)).body);
    const worker = (await world.staff(people.worker)).displayName;
    expect(folder.entries.filter((e) => e.name === name)).toEqual([expect.objectContaining({ kind: 'file', url: uploaded.file.url, filedBy: worker })]);
    const notes = (await world.deps.stores.records.find({ caseId: c.id })).filter((r) => r.body.kind === 'chronology' && r.body.fileName === name);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ createdBy: people.worker, body: { fileUrl: uploaded.file.url } });
    expect(api.log()).toContain('upload filed');
    for (const part of ['Testfield', 'Рисунок', 'drawing']) expect(api.log()).not.toContain(part);
  });

  it('a different file under a name the folder holds is refused (409): nothing is replaced', async () => {
    const { case: c } = await waitingCase();
    await api.as('worker').upload(c.id, 'Plan.pdf', pdf('one')).expect(201);
    const taken = await api.as('worker').upload(c.id, 'plan.PDF', pdf('two')).expect(409);
    expect(ApiError.parse(taken.body)).toMatchObject({ code: 'FileNameTaken', error: expect.stringContaining('rename your file') });
    const stored = world.memory.folders.filesIn((await world.deps.folders.ensureCaseFolder(await folderName(c.childId), c.reference))).filter((f) => f.name.toLowerCase() === 'plan.pdf');
    expect(stored.map((f) => Buffer.from(f.content).toString('latin1'))).toEqual([pdf('one').toString('latin1')]);
  });

  it('the returned information form marks step 2 (milestone), a repeat files once; then the PDP completes it', async () => {
    const { case: c } = await waitingCase();
    const form = Uploaded.parse((await api.as('admin').upload(c.id, 'Form from school.pdf', pdf('form'), 'information-form').expect(201)).body);
    expect(form).toMatchObject({ marked: true, repeated: false, file: { name: `School Initial Information Gathering form ${c.reference} returned 2026-09-18.pdf` } });
    expect(form.message).toContain('Still awaited: the PDP');
    const repeat = Uploaded.parse((await api.as('admin').upload(c.id, 'Form from school.pdf', pdf('form'), 'information-form').expect(200)).body);
    expect(repeat).toMatchObject({ repeated: true, file: { name: form.file.name } });
    const afterForm = await world.deps.stores.cases.get(c.id);
    expect(afterForm?.milestones.informationPartlyReturned?.form).toBeDefined();
    expect(afterForm?.milestones.informationReturned).toBeUndefined();
    expect((await world.deps.stores.records.find({ caseId: c.id })).filter((r) => r.body.kind === 'information-returned')).toHaveLength(1);

    const plan = Uploaded.parse((await api.as('worker').upload(c.id, 'PDP.docx', pdf('pdp'), 'pdp').expect(201)).body);
    expect(plan.message).toContain('both back');
    expect((await world.deps.stores.cases.get(c.id))?.milestones.informationReturned).toBeDefined();
  });

  it('400 for a name SharePoint refuses or none, 415 for a file that is not a document, 413 over 50 MB, 400 for an empty body or an unknown document', async () => {
    const { case: c } = await waitingCase();
    for (const bad of ['a:b.pdf', '../notes.pdf', 'folder/notes.pdf', 'notes.pdf ', '.notes.pdf', 'notes.pdf.', 'what?.pdf', 'CON.pdf', `${'x'.repeat(197)}.pdf`]) {
      const res = await api.as('worker').upload(c.id, bad, pdf('x'));
      expect([bad, res.status]).toEqual([bad, 400]);
      expect(ApiError.parse(res.body).code).toBe('ValidationFailed');
    }
    expect((await api.as('worker').upload(c.id, `${'x'.repeat(196)}.pdf`, pdf('x'))).status).toBe(201);
    await request(api.app).post(routes.upload(c.id)).query({ document: 'other' }).set('x-test-staff', people.worker).send(pdf('x')).expect(400);
    const exe = await api.as('worker').upload(c.id, 'setup.exe', Buffer.from('MZ')).expect(415);
    expect(ApiError.parse(exe.body)).toMatchObject({ code: 'FileTypeRefused', error: expect.stringContaining('"setup.exe" is not a document') });
    const big = await api.as('worker').upload(c.id, 'scan.pdf', Buffer.alloc(50 * 1024 * 1024 + 1)).expect(413);
    expect(ApiError.parse(big.body)).toMatchObject({ code: 'FileTooLarge', error: expect.stringContaining('50 MB') });
    const formTooBig = await api.as('worker').upload(c.id, 'form.pdf', Buffer.alloc(25 * 1024 * 1024 + 1), 'information-form').expect(413);
    expect(ApiError.parse(formTooBig.body).error).toContain('25 MB');
    await api.as('worker').upload(c.id, 'empty.pdf', Buffer.alloc(0)).expect(400);
    await api.as('worker').upload(c.id, 'x.pdf', pdf('x'), 'letter').expect(400);
  });

  it('a closed case\'s folder can be looked at, not uploaded to (409 in words)', async () => {
    const { case: c } = await waitingCase();
    value(await closeEarly(world.deps, await world.staff(people.manager), { caseId: c.id, reason: 'moved-school' }));
    expect(Folder.parse((await api.as('manager').browse(c.id).expect(200)).body).canUpload).toBe(false);
    const refused = await api.as('manager').upload(c.id, 'late.pdf', pdf('late')).expect(409);
    expect(ApiError.parse(refused.body)).toMatchObject({ code: 'CaseClosed', error: `Case ${c.reference} is closed.` });
  });

  it('401 without a signed-in caller; a failure while filing answers 500 in words and logs no name', async () => {
    const { case: c } = await waitingCase();
    await request(api.app).get(routes.folder(c.id)).expect(401);
    const folders = world.deps.folders;
    const broken = Object.create(folders) as typeof folders;
    broken.ensureCaseFolder = (child: string) => Promise.reject(new Error(`Graph 503 on root:/${child}:`));
    const failing = folderApi(world, { ...world.deps, folders: broken });
    const res = await failing.as('worker').upload(c.id, 'notes.pdf', pdf('notes')).expect(500);
    expect(ApiError.parse(res.body).error).toContain('Upload it again');
    expect(failing.log()).toContain('upload could not be filed');
    expect(failing.log()).not.toContain('Testfield');
  });
});
