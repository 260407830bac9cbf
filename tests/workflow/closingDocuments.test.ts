/**
 * Issue 15: the paperwork at the end of a case. The End of Outreach Report, the Chronology Log and
 * the Summary Record filed under their consistent names, the case's records linking them, the
 * report's PDF mailed to the school, the evaluation request with the online form's link or the
 * form attached; the early closure letter; each filed and mailed once whatever retries, and a
 * template that cannot be used refusing the step in words with nothing sent. Names with
 * apostrophes, accents and other scripts never reach a subject.
 */
import { closeEarly, completeCase, DOCX_TYPE, PDF_TYPE, recordReview, TemplateProblem, type CaseRecord, type MailMessage, type Versioned } from '../../workflow';
import { documentFileName } from '../../workflow/documents/documentNames';
import { caseSteps, childDetails } from '../support/caseSteps';
import { endReviewLeavingCaseOpen } from '../support/reviewEnded';
import { buildWorld, errorOf, key, onTheDay, people, value, type World } from '../support/world';

const closingKinds = ['end-of-outreach-report', 'chronology-log', 'summary-record', 'evaluation-form'] as const;

/** A case whose review ended the support on 19 Nov, its completing stopped before anything was filed; the clock on 23 Nov. */
async function reviewEnded(world: World, child: Record<string, unknown> = {}) {
  const steps = caseSteps(world);
  const school = await world.schoolByUrn('100001');
  const opened = await steps.refer('100001', { child: childDetails(school.id, child) });
  const caseId = opened.case.id;
  await steps.toContractStep(caseId);
  await steps.approve((await steps.contract(caseId)).contract.id);
  await steps.support(caseId);
  world.memory.clock.set('2026-11-23T09:00:00Z');
  const worker = await world.staff(people.worker);
  await endReviewLeavingCaseOpen(world, worker, caseId);
  return { caseId, reference: opened.case.reference, child: opened.child, school, worker };
}

/** A case with its contract in force (for closing early), the clock on 23 Nov. */
async function caseInForce(world: World, child: Record<string, unknown> = {}) {
  const steps = caseSteps(world);
  const school = await world.schoolByUrn('100001');
  const opened = await steps.refer('100001', { child: childDetails(school.id, child) });
  await steps.toContractStep(opened.case.id);
  await steps.approve((await steps.contract(opened.case.id)).contract.id);
  world.memory.clock.set('2026-11-23T09:00:00Z');
  return { caseId: opened.case.id, reference: opened.case.reference, child: opened.child, school, manager: await world.staff(people.manager) };
}

/** The paperwork of the steps before closing (observation forms, the contract...): not what these tests are about. */
const earlierPaperwork = /^(Observation Form|Meeting Record|Outreach Contract|Information Request Letter|School Initial Information|Personal Development Plan) /;
const earlierKinds = new Set(['observation-form', 'meeting-record', 'outreach-contract', 'parents-contract-letter', 'information-letter', 'information-form', 'pdp']);
const namesInFolder = async (world: World, caseId: string): Promise<string[]> => {
  const c = await world.deps.stores.cases.get(caseId);
  const child = c ? await world.deps.stores.children.get(c.childId) : undefined;
  if (!c || !child) throw new Error('no case');
  const folder = world.memory.folders.folderPaths().find((p) => p.endsWith(`/${c.reference}`));
  return folder ? world.memory.folders.filesIn(folder).map((f) => f.name).filter((n) => !earlierPaperwork.test(n)).sort() : [];
};
const filesOf = (world: World, reference: string) => {
  const folder = world.memory.folders.folderPaths().find((p) => p.endsWith(`/${reference}`));
  return folder ? world.memory.folders.filesIn(folder).filter((f) => !earlierPaperwork.test(f.name)) : [];
};
const documentRecords = async (world: World, caseId: string): Promise<Versioned<CaseRecord>[]> =>
  (await world.deps.stores.records.find({ caseId })).filter((r) => r.body.kind === 'document' && !earlierKinds.has(r.body.document));
const attachmentsOf = (mail: MailMessage | undefined) => (mail?.attachments ?? []).map((a) => ({ name: a.name, contentType: a.contentType }));
const newMail = (world: World, before: number) => world.memory.mailer.outbox.slice(before);

/** Makes the mailer fail its next send, once (a restart between filing and sending). */
function mailFailsOnce(world: World): void {
  const send = world.deps.mailer.send.bind(world.deps.mailer);
  let failed = false;
  world.deps.mailer.send = async (message, idempotencyKey) => {
    if (!failed) {
      failed = true;
      throw new Error('mail service unavailable');
    }
    return send(message, idempotencyKey);
  };
}

