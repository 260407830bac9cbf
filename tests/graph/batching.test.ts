import { randomIds } from '../../app/randomIds';
import { RecordTooLarge, recordObservation } from '../../workflow';
import { UnitOfWork } from '../../workflow/usecases/support/unitOfWork';
import { caseSteps, observation } from '../support/caseSteps';
import { buildWorld, onTheDay, people, value } from '../support/world';
import { useEmbeddedGraph } from './embeddedGraph';

jest.setTimeout(120_000);

interface LogEntry {
  method: string;
  path: string;
  status: number;
  batchRequestId?: string;
}

const embedded = useEmbeddedGraph();

const world = () => buildWorld('2026-09-14T09:00:00Z', { ...embedded().ports, ids: randomIds });
const logged = async (): Promise<LogEntry[]> => ((await embedded().requests()) as unknown as { entries: LogEntry[] }).entries;
/** HTTP requests the app made: single requests and $batch envelopes (their parts carry batchRequestId). */
const roundTrips = (entries: LogEntry[]) => entries.filter((e) => e.batchRequestId === undefined);

describe('Graph requests that start together travel together', () => {
  it('a step record is one read and one $batch of writes: the record, the case with its ETag, the audit line (and, issue 15, its document\'s record after its upload)', async () => {
    const w = await world();
    const steps = caseSteps(w);
    const { caseId } = await steps.toStep(3);
    const worker = await w.staff(people.worker);
    await embedded().resetRequests();
    const observed = value(await onTheDay(w, '2026-09-21', () => recordObservation(w.deps, worker, observation(caseId))));
    const entries = await logged();
    // The case; then the Observation Form's reads (the child, the records), the folders, its upload; then the writes.
    expect(roundTrips(entries).map((e) => `${e.method} ${e.path.includes('$batch') ? '$batch' : 'item'}`)).toEqual(['GET item', 'POST $batch', 'POST $batch', 'PUT item', 'POST $batch']);
    const writes = entries.filter((e) => e.batchRequestId !== undefined && e.method !== 'GET' && !e.path.includes('/drive'));
    // The record and its document's record, the audit line (POSTs), the case (PATCH with its ETag).
    expect(writes.map((e) => e.method).sort()).toEqual(['PATCH', 'POST', 'POST', 'POST']);
    const named = observed.case.milestones.firstObservation?.recordKey;
    expect(named && (await w.deps.stores.records.findByKey(named))?.id).toBe(observed.record.id);
  });

  it('reads issued at once are one round trip, and each caller gets its own answer', async () => {
    const w = await world();
    const school = await w.schoolByUrn('100001');
    await embedded().resetRequests();
    const [cases, children, missing] = await Promise.all([
      w.deps.stores.cases.find({ schoolId: school.id }),
      w.deps.stores.children.find({ schoolId: school.id }),
      w.deps.stores.cases.get('999999'),
    ]);
    expect(Array.isArray(cases) && Array.isArray(children)).toBe(true);
    expect(missing).toBeUndefined();
    const entries = await logged();
    expect(roundTrips(entries)).toHaveLength(1);
    expect(entries.filter((e) => e.batchRequestId !== undefined).map((e) => e.status).sort()).toEqual([200, 200, 404]);
  });

  it('with 40% of requests throttled or failing, parts are retried on their own and every record is written once with its milestone and audit line', async () => {
    const w = await world();
    const steps = caseSteps(w);
    const { caseId } = await steps.toStep(3, 'worker', '100002');
    await embedded().resetRequests();
    await embedded().setFaults({ rate: 0.4, statuses: [429, 503], retryAfterSeconds: 0, seed: 12 });
    await steps.observe(caseId);
    await steps.schoolMeeting(caseId);
    await embedded().clearFaults();
    const entries = await logged();
    // Some writes waited on a throttled write they depend on (424) and were made after it landed.
    expect(entries.some((e) => e.status === 424)).toBe(true);
    expect(entries.some((e) => e.batchRequestId !== undefined && (e.status === 429 || e.status === 503))).toBe(true);
    const records = await w.deps.stores.records.find({ caseId });
    expect(records.map((r) => r.body.kind).sort()).toEqual(['document', 'document', 'information-returned', 'meeting', 'observation']);
    // Each milestone names the record that completed it (by its key), written once despite the faults.
    const stored = await w.deps.stores.cases.get(caseId);
    const named = async (key: string | undefined) => (key ? (await w.deps.stores.records.findByKey(key))?.id : undefined);
    expect(await named(stored?.milestones.firstObservation?.recordKey)).toBe(records.find((r) => r.body.kind === 'observation')?.id);
    expect(await named(stored?.milestones.schoolMeeting?.recordKey)).toBe(records.find((r) => r.body.kind === 'meeting')?.id);
    const audit = await w.deps.audit.forCase(caseId);
    expect(audit.filter((a) => a.action === 'record.observation')).toHaveLength(1);
    expect(audit.filter((a) => a.action === 'record.meeting')).toHaveLength(1);
  });

  it('a record over the 63,999 characters a list item holds is refused with its size, and the writes after it are not sent', async () => {
    const w = await world();
    const { caseId } = await caseSteps(w).toStep(3, 'worker', '100003');
    const before = await w.deps.stores.cases.get(caseId);
    if (!before) throw new Error('no case');
    await embedded().resetRequests();
    const work = new UnitOfWork(w.deps.batching, `${caseId}:too-large`);
    const text = 'x'.repeat(70_000);
    const at = new Date().toISOString();
    work.add('record', () =>
      w.deps.stores.records.create(
        { caseId, step: 3, safeguarding: false, locked: false, body: { kind: 'chronology', on: '2026-09-14', category: 'note', note: text }, createdBy: people.worker, createdAt: at, updatedBy: people.worker, updatedAt: at },
        `${caseId}:too-large`,
      ),
    );
    work.add('case', () => w.deps.stores.cases.update(caseId, { consent: 'refused' }, before.etag), ['record']);
    await expect(work.flush()).rejects.toBeInstanceOf(RecordTooLarge);
    expect((await w.deps.stores.cases.get(caseId))?.etag).toBe(before.etag);
    expect((await logged()).filter((e) => e.method !== 'GET')).toEqual([]);
  });
});
