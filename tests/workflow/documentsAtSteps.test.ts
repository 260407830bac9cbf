import { decideContract, draftContract, recordMeeting, recordObservation, recordParentsInformed, requestInformation, TemplateProblem, type CaseRecord, type MailMessage } from '../../workflow';
import { caseSteps, childDetails } from '../support/caseSteps';
import { documentText, leftoverTags } from '../support/documentText';
import { buildWorld, errorOf, key, onTheDay, people, value, type World } from '../support/world';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

async function referred(world: World, child: Record<string, unknown> = {}) {
  const school = await world.schoolByUrn('100001');
  const opened = await caseSteps(world).refer('100001', { child: childDetails(school.id, child) });
  return { caseId: opened.case.id, reference: opened.case.reference, folder: `${opened.child.reference} ${opened.child.lastName}`, school };
}

const filesOf = (world: World, caseId: string, reference: string) => {
  const path = world.memory.folders.folderPaths().find((p) => p.endsWith(`/${reference}`));
  if (!path) throw new Error(`no folder for ${caseId}`);
  return world.memory.folders.filesIn(path);
};
const documentRecords = async (world: World, caseId: string) =>
  (await world.deps.stores.records.find({ caseId })).flatMap((r: CaseRecord) => (r.body.kind === 'document' ? [r.body] : []));
const mailsAbout = (world: World, reference: string): MailMessage[] => world.memory.mailer.outbox.filter((m) => m.subject.includes(reference));

