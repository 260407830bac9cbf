/**
 * Issue 15, step 10: an Outreach Report (another agency asked) or a Fair Access Panel report,
 * written from its template and filed with its PDF, the record linking it, and mailed as PDF to
 * whoever asked when their address is given; once per submit, a new version per report.
 */
import { DOCX_TYPE, PDF_TYPE, recordOutreachReport, TemplateProblem, type CaseRecord, type Versioned } from '../../workflow';
import { documentFileName } from '../../workflow/documents/documentNames';
import { caseSteps, childDetails } from '../support/caseSteps';
import { buildWorld, errorOf, key, people, value, type World } from '../support/world';

async function allocatedCase() {
  const world = await buildWorld();
  const { caseId, reference } = await caseSteps(world).toStep(3);
  return { world, caseId, reference, worker: await world.staff(people.worker) };
}

const report = (caseId: string, overrides: Record<string, unknown> = {}) => ({
  caseId,
  requestKey: key('report'),
  reportType: 'outreach',
  requestedBy: 'Northvale Educational Psychology',
  requestedByEmail: 'ep.team@northvale.example.org',
  summary: 'Progress since referral; strategies in place.',
  ...overrides,
});

const filesOf = (world: World, reference: string) => {
  const folder = world.memory.folders.folderPaths().find((p) => p.endsWith(`/${reference}`));
  return folder ? world.memory.folders.filesIn(folder) : [];
};
const documentRecords = async (world: World, caseId: string): Promise<Versioned<CaseRecord>[]> =>
  (await world.deps.stores.records.find({ caseId })).filter((r) => r.body.kind === 'document');
const reportMails = (world: World) => world.memory.mailer.outbox.filter((m) => /Report|report for case/.test(m.subject));

