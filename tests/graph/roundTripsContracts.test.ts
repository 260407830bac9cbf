import { randomIds } from '../../app/randomIds';
import { closeEarly, completeCase, decideContract, recordReview, requestInformation } from '../../workflow';
import { caseSteps, childDetails } from '../support/caseSteps';
import { endReviewLeavingCaseOpen } from '../support/reviewEnded';
import { buildWorld, key, onTheDay, people, value, type World } from '../support/world';
import { serviceMailbox, startEmbeddedGraph, type EmbeddedGraph } from './embeddedGraph';

jest.setTimeout(180_000);

interface LogEntry {
  method: string;
  path: string;
  status: number;
  batchRequestId?: string;
}

let graph: EmbeddedGraph;
beforeAll(async () => {
  // Staff, Schools and Purchases cached as the app composes them: every count below is with a warm cache.
  graph = await startEmbeddedGraph({ referenceCache: { refreshMs: 60 * 60_000, now: () => Date.now() } });
});
afterAll(async () => {
  await graph.stop();
});

const world = () => buildWorld('2026-09-14T09:00:00Z', { ...graph.ports, ids: randomIds });

let children = 0;
/** A case of a child of its own (one Graph for the file: the same child again would be a re-referral), brought to `step`. */
async function caseAt(w: World, step: 2 | 7) {
  const steps = caseSteps(w);
  const school = await w.schoolByUrn('100001');
  children += 1;
  const opened = await steps.refer('100001', { child: childDetails(school.id, { lastName: `Roundtrip${String.fromCharCode(96 + children)}` }) });
  const caseId = opened.case.id;
  if (step === 7) await steps.toContractStep(caseId);
  return { caseId, steps };
}

/** A case with its contract in force and a support session held. */
async function caseInSupport(w: World) {
  const { caseId, steps } = await caseAt(w, 7);
  await steps.approve((await steps.contract(caseId)).contract.id);
  await steps.support(caseId);
  return caseId;
}
const logged = async (): Promise<LogEntry[]> => ((await graph.requests()) as unknown as { entries: LogEntry[] }).entries;
/** Each HTTP request the app made, named: a single request by method and what it reached, a $batch by its parts. */
async function roundTrips(): Promise<string[]> {
  const entries = await logged();
  const parts = (batch: number) => entries.filter((e) => e.batchRequestId !== undefined && entries.indexOf(e) < batch);
  let counted = 0;
  return entries.flatMap((e, i) => {
    if (e.batchRequestId !== undefined) return [];
    if (!e.path.includes('$batch')) return [`${e.method} ${what(e.path)}`];
    // The emulator logs a batch's parts before its envelope.
    const mine = parts(i).slice(counted);
    counted += mine.length;
    return [`$batch(${mine.map((p) => `${p.method} ${what(p.path)}`).sort().join(', ')})`];
  });
}
const what = (path: string): string => {
  if (path.endsWith('/sendMail')) return 'sendMail';
  if (path.includes('/drives/')) return 'drive';
  if (/\/events\/[^/]+\/cancel$/.test(path)) return 'event cancel';
  return path.includes('/lists/') ? 'list' : path;
};