function brokenTemplate(world: World): void {
  world.deps.documents = { make: (kind) => Promise.reject(new TemplateProblem(kind, 'site', 'the tag {pupilName} is opened but never closed')) };
}

describe('completing a case: the closing documents', () => {
  it('files the report (with its PDF), the chronology, the summary and the evaluation form under their names, each linked from a record', async () => {
    const world = await buildWorld();
    const { caseId, reference, worker, school } = await reviewEnded(world);
    const closed = value(await completeCase(world.deps, worker, { caseId }));
    const expected = [...closingKinds.map((k) => documentFileName(k, reference, 1, 'docx')), documentFileName('end-of-outreach-report', reference, 1, 'pdf')].sort();
    expect(await namesInFolder(world, caseId)).toEqual(expected);
    const files = filesOf(world, reference);
    const urlOf = (name: string) => files.find((f) => f.name === name)?.webUrl;
    expect(files.find((f) => f.name.endsWith('.pdf'))?.contentType).toBe(PDF_TYPE);
    expect(files.filter((f) => f.name.endsWith('.docx')).every((f) => f.contentType === DOCX_TYPE)).toBe(true);

    const records = await documentRecords(world, caseId);
    const byKind = new Map(records.map((r) => [r.body.kind === 'document' ? r.body.document : '', r]));
    expect([...byKind.keys()].sort()).toEqual([...closingKinds].sort());
    const report = byKind.get('end-of-outreach-report');
    expect(report).toMatchObject({
      step: 9,
      body: {
        fileName: documentFileName('end-of-outreach-report', reference, 1, 'docx'),
        fileUrl: urlOf(documentFileName('end-of-outreach-report', reference, 1, 'docx')),
        pdfName: documentFileName('end-of-outreach-report', reference, 1, 'pdf'),
        pdfUrl: urlOf(documentFileName('end-of-outreach-report', reference, 1, 'pdf')),
        version: 1,
        sentTo: [school.senco.email, school.headteacher.email],
      },
    });
    expect(byKind.get('chronology-log')).toMatchObject({ step: 9, body: { fileUrl: urlOf(documentFileName('chronology-log', reference, 1, 'docx')) } });
    expect(byKind.get('summary-record')).toMatchObject({ step: 9, body: { fileUrl: urlOf(documentFileName('summary-record', reference, 1, 'docx')) } });
    expect(byKind.get('evaluation-form')).toMatchObject({ step: 10, body: { sentTo: [school.senco.email] } });
    // The milestone links the report itself; the result links every document for the card.
    expect(closed.milestones.endReportFiled?.fileUrl).toBe(urlOf(documentFileName('end-of-outreach-report', reference, 1, 'docx')));
    expect(closed.documents.map((d) => d.fileName)).toEqual(closingKinds.map((k) => documentFileName(k, reference, 1, 'docx')));
  });

  it('mails the report as PDF to the SENCo (copied to the head) and the evaluation form attached, subjects by case reference', async () => {
    const world = await buildWorld();
    const { caseId, reference, worker, school } = await reviewEnded(world);
    const before = world.memory.mailer.outbox.length;
    value(await completeCase(world.deps, worker, { caseId }));
    const [report, evaluation, ...rest] = newMail(world, before);
    expect(rest).toEqual([]);
    expect(report).toMatchObject({ to: [school.senco.email], cc: [school.headteacher.email], subject: `Outreach Service: End of Outreach Report for case ${reference}` });
    expect(attachmentsOf(report)).toEqual([{ name: documentFileName('end-of-outreach-report', reference, 1, 'pdf'), contentType: PDF_TYPE }]);
    expect(new TextDecoder().decode(report?.attachments?.[0]?.content.slice(0, 5))).toBe('%PDF-');
    expect(evaluation).toMatchObject({ to: [school.senco.email], subject: `Outreach Service: evaluation of case ${reference}` });
    expect(attachmentsOf(evaluation)).toEqual([{ name: documentFileName('evaluation-form', reference, 1, 'docx'), contentType: DOCX_TYPE }]);
    expect(evaluation?.html).toContain('attached school evaluation form');
  });

  it('with the online evaluation form configured, mails its link and files no form', async () => {
    const world = await buildWorld();
    world.deps.config.evaluationFormUrl = 'https://forms.example.org/r/evaluate-outreach';
    const { caseId, reference, worker } = await reviewEnded(world);
    const before = world.memory.mailer.outbox.length;
    value(await completeCase(world.deps, worker, { caseId }));
    const evaluation = newMail(world, before).find((m) => m.subject.includes('evaluation'));
    expect(evaluation?.html).toContain('href="https://forms.example.org/r/evaluate-outreach"');
    expect(evaluation?.attachments).toBeUndefined();
    expect(await namesInFolder(world, caseId)).not.toContain(documentFileName('evaluation-form', reference, 1, 'docx'));
    expect((await documentRecords(world, caseId)).map((r) => (r.body.kind === 'document' ? r.body.document : '')).sort()).toEqual(['chronology-log', 'end-of-outreach-report', 'summary-record']);
  });

  it('a repeat (double click) files and mails nothing more', async () => {
    const world = await buildWorld();
    const { caseId, worker } = await reviewEnded(world);
    value(await completeCase(world.deps, worker, { caseId }));
    const [sent, files] = [world.memory.mailer.outbox.length, await namesInFolder(world, caseId)];
    const again = value(await completeCase(world.deps, worker, { caseId }));
    expect(again.repeated).toBe(true);
    expect(again.documents).toHaveLength(4);
    expect(world.memory.mailer.outbox.length).toBe(sent);
    expect(await namesInFolder(world, caseId)).toEqual(files);
    expect(await documentRecords(world, caseId)).toHaveLength(4);
  });

  it('a restart between filing and sending (the mail failed once) mails once and files nothing twice', async () => {
    const world = await buildWorld();
    const { caseId, reference, worker } = await reviewEnded(world);
    const before = world.memory.mailer.outbox.length;
    mailFailsOnce(world);
    await expect(completeCase(world.deps, worker, { caseId })).rejects.toThrow('mail service unavailable');
    const filedFirst = filesOf(world, reference).map((f) => `${f.id} ${f.name}`).sort();
    expect(filedFirst).toHaveLength(5);
    expect((await world.deps.stores.cases.get(caseId))?.status).toBe('open');

    const closed = value(await completeCase(world.deps, worker, { caseId }));
    expect(closed.status).toBe('closed');
    // The same files (same ids: nothing replaced or added), one record each, each mail once.
    expect(filesOf(world, reference).map((f) => `${f.id} ${f.name}`).sort()).toEqual(filedFirst);
    expect(await documentRecords(world, caseId)).toHaveLength(4);
    const subjects = newMail(world, before).map((m) => m.subject).sort();
    expect(subjects).toEqual([`Outreach Service: End of Outreach Report for case ${reference}`, `Outreach Service: evaluation of case ${reference}`].sort());
  });

  it('the case closes only once its records link every document: a record that could not be written is written by completing again', async () => {
    const world = await buildWorld();
    const { caseId, worker } = await reviewEnded(world);
    const records = world.deps.stores.records;
    const create = records.create.bind(records);
    let failed = false;
    records.create = async (item, idempotencyKey) => {
      if (!failed && item.body.kind === 'document' && item.body.document === 'summary-record') {
        failed = true;
        throw new Error('list service unavailable');
      }
      return create(item, idempotencyKey);
    };
    await expect(completeCase(world.deps, worker, { caseId })).rejects.toThrow('list service unavailable');
    expect((await world.deps.stores.cases.get(caseId))?.status).toBe('open');
    value(await completeCase(world.deps, worker, { caseId }));
    expect(await documentRecords(world, caseId)).toHaveLength(4);
    expect((await world.deps.stores.cases.get(caseId))?.status).toBe('closed');
  });

  it('a template that cannot be used refuses in words: nothing sent, nothing recorded, the case open', async () => {
    const world = await buildWorld();
    const { caseId, worker } = await reviewEnded(world);
    const before = world.memory.mailer.outbox.length;
    const recordsBefore = (await world.deps.stores.records.find({ caseId })).length;
    brokenTemplate(world);
    const error = errorOf(await completeCase(world.deps, worker, { caseId }));
    expect(error.code).toBe('DocumentNotMade');
    expect(error.message).toContain('the tag {pupilName} is opened but never closed');
    expect(error.message).toContain('Nothing was sent or recorded');
    expect(newMail(world, before)).toEqual([]);
    expect(await world.deps.stores.records.find({ caseId })).toHaveLength(recordsBefore);
    const c = await world.deps.stores.cases.get(caseId);
    expect(c?.status).toBe('open');
    expect(c?.milestones.endReportSent).toBeUndefined();
  });

  it('a review that ends the support, with a broken template, is kept and says why closing stopped', async () => {
    const world = await buildWorld();
    const steps = caseSteps(world);
    const { caseId } = await steps.toContractInForce();
    await steps.support(caseId);
    brokenTemplate(world);
    const before = world.memory.mailer.outbox.length;
    const worker = await world.staff(people.worker);
    const input = { caseId, requestKey: key('review'), heldOn: '2026-11-19', outcome: 'end', summary: 'Done', destination: 'mainstream' };
    const reviewed = value(await onTheDay(world, '2026-11-19', () => recordReview(world.deps, worker, input)));
    expect(reviewed.completed && errorOf(reviewed.completed).code).toBe('DocumentNotMade');
    expect(newMail(world, before)).toEqual([]);
  });
});

