import { randomIds } from '../../app/randomIds';
import { checkIn, jobHandlers, runDueJobs } from '../../workflow';
import { caseSteps } from '../support/caseSteps';
import { buildWorld, key, people, value, type World } from '../support/world';
import { startEmbeddedGraph, type EmbeddedGraph } from './embeddedGraph';

jest.setTimeout(120_000);

/** Issue 14 begun: the Jobs list on the embedded Graph, claims under If-Match between two instances. */
let graph: EmbeddedGraph;
let w: World;
beforeAll(async () => {
  graph = await startEmbeddedGraph();
  w = await buildWorld('2026-09-25T15:00:00Z', { ...graph.ports, ids: randomIds });
});
afterAll(async () => {
  await graph.stop();
});

describe('jobs in the SharePoint Jobs list', () => {
  it('two instances tick at once: the If-Match claim gives the job to one; the managers are alerted once', async () => {
    w.memory.clock.set('2026-09-25T15:00:00Z');
    const opened = await caseSteps(w).refer();
    await caseSteps(w).allocate(opened.case.id);
    value(await checkIn(w.deps, await w.staff(people.worker), { caseId: opened.case.id, requestKey: key(), place: 'school', plannedStart: '2026-09-25T15:00:00Z', plannedEnd: '2026-09-25T16:00:00Z' }));
    w.memory.clock.set('2026-09-25T16:31:00Z');
    const [a, b] = await Promise.all([runDueJobs(w.deps, w.deps.jobs, jobHandlers, 'instance-a'), runDueJobs(w.deps, w.deps.jobs, jobHandlers, 'instance-b')]);
    expect(a.due).toBe(1);
    expect(b.due).toBe(1);
    expect(a.claimed + b.claimed).toBe(1);
    // Alerted, and queued again for the repeat 15 minutes on.
    expect(a.later + b.later).toBe(1);
    const alerts = w.memory.notifier.sent.filter((n) => n.kind === 'lone-working-check-out-missed' && n.caseId === opened.case.id);
    const managers = (await w.deps.stores.staff.find({ active: true })).filter((s) => s.roles.includes('manager')).map((s) => s.userId).sort();
    expect(managers.length).toBeGreaterThan(1);
    expect(alerts.map((n) => n.recipientId).sort()).toEqual(managers);
    const [again] = await Promise.all([runDueJobs(w.deps, w.deps.jobs, jobHandlers, 'instance-a')]);
    expect(again.due).toBe(0);
  });
});
