import {
  childFolderName,
  completeCase,
  currentStep,
  logTime,
  recordReview,
  requestInformation,
  viewCase,
  type Case,
  type Versioned,
} from '../../workflow';
import { documentFileName } from '../../workflow/documents/documentNames';
import { caseSteps } from './caseSteps';
import { key, onTheDay, people, value, type World } from './world';

/**
 * Walks one case through all ten steps to closure, through whatever ports the world has,
 * checking what any port implementation must show. Returns the closed case.
 */
export async function walkCaseToClosure(world: World, urn = '100001'): Promise<Versioned<Case>> {
  const steps = caseSteps(world);
  const worker = await world.staff(people.worker);
  const opened = await steps.refer(urn);
  if (opened.outcome !== 'case-opened') throw new Error(opened.outcome);
  const id = opened.case.id;
  expect(opened.case.reference).toMatch(/^OC-26-[0-9A-Z]{5}$/);
  expect(opened.case.step).toBe(2);

  value(await requestInformation(world.deps, await world.staff(people.admin), { caseId: id }));
  await steps.allocate(id);
  expect((await steps.informationReturned(id)).case.step).toBe(3);
  expect((await steps.observe(id)).case.step).toBe(4);
  expect((await steps.schoolMeeting(id)).case.step).toBe(5);
  expect((await steps.homeVisit(id)).case.step).toBe(6);
  expect((await steps.observe(id, '2026-09-30')).case.step).toBe(7);
  const { contract } = await steps.contract(id);
  expect(contract).toMatchObject({ status: 'awaiting-approval', supportEnds: '2026-11-20' });
  await steps.approve(contract.id);
  // Support runs at step 8 until the review is due (the review on 19 Nov is early: the rules allow it).
  expect((await steps.support(id)).case.step).toBe(8);
  // The session's 1.5 hours are on the ledger already (it is its own time entry); the report writing adds 1.
  const time = value(await onTheDay(world, '2026-10-06', () => logTime(world.deps, worker, { caseId: id, requestKey: key('time'), on: '2026-10-06', hours: 1, activity: 'report-writing' })));
  expect(time.ledger.totals.used).toBe(2.5);
  value(await onTheDay(world, '2026-11-19', () => recordReview(world.deps, worker, { caseId: id, requestKey: key('review'), heldOn: '2026-11-19', outcome: 'end', summary: 'Targets met.', destination: 'mainstream' })));
  const closed = value(await completeCase(world.deps, worker, { caseId: id }));
  expect(closed).toMatchObject({ status: 'closed', step: 10, closure: { how: 'review-ended', destination: 'mainstream', by: people.worker } });
  expect(currentStep(closed)).toBe(10);

  const view = value(await viewCase(world.deps, await world.staff(people.manager), { caseId: id }));
  expect(view.contracts.map((k) => k.status)).toEqual(['ended']);
  const kinds = view.records.map((r) => r.body.kind).sort();
  expect(kinds).toEqual(
    [...Array<string>(11).fill('document'), 'evaluation-request', 'home-visit', 'information-returned', 'meeting', 'observation', 'observation', 'review', 'support-session', 'time'].sort(),
  );
  const folder = await world.deps.folders.ensureCaseFolder(childFolderName(opened.child, world.config.folderNamePattern), opened.case.reference);
  // Every document of the walk, named by documentFileName: the information request's letter (with its PDF), form and PDP; the
  // two observations' forms and the meeting's record; the approved contract; the closing's (no online evaluation form
  // configured: the form is filed and sent too).
  const ref = opened.case.reference;
  const firsts = ['information-letter', 'information-form', 'pdp', 'observation-form', 'meeting-record', 'outreach-contract', 'end-of-outreach-report', 'chronology-log', 'summary-record', 'evaluation-form'] as const;
  const expected = [
    ...firsts.map((kind) => documentFileName(kind, ref, 1, 'docx')),
    documentFileName('observation-form', ref, 2, 'docx'),
    ...(['information-letter', 'end-of-outreach-report'] as const).map((kind) => documentFileName(kind, ref, 1, 'pdf')),
  ];
  expect((await world.deps.folders.list(folder)).map((f) => f.name).sort()).toEqual(expected.sort());
  expect(closed.milestones.endReportFiled?.fileUrl).toMatch(new RegExp(`${encodeURIComponent(documentFileName('end-of-outreach-report', ref, 1, 'docx'))}$`));
  const actions = (await world.deps.audit.forCase(id)).map((e) => e.action);
  expect(actions).toEqual(expect.arrayContaining(['case.referral-logged', 'case.allocated', 'contract.drafted', 'contract.approved', 'case.closed', 'case.read']));
  return closed;
}