describe('closing early: the letter to the school', () => {
  it('is filed with its PDF, linked from a record, and mailed as PDF by case reference', async () => {
    const world = await buildWorld();
    const { caseId, reference, manager, school } = await caseInForce(world);
    const before = world.memory.mailer.outbox.length;
    const closed = value(await closeEarly(world.deps, manager, { caseId, reason: 'moved-school' }));
    expect(closed.closure?.letterSent).toBeDefined();
    const names = (['docx', 'pdf'] as const).map((ext) => documentFileName('early-closure-letter', reference, 1, ext));
    expect(await namesInFolder(world, caseId)).toEqual([...names].sort());
    const [letter, ...rest] = newMail(world, before);
    expect(rest).toEqual([]);
    expect(letter).toMatchObject({ to: [school.senco.email], cc: [school.headteacher.email], subject: `Outreach Service: case ${reference} closed` });
    expect(attachmentsOf(letter)).toEqual([{ name: names[1], contentType: PDF_TYPE }]);
    const [record, ...others] = await documentRecords(world, caseId);
    expect(others).toEqual([]);
    expect(record?.body).toMatchObject({ document: 'early-closure-letter', fileName: names[0], pdfName: names[1], sentTo: [school.senco.email, school.headteacher.email] });
    expect(closed.documents.map((d) => d.fileName)).toEqual([names[0]]);
  });

  it('a double click, and a retry after the mail failed once, file and mail the letter once', async () => {
    const world = await buildWorld();
    const { caseId, reference, manager } = await caseInForce(world);
    const before = world.memory.mailer.outbox.length;
    mailFailsOnce(world);
    await expect(closeEarly(world.deps, manager, { caseId, reason: 'no-longer-needed' })).rejects.toThrow('mail service unavailable');
    const filedFirst = filesOf(world, reference).map((f) => `${f.id} ${f.name}`).sort();
    expect(filedFirst).toHaveLength(2);
    expect(value(await closeEarly(world.deps, manager, { caseId, reason: 'no-longer-needed' })).repeated).toBe(false);
    const again = value(await closeEarly(world.deps, manager, { caseId, reason: 'no-longer-needed' }));
    expect(again.repeated).toBe(true);
    expect(again.documents).toHaveLength(1);
    expect(newMail(world, before).map((m) => m.subject)).toEqual([`Outreach Service: case ${reference} closed`]);
    expect(filesOf(world, reference).map((f) => `${f.id} ${f.name}`).sort()).toEqual(filedFirst);
    expect(await documentRecords(world, caseId)).toHaveLength(1);
  });

  it('a template that cannot be used refuses in words and the case stays open', async () => {
    const world = await buildWorld();
    const { caseId, manager } = await caseInForce(world);
    const before = world.memory.mailer.outbox.length;
    brokenTemplate(world);
    expect(errorOf(await closeEarly(world.deps, manager, { caseId, reason: 'moved-school' })).code).toBe('DocumentNotMade');
    expect(newMail(world, before)).toEqual([]);
    expect((await world.deps.stores.cases.get(caseId))?.status).toBe('open');
    expect(await documentRecords(world, caseId)).toEqual([]);
  });
});

