import { randomIds } from '../../app/randomIds';
import { acknowledgeMissedCheckOut, checkIn, ensureDailyPlan, jobHandlers, requestInformation, runDueJobs } from '../../workflow';
import { caseSteps, childDetails } from '../support/caseSteps';
import { buildWorld, key, people, value, type World } from '../support/world';
import { startEmbeddedGraph, type EmbeddedGraph } from './embeddedGraph';
import { loggedRequests, roundTripsIn } from './requestLog';

jest.setTimeout(180_000);

/** Issue 14's reminders on the embedded Graph: the acknowledgement on the Jobs and Records lists, and what the daily plan costs. */
let graph: EmbeddedGraph;
let w: World;
beforeAll(async () => {
  graph = await startEmbeddedGraph({ referenceCache: { refreshMs: 60 * 60_000, now: () => Date.now() } });
  w = await buildWorld('2026-10-08T09:00:00Z', { ...graph.ports, ids: randomIds });
});
afterAll(async () => {
  await graph.stop();
});

const tick = (owner = 'instance-a') => runDueJobs(w.deps, w.deps.jobs, jobHandlers, owner);
const roundTrips = async (): Promise<number> => roundTripsIn(await loggedRequests(graph)).length;

describe('reminders on the embedded Graph', () => {
  it('the missed check-out alert repeats until a manager acknowledges it; then the job ends', async () => {
    w.memory.clock.set('2026-10-08T09:00:00Z');
    const opened = await caseSteps(w).refer('100001', { child: childDetails((await w.schoolByUrn('100001')).id, { lastName: 'Ackfield' }) });
    await caseSteps(w).allocate(opened.case.id);
    const visit = value(await checkIn(w.deps, await w.staff(people.worker), { caseId: opened.case.id, requestKey: key(), place: 'school', plannedStart: '2026-10-08T09:00:00Z', plannedEnd: '2026-10-08T10:00:00Z' }));
    const alerts = () => w.memory.notifier.sent.filter((n) => n.kind === 'lone-working-check-out-missed' && n.caseId === opened.case.id);
    w.memory.clock.set('2026-10-08T10:31:00Z');
    await tick();
    const once = alerts().length;
    expect(once).toBeGreaterThan(0);
    w.memory.clock.set('2026-10-08T10:46:00Z');
    await Promise.all([tick('instance-a'), tick('instance-b')]);
    expect(alerts()).toHaveLength(2 * once);
    value(await acknowledgeMissedCheckOut(w.deps, await w.staff(people.manager), { caseId: opened.case.id, recordId: visit.record.id }));
    w.memory.clock.set('2026-10-08T11:01:00Z');
    expect(await tick()).toMatchObject({ done: 1 });
    expect(alerts()).toHaveLength(2 * once);
  });

  it('the daily plan reads the cases and the queued jobs once: the same round trips for 1 case or 12, and one more when reminders are missing', async () => {
    w.memory.clock.set('2026-10-08T12:00:00Z');
    const admin = await w.staff(people.admin);
    const school = await w.schoolByUrn('100001');
    const measure = async (day: string): Promise<number> => {
      await ensureDailyPlan(w.deps);
      w.memory.clock.set(`${day}T06:00:00Z`);
      // The other jobs due first, so that the plan runs alone.
      const [plan] = (await w.deps.jobs.due(w.deps.clock.now(), 100)).filter((j) => j.kind === 'daily-plan' && j.payload.date === day);
      if (!plan) throw new Error(`no plan for ${day}`);
      await graph.resetRequests();
      await jobHandlers['daily-plan'](w.deps, plan);
      const trips = await roundTrips();
      await w.deps.jobs.settle(plan, { status: 'done', dueAt: plan.dueAt, attempts: 0 }, w.deps.clock.now());
      await tick();
      return trips;
    };
    const withCases = async (n: number, requestedBy: 'use case' | 'data') => {
      for (let i = 0; i < n; i++) {
        const opened = await caseSteps(w).refer('100001', { child: childDetails(school.id, { lastName: `Planfield${requestedBy === 'data' ? 'd' : 'u'}${String.fromCharCode(97 + i)}${n}` }) });
        if (requestedBy === 'use case') value(await requestInformation(w.deps, admin, { caseId: opened.case.id }));
        else {
          const c = await w.deps.stores.cases.get(opened.case.id);
          if (!c) throw new Error('no case');
          await w.deps.stores.cases.update(c.id, { milestones: { ...c.milestones, informationRequested: { at: w.deps.clock.now().toISOString(), by: people.admin } } }, c.etag);
        }
      }
    };
    await withCases(1, 'use case');
    await tick();
    const one = await measure('2026-10-09');
    await withCases(11, 'use case');
    await tick();
    const twelve = await measure('2026-10-10');
    await withCases(3, 'data');
    const missing = await measure('2026-10-11');
    const chasers = (await w.deps.jobs.upcoming(new Date(0), new Date('9999-01-01T00:00:00Z'), 1000)).filter((j) => j.kind === 'information-chaser');
    process.stdout.write(`daily plan round trips: 1 case ${one}, 12 cases ${twelve}, 3 reminders missing ${missing}; chasers queued ${chasers.length}\n`);
    expect(twelve).toBe(one);
    expect(missing).toBeLessThanOrEqual(one + 1);
    expect(chasers.length).toBeGreaterThanOrEqual(15);
  });
});
