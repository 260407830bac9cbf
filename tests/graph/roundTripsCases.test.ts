import { randomIds } from '../../app/randomIds';
import {
  addChronologyEntry,
  allocateCase,
  amendRecord,
  checkIn,
  checkOut,
  logTime,
  markRecordAsConcern,
  pauseCase,
  raiseSafeguardingConcern,
  reallocateCase,
  recordInformationReturned,
  recordPurchase,
  recordSupportSession,
  resumeCase,
  setConsent,
  submitReferral,
  viewCase,
  type ReferralOutcome,
  type Result,
} from '../../workflow';
import { caseSteps, childDetails, referral } from '../support/caseSteps';
import { buildWorld, key, onTheDay, people, value, type World } from '../support/world';
import { startEmbeddedGraph, type EmbeddedGraph } from './embeddedGraph';
import { loggedRequests, roundTripsIn } from './requestLog';

jest.setTimeout(180_000);

/**
 * Round-trip budgets (issue 12: at most two per action, or as few as the data allows), counted on
 * the embedded Graph with the reference cache warm: single requests and $batch envelopes.
 */
let graph: EmbeddedGraph;
let w: World;
let steps: ReturnType<typeof caseSteps>;
beforeAll(async () => {
  // Staff, Schools and Purchases cached as the app composes them; never stale within a test.
  graph = await startEmbeddedGraph({ referenceCache: { refreshMs: 3_600_000, now: () => Date.now() } });
  w = await buildWorld('2026-09-14T09:00:00Z', { ...graph.ports, ids: randomIds });
  steps = caseSteps(w);
  // Warms the reference cache (schools, purchases, staff) as a running app has it.
  await steps.refer('100001', { child: childDetails((await w.schoolByUrn('100001')).id, { lastName: 'Warmup' }) });
});
afterAll(async () => {
  await graph.stop();
});

const as = (who: keyof typeof people) => w.staff(people[who]);

let children = 0;
/** A new case (a child of its own) allocated to the worker, with the information back: step 3. */
async function allocatedCase(): Promise<string> {
  const school = await w.schoolByUrn('100001');
  const opened = await steps.refer('100001', { child: childDetails(school.id, { lastName: `Budget${String.fromCharCode(97 + children++)}` }) });
  await steps.allocate(opened.case.id);
  await steps.informationReturned(opened.case.id);
  return opened.case.id;
}

/** A new case brought to a contract in force (steps 1-7). */
async function caseUnderContract(): Promise<string> {
  const caseId = await allocatedCase();
  await steps.observe(caseId);
  await steps.schoolMeeting(caseId);
  await steps.homeVisit(caseId);
  await steps.observe(caseId, '2026-09-30');
  const { contract } = await steps.contract(caseId);
  await steps.approve(contract.id);
  return caseId;
}

function caseOpened(outcome: ReferralOutcome): Extract<ReferralOutcome, { outcome: 'case-opened' }> {
  if (outcome.outcome !== 'case-opened') throw new Error(`expected a case opened, got ${outcome.outcome}`);
  return outcome;
}

/** Runs the action (on `date`, when given, as onTheDay does) and answers its value with the round trips it made. */
async function trips<T>(action: () => Promise<Result<T>>, date?: string): Promise<{ value: T; roundTrips: number }> {
  return onTheDay(w, date, async () => {
    await graph.resetRequests();
    const result = value(await action());
    const entries = await loggedRequests(graph);
    return { value: result, roundTrips: roundTripsIn(entries).length };
  });
}