describe("names with apostrophes, accents and other scripts never reach a subject or a file's name", () => {
  const children = [
    { firstName: 'Zoë', lastName: "O'Connell-Łęcka" },
    { firstName: 'Иван', lastName: 'Петров' },
    { firstName: '李', lastName: '王' },
  ];
  it.each(children)('$firstName $lastName: completing and closing early', async (child) => {
    const world = await buildWorld();
    const before = world.memory.mailer.outbox.length;
    const ended = await reviewEnded(world, child);
    value(await completeCase(world.deps, ended.worker, { caseId: ended.caseId }));
    const early = await caseInForce(world, child);
    value(await closeEarly(world.deps, early.manager, { caseId: early.caseId, reason: 'moved-school' }));
    const mails = newMail(world, before);
    expect(mails.length).toBeGreaterThanOrEqual(3);
    for (const mail of mails) {
      expect(mail.subject).not.toContain(child.firstName);
      expect(mail.subject).not.toContain(child.lastName);
      for (const a of mail.attachments ?? []) expect(a.name).not.toMatch(new RegExp(`${child.firstName}|${child.lastName}`));
    }
    expect(mails.map((m) => m.subject)).toEqual(expect.arrayContaining([expect.stringContaining(ended.reference), expect.stringContaining(early.reference)]));
    for (const name of [...(await namesInFolder(world, ended.caseId)), ...(await namesInFolder(world, early.caseId))]) {
      expect(name).not.toContain(child.firstName);
      expect(name).not.toContain(child.lastName);
    }
  });
});