describe('step 10 reports: filed from the template and sent to whoever asked', () => {
  it('files the Outreach Report and its PDF, links it from the report record and a document record, and mails the PDF to the address given', async () => {
    const { world, caseId, reference, worker } = await allocatedCase();
    const added = value(await recordOutreachReport(world.deps, worker, report(caseId)));
    const [docx, pdf] = (['docx', 'pdf'] as const).map((ext) => documentFileName('outreach-report', reference, 1, ext));
    const files = filesOf(world, reference);
    expect(files.map((f) => [f.name, f.contentType]).sort()).toEqual([[docx, DOCX_TYPE], [pdf, PDF_TYPE]].sort());
    const url = files.find((f) => f.name === docx)?.webUrl;
    expect(added.record.body).toMatchObject({ kind: 'report', reportType: 'outreach', requestedByEmail: 'ep.team@northvale.example.org', fileUrl: url });
    expect(added.record.step).toBe(10);
    expect(added.document).toMatchObject({ fileName: docx, url, pdfUrl: files.find((f) => f.name === pdf)?.webUrl });
    expect(added.sentTo).toBe('ep.team@northvale.example.org');
    const [record] = await documentRecords(world, caseId);
    expect(record).toMatchObject({ step: 10, body: { document: 'outreach-report', fileName: docx, fileUrl: url, pdfName: pdf, version: 1, sentTo: ['ep.team@northvale.example.org'] } });
    const [mail, ...more] = reportMails(world);
    expect(more).toEqual([]);
    expect(mail).toMatchObject({ to: ['ep.team@northvale.example.org'], subject: `Outreach Service: Outreach Report for case ${reference}` });
    expect(mail?.attachments?.map((a) => ({ name: a.name, contentType: a.contentType }))).toEqual([{ name: pdf, contentType: PDF_TYPE }]);
  });

  it('without an address, files the report and mails nothing (the worker sends it from the folder)', async () => {
    const { world, caseId, reference, worker } = await allocatedCase();
    const added = value(await recordOutreachReport(world.deps, worker, report(caseId, { requestedByEmail: undefined, reportType: 'fair-access-panel' })));
    expect(added.sentTo).toBeUndefined();
    expect(filesOf(world, reference).map((f) => f.name).sort()).toEqual((['docx', 'pdf'] as const).map((ext) => documentFileName('fap-report', reference, 1, ext)).sort());
    expect(reportMails(world)).toEqual([]);
    const [record] = await documentRecords(world, caseId);
    expect(record?.body).toMatchObject({ document: 'fap-report' });
    expect(record?.body.kind === 'document' && record.body.sentTo).toBeFalsy();
  });

  it('a second report of the same kind is a new version; a double click of one files and mails it once', async () => {
    const { world, caseId, reference, worker } = await allocatedCase();
    const first = report(caseId);
    value(await recordOutreachReport(world.deps, worker, first));
    const again = value(await recordOutreachReport(world.deps, worker, first));
    expect(again.repeated).toBe(true);
    expect(again.document.fileName).toBe(documentFileName('outreach-report', reference, 1, 'docx'));
    value(await recordOutreachReport(world.deps, worker, report(caseId, { requestedBy: 'Northvale Virtual School', requestedByEmail: 'virtual.school@northvale.example.org' })));
    expect(filesOf(world, reference).map((f) => f.name).sort()).toEqual(
      [1, 2].flatMap((v) => (['docx', 'pdf'] as const).map((ext) => documentFileName('outreach-report', reference, v, ext))).sort(),
    );
    expect(reportMails(world).map((m) => m.to.join())).toEqual(['ep.team@northvale.example.org', 'virtual.school@northvale.example.org']);
    expect(await documentRecords(world, caseId)).toHaveLength(2);
  });

  it('a retry after the mail failed once mails once and files nothing twice', async () => {
    const { world, caseId, reference, worker } = await allocatedCase();
    const send = world.deps.mailer.send.bind(world.deps.mailer);
    let failed = false;
    world.deps.mailer.send = async (m, k) => {
      if (!failed && m.subject.includes('Outreach Report')) {
        failed = true;
        throw new Error('mail service unavailable');
      }
      return send(m, k);
    };
    const input = report(caseId);
    await expect(recordOutreachReport(world.deps, worker, input)).rejects.toThrow('mail service unavailable');
    const filedFirst = filesOf(world, reference).map((f) => `${f.id} ${f.name}`).sort();
    value(await recordOutreachReport(world.deps, worker, input));
    expect(filesOf(world, reference).map((f) => `${f.id} ${f.name}`).sort()).toEqual(filedFirst);
    expect(reportMails(world)).toHaveLength(1);
    expect(await documentRecords(world, caseId)).toHaveLength(1);
    expect((await world.deps.stores.records.find({ caseId })).filter((r) => r.body.kind === 'report')).toHaveLength(1);
  });

  it('a template that cannot be used refuses in words, with nothing recorded or sent', async () => {
    const { world, caseId, worker } = await allocatedCase();
    world.deps.documents = { make: (kind) => Promise.reject(new TemplateProblem(kind, 'shipped', 'it asks for a field named {agency} the product does not give')) };
    const error = errorOf(await recordOutreachReport(world.deps, worker, report(caseId)));
    expect(error).toMatchObject({ code: 'DocumentNotMade' });
    expect(error.message).toContain('{agency}');
    expect((await world.deps.stores.records.find({ caseId })).filter((r) => r.body.kind === 'report' || r.body.kind === 'document')).toEqual([]);
    expect(reportMails(world)).toEqual([]);
  });

  it('a child named in any script is never in the subject', async () => {
    const world = await buildWorld();
    const steps = caseSteps(world);
    const school = await world.schoolByUrn('100001');
    const opened = await steps.refer('100001', { child: childDetails(school.id, { firstName: 'Zoë', lastName: "D'Arcy-Ñúñez" }) });
    await steps.allocate(opened.case.id);
    value(await recordOutreachReport(world.deps, await world.staff(people.worker), report(opened.case.id)));
    const [mail] = reportMails(world);
    expect(mail?.subject).toBe(`Outreach Service: Outreach Report for case ${opened.case.reference}`);
    expect(mail?.attachments?.[0]?.name).not.toMatch(/Zoë|D'Arcy/);
  });
});