describe('round trips per action (warm reference cache)', () => {
  it('submitReferral for a new child: 3 (the child, then the case with its folders, then the audit line naming the new case)', async () => {
    const school = await w.schoolByUrn('100001');
    const admin = await as('admin');
    const { value: outcome, roundTrips } = await trips(() => submitReferral(w.deps, admin, referral(school.id, { child: childDetails(school.id, { lastName: 'Roundtrip' }) })));
    expect(roundTrips).toBe(3);
    const opened = caseOpened(outcome);
    expect(opened.folder.webUrl).toContain(opened.case.reference);
    expect(await w.deps.folders.list(opened.folder)).toEqual([]);
    expect((await w.deps.audit.forCase(opened.case.id)).map((e) => e.action)).toEqual(['case.referral-logged']);
  });

  it('submitReferral repeated: the same case, nothing made twice', async () => {
    const school = await w.schoolByUrn('100001');
    const admin = await as('admin');
    const form = referral(school.id, { child: childDetails(school.id, { lastName: 'Repeatfield' }) });
    const first = caseOpened(value(await submitReferral(w.deps, admin, form)));
    const again = caseOpened(value(await submitReferral(w.deps, admin, form)));
    expect(again.case.id).toBe(first.case.id);
    expect(again.folder.id).toBe(first.folder.id);
    expect(again.repeated).toBe(true);
    expect((await w.deps.audit.forCase(first.case.id)).filter((e) => e.action === 'case.referral-logged')).toHaveLength(1);
  });

  it('allocateCase: 2; recordInformationReturned by the admin: 2 (the contracts come with the case)', async () => {
    const school = await w.schoolByUrn('100001');
    const caseId = (await steps.refer('100001', { child: childDetails(school.id, { lastName: 'Allocfield' }) })).case.id;
    const manager = await as('manager');
    expect((await trips(() => allocateCase(w.deps, manager, { caseId, workerId: people.worker }))).roundTrips).toBe(2);
    const admin = await as('admin');
    const input = { caseId, requestKey: key('info'), returnedOn: '2026-09-18', formReturned: true, pdpReturned: true };
    expect((await trips(() => recordInformationReturned(w.deps, admin, input), '2026-09-18')).roundTrips).toBe(2);
    expect((await w.deps.audit.forCase(caseId)).map((e) => e.action)).toEqual(expect.arrayContaining(['case.allocated', 'record.information-returned']));
  });

  it('recordSupportSession and logTime: 2 each, the ledger worked out from the records read', async () => {
    const caseId = await caseUnderContract();
    const worker = await as('worker');
    const session = await trips(
      () => recordSupportSession(w.deps, worker, { caseId, requestKey: key('s'), deliveredOn: '2026-10-06', hours: 1.5, withWhom: 'pupil', summary: 's' }),
      '2026-10-06',
    );
    expect(session.roundTrips).toBe(2);
    const time = await trips(() => logTime(w.deps, worker, { caseId, requestKey: key('t'), on: '2026-10-06', hours: 1, activity: 'direct-work' }), '2026-10-06');
    expect(time.roundTrips).toBe(2);
    expect(time.value.ledger.totals.used).toBe(session.value.ledger.totals.used + 1);
    const manager = await as('manager');
    const viewed = await trips(() => viewCase(w.deps, manager, { caseId }), '2026-10-06');
    expect(viewed.roundTrips).toBe(2);
    expect(viewed.value.packageHours?.used).toBe(time.value.ledger.totals.used);
  });

  it('setConsent: 2; pause and resume: 2 each (the change, its audit line, the note and its line in one $batch)', async () => {
    const caseId = await allocatedCase();
    const manager = await as('manager');
    expect((await trips(() => setConsent(w.deps, manager, { caseId, consent: 'withdrawn' }))).roundTrips).toBe(2);
    expect((await trips(() => pauseCase(w.deps, manager, { caseId, requestKey: key('pause'), reason: 'Family away' }))).roundTrips).toBe(2);
    expect((await trips(() => resumeCase(w.deps, manager, { caseId, requestKey: key('resume') }))).roundTrips).toBe(2);
    // Refused on the case as read: nothing written, no audit line, no note.
    expect((await setConsent(w.deps, manager, { caseId, consent: 'withdrawn' })).ok).toBe(false);
    expect((await resumeCase(w.deps, manager, { caseId, requestKey: key('resume') })).ok).toBe(false);
    const actions = (await w.deps.audit.forCase(caseId)).map((e) => e.action);
    expect(actions.filter((a) => a === 'case.consent')).toHaveLength(1);
    expect(actions.filter((a) => a === 'case.resumed')).toHaveLength(1);
    expect(actions).toContain('case.paused');
    expect(actions.filter((a) => a === 'record.chronology')).toHaveLength(2);
    const notes = (await w.deps.stores.records.find({ caseId })).filter((r) => r.body.kind === 'chronology');
    expect(notes.map((r) => (r.body.kind === 'chronology' ? r.body.note : '')).sort()).toEqual(['Case paused: Family away', 'Case resumed.']);
  });

  it('reallocateCase: 2 (the change, its audit line naming the previous worker, the note and its line in one $batch)', async () => {
    const caseId = await allocatedCase();
    const manager = await as('manager');
    const moved = await trips(() => reallocateCase(w.deps, manager, { caseId, requestKey: key('move'), workerId: people.otherWorker, reason: 'Absence' }));
    expect(moved.roundTrips).toBe(2);
    expect(moved.value.workerId).toBe(people.otherWorker);
    const line = (await w.deps.audit.forCase(caseId)).find((e) => e.action === 'case.reallocated');
    expect(line?.detail).toEqual({ workerId: people.otherWorker, previousWorkerId: people.worker });
    expect((await w.deps.stores.records.find({ caseId })).filter((r) => r.body.kind === 'chronology')).toHaveLength(1);
  });

  it('lone working: check-in 3 at a place on file (the child the case names holds them), 2 at an address typed in; check-out 2', async () => {
    const caseId = await allocatedCase();
    const worker = await as('worker');
    const visit = await trips(() => checkIn(w.deps, worker, { caseId, requestKey: key('in'), place: 'school', plannedEnd: '2026-09-14T12:00:00Z' }));
    expect(visit.roundTrips).toBe(3);
    const typed = await trips(() => checkIn(w.deps, worker, { caseId, requestKey: key('in'), place: 'elsewhere', address: 'Family centre', plannedEnd: '2026-09-14T12:00:00Z' }));
    expect(typed.roundTrips).toBe(2);
    const out = await trips(() => checkOut(w.deps, worker, { caseId, recordId: visit.value.record.id }));
    expect(out.roundTrips).toBe(2);
    expect(out.value.record.body).toMatchObject({ checkedOutAt: expect.any(String) });
  });

  it('chronology 2; a concern 2 (its DSL audit line in the record\'s $batch); marking 3 and amending 3 (the record names its case)', async () => {
    const caseId = await allocatedCase();
    const worker = await as('worker');
    const note = await trips(() => addChronologyEntry(w.deps, worker, { caseId, requestKey: key('c'), on: '2026-09-14', category: 'note', note: 'First' }));
    expect(note.roundTrips).toBe(2);
    const amended = await trips(() => amendRecord(w.deps, worker, { recordId: note.value.record.id, etag: note.value.record.etag, body: { ...note.value.record.body, note: 'Corrected' } }));
    expect(amended.roundTrips).toBe(3);
    const concern = await trips(() => raiseSafeguardingConcern(w.deps, worker, { caseId, requestKey: key('sg'), concern: 'Bruising seen', actionTaken: 'Told school DSL' }));
    expect(concern.roundTrips).toBe(2);
    const dsl = await as('dsl');
    const dslNote = await trips(() => addChronologyEntry(w.deps, dsl, { caseId, requestKey: key('c'), on: '2026-09-14', category: 'note', note: 'DSL' }));
    expect(dslNote.roundTrips).toBe(2);
    const marked = await trips(() => markRecordAsConcern(w.deps, worker, { recordId: amended.value.id }));
    expect(marked.roundTrips).toBe(3);
    const actions = (await w.deps.audit.forCase(caseId)).map((e) => e.action);
    expect(actions.filter((a) => a === 'record.safeguarding')).toHaveLength(2);
    expect(actions).toContain('record.amended');
  });

  it('recordPurchase: 2 (the purchase, then the audit line naming it)', async () => {
    const school = await w.schoolByUrn('100001');
    const admin = await as('admin');
    const bought = await trips(() => recordPurchase(w.deps, admin, { requestKey: key('buy'), schoolId: school.id, packageCode: 'consultancy-hour', purchasedOn: '2026-09-10' }));
    expect(bought.roundTrips).toBe(2);
  });
});