describe('documents made at the steps of a case', () => {
  it('step 2: the letter (with its PDF), the information form filled from the case, and the PDP template are filed and mailed to the SENCo once', async () => {
    const world = await buildWorld();
    const c = await referred(world, { firstName: "Zoë", lastName: "O'Brien-Łukasz" });
    const admin = await world.staff(people.admin);
    const sent = value(await requestInformation(world.deps, admin, { caseId: c.caseId }));
    const names = filesOf(world, c.caseId, c.reference).map((f) => f.name).sort();
    expect(names).toHaveLength(4);
    expect(names.filter((n) => n.endsWith('.docx'))).toHaveLength(3);
    expect(names.filter((n) => n.endsWith('.pdf'))).toHaveLength(1);
    for (const name of names) expect(name).toContain(c.reference);
    for (const name of names) expect(name).not.toMatch(/Zo|Brien/);
    expect(sent.documents.map((d) => d.fileName).sort()).toEqual(names.filter((n) => n.endsWith('.docx')).sort());

    const [mail, ...others] = mailsAbout(world, c.reference);
    expect(others).toHaveLength(0);
    expect(mail?.to).toEqual([c.school.senco.email]);
    expect(mail?.subject).not.toMatch(/Zo|Brien|Łukasz/);
    expect(mail?.attachments?.map((a) => a.contentType).sort()).toEqual(['application/pdf', DOCX, DOCX]);
    expect(mail?.attachments?.[0]?.content.byteLength).toBeGreaterThan(1000);

    // The form carries what the case knows: the child's name as written, in any script; no tag left.
    const form = filesOf(world, c.caseId, c.reference).find((f) => /Information Gathering/i.test(f.name) && f.name.endsWith('.docx'));
    if (!form) throw new Error('no information form filed');
    const text = await documentText(form.content);
    expect(text).toContain("Zoë");
    expect(text).toContain("O'Brien-Łukasz");
    expect(leftoverTags(text)).toEqual([]);

    const records = await documentRecords(world, c.caseId);
    expect(records.map((r) => r.document).sort()).toEqual(['information-form', 'information-letter', 'pdp']);
    expect(records.every((r) => r.sentTo?.[0] === c.school.senco.email && r.fileUrl.length > 0)).toBe(true);

    // A second click is told it was sent: nothing filed or mailed again.
    expect(errorOf(await requestInformation(world.deps, admin, { caseId: c.caseId })).code).toBe('AlreadyDone');
    expect(mailsAbout(world, c.reference)).toHaveLength(1);
    expect(filesOf(world, c.caseId, c.reference)).toHaveLength(4);
  });

  it('step 2: a restart between filing and sending (the mail failed after the files were filed) mails once and files nothing twice', async () => {
    const world = await buildWorld();
    const c = await referred(world);
    const admin = await world.staff(people.admin);
    const send = world.deps.mailer.send.bind(world.deps.mailer);
    world.deps.mailer.send = () => Promise.reject(new Error('connection lost'));
    await expect(requestInformation(world.deps, admin, { caseId: c.caseId })).rejects.toThrow('connection lost');
    expect(filesOf(world, c.caseId, c.reference)).toHaveLength(4);
    world.deps.mailer.send = send;
    value(await requestInformation(world.deps, admin, { caseId: c.caseId }));
    expect(errorOf(await requestInformation(world.deps, admin, { caseId: c.caseId })).code).toBe('AlreadyDone');
    expect(mailsAbout(world, c.reference)).toHaveLength(1);
    expect(filesOf(world, c.caseId, c.reference)).toHaveLength(4);
    expect(await documentRecords(world, c.caseId)).toHaveLength(3);
  });

  it('a template that cannot be used refuses the step in words: nothing filed, sent or recorded', async () => {
    const world = await buildWorld();
    const c = await referred(world);
    world.deps.documents.make = (kind) => Promise.reject(new TemplateProblem(kind, 'site', 'the tag {childName is not closed'));
    const refused = errorOf(await requestInformation(world.deps, await world.staff(people.admin), { caseId: c.caseId }));
    expect(refused.code).toBe('DocumentNotMade');
    expect(refused.message).toContain('the tag {childName is not closed');
    expect(refused.message).toContain("site's Templates library");
    expect(mailsAbout(world, c.reference)).toHaveLength(0);
    expect((await world.deps.stores.cases.get(c.caseId))?.milestones.informationRequested).toBeUndefined();
  });

  it('observations are written up on Observation Forms, one version each; a double click files once', async () => {
    const world = await buildWorld();
    const steps = caseSteps(world);
    const { caseId, reference } = await steps.toStep(3);
    const worker = await world.staff(people.worker);
    const first = { caseId, requestKey: key('obs'), observedOn: '2026-09-21', setting: 'Year 5, English', focus: 'classroom', outcome: 'Settled with support.', wayForward: 'Calm corner.', strategiesChecked: [{ strategy: 'Visual timetable', inUse: true, effective: 'partly' }] };
    const added = value(await onTheDay(world, '2026-09-21', () => recordObservation(world.deps, worker, first)));
    const again = value(await onTheDay(world, '2026-09-21', () => recordObservation(world.deps, worker, first)));
    expect(again.repeated).toBe(true);
    expect(again.documents?.map((d) => d.fileName)).toEqual(added.documents?.map((d) => d.fileName));
    const forms = () => filesOf(world, caseId, reference).filter((f) => /Observation/i.test(f.name));
    expect(forms().map((f) => f.name)).toEqual([expect.stringMatching(new RegExp(`${reference} v1\\.docx$`))]);
    const text = await documentText(forms()[0]?.content ?? new Uint8Array());
    expect(text).toContain('Settled with support.');
    expect(text).toContain('Visual timetable');
    expect(leftoverTags(text)).toEqual([]);
    await steps.schoolMeeting(caseId);
    await steps.homeVisit(caseId);
    await steps.observe(caseId, '2026-09-30');
    expect(forms().map((f) => f.name).sort()).toEqual([expect.stringMatching(/v1\.docx$/), expect.stringMatching(/v2\.docx$/)]);
    const meetingRecords = filesOf(world, caseId, reference).filter((f) => /Meeting/i.test(f.name));
    expect(meetingRecords).toHaveLength(1);
    expect(await documentText(meetingRecords[0]?.content ?? new Uint8Array())).toContain('Discussed the information form and PDP.');
    expect((await documentRecords(world, caseId)).filter((r) => r.document === 'observation-form')).toHaveLength(2);
  });

  it('the approved contract is filed under its version; a later version is a new file and the first is kept', async () => {
    const world = await buildWorld();
    const steps = caseSteps(world);
    const { caseId, reference } = await steps.toStep(7);
    const { contract } = await steps.contract(caseId);
    await steps.approve(contract.id);
    const contracts = () => filesOf(world, caseId, reference).filter((f) => /Contract/i.test(f.name)).map((f) => f.name).sort();
    expect(contracts()).toEqual([expect.stringMatching(/v1\.docx$/)]);
    const text = await documentText(filesOf(world, caseId, reference).find((f) => /Contract/i.test(f.name))?.content ?? new Uint8Array());
    expect(text).toContain('Uses calm corner when dysregulated');
    expect(leftoverTags(text)).toEqual([]);
    const worker = await world.staff(people.worker);
    const purchases = await world.deps.stores.purchases.find({ schoolId: (await world.deps.stores.cases.get(caseId))?.schoolId ?? '' });
    const v2 = value(
      await draftContract(world.deps, worker, { caseId, requestKey: key('contract'), targets: ['Joins group work twice a week'], support: 'Weekly 1:1', purchaseIds: [purchases[0]?.id], startDate: '2026-10-12', reviewDate: '2026-12-10' }),
    );
    value(await decideContract(world.deps, await world.staff(people.manager), { contractId: v2.contract.id, decision: 'approve' }));
    expect(contracts()).toEqual([expect.stringMatching(/v1\.docx$/), expect.stringMatching(/v2\.docx$/)]);
  });

  it('step 7: a parent who prefers e-mail gets the letter attached; one who prefers the phone has a letter filed to print', async () => {
    const world = await buildWorld();
    const steps = caseSteps(world);
    const school = await world.schoolByUrn('100001');
    const opened = await steps.refer('100001', {
      child: childDetails(school.id, {
        parents: [
          { name: 'Amal Haddad', relationship: 'mother', parentalResponsibility: true, email: 'amal.haddad@example.org', preferredContact: 'email' },
          { name: 'Jonah Haddad', relationship: 'father', parentalResponsibility: true, phone: '01632 960111', preferredContact: 'phone' },
        ],
      }),
    });
    const caseId = opened.case.id;
    await steps.toContractStep(caseId);
    const { contract } = await steps.contract(caseId);
    await steps.approve(contract.id);
    const worker = await world.staff(people.worker);
    const told = value(await recordParentsInformed(world.deps, worker, { contractId: contract.id }));
    expect(told.letters.map((l) => [l.parent, l.emailedTo])).toEqual([
      ['Amal Haddad', 'amal.haddad@example.org'],
      ['Jonah Haddad', undefined],
    ]);
    const mails = world.memory.mailer.outbox.filter((m) => m.to.includes('amal.haddad@example.org'));
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toContain(opened.case.reference);
    expect(mails[0]?.subject).not.toContain('Haddad');
    expect(mails[0]?.attachments?.map((a) => a.contentType)).toEqual(['application/pdf']);
    const letters = filesOf(world, caseId, opened.case.reference).filter((f) => /parent/i.test(f.name) && f.name.endsWith('.docx'));
    expect(letters).toHaveLength(2);
    expect(await documentText(letters.find((f) => f.name.includes('parent 2'))?.content ?? new Uint8Array())).toContain('Jonah Haddad');
    // Told once per version: a second click writes and mails nothing.
    expect(value(await recordParentsInformed(world.deps, worker, { contractId: contract.id })).repeated).toBe(true);
    expect(world.memory.mailer.outbox.filter((m) => m.to.includes('amal.haddad@example.org'))).toHaveLength(1);
  });

  it('a meeting record is filed for any meeting', async () => {
    const world = await buildWorld();
    const { caseId, reference } = await caseSteps(world).toStep(4);
    const worker = await world.staff(people.worker);
    const added = value(
      await onTheDay(world, '2026-09-23', () =>
        recordMeeting(world.deps, worker, { caseId, requestKey: key('meet'), heldOn: '2026-09-23', purpose: 'initial-school', attendees: ['SENCo', 'Tomás Ó Briain'], notes: 'Agreed a plan & a review <soon>.' }),
      ),
    );
    expect(added.documents).toHaveLength(1);
    const file = filesOf(world, caseId, reference).find((f) => f.name === added.documents?.[0]?.fileName);
    const text = await documentText(file?.content ?? new Uint8Array());
    expect(text).toContain('Tomás Ó Briain');
    expect(text).toContain('Agreed a plan & a review <soon>.');
  });
});