describe('Round trips per action, warm reference cache (issue 12: at most two)', () => {
  it('requestInformation: the case, the child and records, the folders, the letter, form and PDP filed (the letter with its PDF), then one $batch: the mail with them attached, the case, the documents\' records, the audit line and the chaser job', async () => {
    const w = await world();
    const { caseId } = await caseAt(w, 2);
    const admin = await w.staff(people.admin);
    await w.deps.stores.schools.list();
    await graph.resetRequests();
    value(await requestInformation(w.deps, admin, { caseId }));
    expect(await roundTrips()).toEqual([
      'GET list',
      // Issue 15: the child and the case's records (what the documents are made from), then the folders.
      '$batch(GET list, GET list)',
      '$batch(GET drive, POST drive, POST drive)',
      // The three documents filed once each (a PUT that fails on a name already there), then the letter's PDF and its upload.
      'PUT drive',
      'PUT drive',
      'PUT drive',
      'GET drive',
      'PUT drive',
      '$batch(PATCH list, POST list, POST list, POST list, POST list, POST list, POST list, POST list, POST sendMail)',
    ]);
    // A repeat is told it was done, and mails nothing.
    await graph.resetRequests();
    const again = await requestInformation(w.deps, admin, { caseId });
    expect(again.ok || again.error.code).toBe('AlreadyDone');
    expect((await logged()).filter((e) => e.path.endsWith('/sendMail'))).toHaveLength(0);
  });

  it('the whole $batch throttled (sustained 429): a write depending on another answers 424 and is made after it, never alone first', async () => {
    const w = await world();
    const { caseId } = await caseAt(w, 2);
    const admin = await w.staff(people.admin);
    await graph.setFaults({ throttleForSeconds: 1 } as unknown as Parameters<EmbeddedGraph['setFaults']>[0]);
    await graph.resetRequests();
    const requested = value(await requestInformation(w.deps, admin, { caseId })).case;
    await graph.clearFaults();
    expect(requested.milestones.informationRequested).toBeDefined();
    const entries = await logged();
    // sendMail was not retried on its own after the refused $batch: it went once, after its claim had landed.
    const mails = entries.filter((e) => e.path.endsWith('/sendMail') && e.status < 300);
    expect(mails).toHaveLength(1);
    const subject = `${w.deps.config.serviceName}: referral ${requested.reference}: information needed`;
    expect(((await graph.mailbox()) as { value: Array<{ subject: string }> }).value.filter((m) => m.subject === subject)).toHaveLength(1);
  });

  it('draftContract: the case, its key and its contracts in one $batch, then the draft, the case and the audit line in another', async () => {
    const w = await world();
    const { caseId, steps } = await caseAt(w, 7);
    await graph.resetRequests();
    const drafted = await steps.contract(caseId);
    const trips = await roundTrips();
    // The test helper looks up the school's packages first (cached): the draft itself is two round trips.
    expect(trips).toEqual(['GET list', '$batch(GET list, GET list, GET list)', '$batch(PATCH list, POST list, POST list)']);
    expect(drafted.repeated).toBe(false);
  });

  it('draftContract replacing a pending draft: the withdrawal travels in the same $batch, ahead of the new draft', async () => {
    const w = await world();
    const { caseId, steps } = await caseAt(w, 7);
    await steps.contract(caseId);
    await graph.resetRequests();
    const replaced = await steps.contract(caseId, { replace: true });
    expect(replaced.withdrawn?.status).toBe('withdrawn');
    expect((await roundTrips()).slice(1)).toEqual(['$batch(GET list, GET list, GET list)', '$batch(PATCH list, POST list, POST list, POST list)']);
  });

  it('decideContract from the card (which knows the case): two round trips, and three to book the review; from the contract alone: three', async () => {
    const w = await world();
    const manager = await w.staff(people.manager);
    const { caseId, steps } = await caseAt(w, 7);
    const { contract } = await steps.contract(caseId);
    await graph.resetRequests();
    value(await decideContract(w.deps, manager, { contractId: contract.id, caseId, decision: 'approve' }));
    expect(await roundTrips()).toEqual([
      '$batch(GET list, GET list)',
      // The decision, the case and the audit line, with the review-due and six-weeks-ending jobs (issue 14).
      '$batch(PATCH list, PATCH list, POST list, POST list, POST list)',
      // Issue 15: the approved contract filed under its version: the child and records, the folders, the upload, its record.
      '$batch(GET list, GET list)',
      '$batch(GET drive, POST drive, POST drive)',
      'PUT drive',
      'POST list',
      // The review on the agreed date (issue 13): the worker's free/busy with the case's meetings, the event, then its record and audit line,
      // with its reminder and the Outlook poll queued in the same $batch (issue 14).
      `$batch(GET list, POST /users/${serviceMailbox}/calendar/getSchedule)`,
      `POST /users/${people.worker}/events`,
      '$batch(POST list, POST list, POST list, POST list)',
    ]);
    expect((await w.deps.stores.cases.get(caseId))?.contractInForce?.contractId).toBe(contract.id);

    const other = await caseAt(w, 7);
    const second = await steps.contract(other.caseId);
    await graph.resetRequests();
    value(await decideContract(w.deps, manager, { contractId: second.contract.id, decision: 'request-changes', reason: 'Name the calm corner' }));
    expect(await roundTrips()).toEqual(['GET list', '$batch(GET list, GET list)', '$batch(PATCH list, POST list)']);
  });

  it('recordReview ending the support: the reads, the folders (one $batch), the documents\' uploads and the PDF, then one $batch of writes', async () => {
    const w = await world();
    const caseId = await caseInSupport(w);
    const worker = await w.staff(people.worker);
    await graph.resetRequests();
    const input = { caseId, requestKey: key('review'), heldOn: '2026-11-19', outcome: 'end', summary: 'Done', destination: 'mainstream' };
    const reviewed = value(await onTheDay(w, '2026-11-19', () => recordReview(w.deps, worker, input)));
    expect(reviewed.completed?.ok).toBe(true);
    expect(reviewed.case.status).toBe('closed');
    expect(await roundTrips()).toEqual([
      // The case, its approved contracts, its records, and its meetings (the review booked is marked held).
      '$batch(GET list, GET list, GET list, GET list)',
      '$batch(GET list, PATCH list, POST list, POST list)',
      // The child's and the case's folders looked up and made if missing, in one $batch.
      '$batch(GET drive, POST drive, POST drive)',
      // Issue 15: the four documents filed once (a PUT that fails on a name already there), each .docx a PUT of its own;
      // then the report's PDF (GET ?format=pdf, its 302 followed outside Graph) and its upload.
      'PUT drive',
      'PUT drive',
      'PUT drive',
      'PUT drive',
      'GET drive',
      'PUT drive',
      // Both mails (claim, sendMail, mark), the evaluation record, the contract ended, the case closed, the audit line,
      // the four documents' records; and the review booked for later cancelled (the event and its record).
      '$batch(PATCH list, PATCH list, PATCH list, POST event cancel, POST list, POST list, POST list, POST list, POST list, POST list, POST list, POST list, POST list, POST list, POST list, POST sendMail, POST sendMail)',
    ]);
    expect((await w.deps.stores.contracts.find({ caseId })).map((k) => k.status)).toEqual(['ended']);
  });

  it('completeCase carrying on after a stop: the same shape, the destination taken from the review milestone', async () => {
    const w = await world();
    const caseId = await caseInSupport(w);
    const worker = await w.staff(people.worker);
    await endReviewLeavingCaseOpen(w, worker, caseId);
    await graph.resetRequests();
    const closed = value(await completeCase(w.deps, worker, { caseId }));
    expect(closed).toMatchObject({ status: 'closed', repeated: false, closure: { destination: 'mainstream' } });
    expect(await roundTrips()).toEqual([
      '$batch(GET list, GET list)',
      // The review record (for the report) and the case's meetings.
      '$batch(GET list, GET list)',
      '$batch(GET drive, POST drive, POST drive)',
      // The documents, as for the review above.
      'PUT drive',
      'PUT drive',
      'PUT drive',
      'PUT drive',
      'GET drive',
      'PUT drive',
      // The contract was ended with the review: both mails, the evaluation record, the case closed, the audit line, the
      // documents' records; and the review booked for later cancelled (the event and its record).
      '$batch(PATCH list, PATCH list, POST event cancel, POST list, POST list, POST list, POST list, POST list, POST list, POST list, POST list, POST list, POST list, POST list, POST sendMail, POST sendMail)',
    ]);
    await graph.resetRequests();
    expect(value(await completeCase(w.deps, worker, { caseId })).repeated).toBe(true);
    expect(await roundTrips()).toHaveLength(1);
  });

  it('closeEarly: the reads, the letter filed with its PDF, the closure with the letter depending on it, then marked sent with the ETag the closure returned', async () => {
    const w = await world();
    const caseId = await caseInSupport(w);
    const manager = await w.staff(people.manager);
    await graph.resetRequests();
    const closed = value(await closeEarly(w.deps, manager, { caseId, reason: 'moved-school' }));
    expect(closed.closure?.letterSent).toBeDefined();
    expect(await roundTrips()).toEqual([
      // The case, its contracts in force, its meetings and its records.
      '$batch(GET list, GET list, GET list, GET list)',
      // Issue 15: the child (the letter and the folder's name), the folders, then the letter filed once, its PDF and its upload.
      'GET list',
      '$batch(GET drive, POST drive, POST drive)',
      'PUT drive',
      'GET drive',
      'PUT drive',
      // The closure (If-Match), the contract ended, the audit line, the letter (claim, sendMail, mark), its document
      // record, and the review booked for later cancelled (the event, its record and its audit line).
      '$batch(PATCH list, PATCH list, PATCH list, POST event cancel, POST list, POST list, POST list, POST list, POST list, POST sendMail)',
      'PATCH list',
    ]);
  });

  it('the mailer alone: one $batch; a repeat of the key sends nothing', async () => {
    const message = { to: ['senco@school.example.org'], subject: `Outreach Service: round trips ${key('mail')}`, html: '<p>x</p>' };
    const mailKey = key('mailkey');
    await graph.resetRequests();
    await graph.ports.mailer.send(message, mailKey);
    expect(await roundTrips()).toEqual(['$batch(POST list, POST list, POST sendMail)']);
    await graph.ports.mailer.send(message, mailKey);
    const sent = ((await graph.mailbox()) as { value: Array<{ subject: string }> }).value.filter((m) => m.subject === message.subject);
    expect(sent).toHaveLength(1);
  });
});
