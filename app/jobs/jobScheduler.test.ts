import { checkIn, jobHandlers, type JobHandlers } from '../../workflow';
import { caseSteps } from '../../tests/support/caseSteps';
import { buildWorld, key, people, value } from '../../tests/support/world';
import { createLogger } from '../logger';
import { startJobScheduler } from './jobScheduler';

const silent = createLogger({ logLevel: 'silent' });
/** Never fires on its own during a test: ticks are asked for. */
const never = '0 0 1 1 *';

describe('the job scheduler', () => {
  it('a tick runs the jobs due by the workflow clock; stop waits for a tick under way', async () => {
    const world = await buildWorld('2026-09-25T15:00:00Z');
    const opened = await caseSteps(world).refer();
    await caseSteps(world).allocate(opened.case.id);
    value(await checkIn(world.deps, await world.staff(people.worker), { caseId: opened.case.id, requestKey: key(), place: 'school', plannedStart: '2026-09-25T15:00:00Z', plannedEnd: '2026-09-25T16:00:00Z' }));
    const scheduler = startJobScheduler(world.deps, silent, { pattern: never });
    await scheduler.tick();
    expect((await world.memory.jobList.list())[0]?.status).toBe('queued');
    world.memory.clock.set('2026-09-25T17:00:00Z');
    await scheduler.tick();
    // Alerted, and queued again for the repeat in 15 minutes (until a manager acknowledges).
    expect((await world.memory.jobList.list()).find((j) => j.kind === 'check-out-missed')).toMatchObject({ status: 'queued', attempts: 0, dueAt: '2026-09-25T17:15:00.000Z' });
    expect(world.memory.notifier.sent.some((n) => n.kind === 'lone-working-check-out-missed')).toBe(true);
    await scheduler.stop();
  });

  it('a tick asked for while one runs joins it rather than running the jobs twice', async () => {
    const world = await buildWorld('2026-09-25T15:00:00Z');
    const opened = await caseSteps(world).refer();
    await caseSteps(world).allocate(opened.case.id);
    value(await checkIn(world.deps, await world.staff(people.worker), { caseId: opened.case.id, requestKey: key(), place: 'school', plannedStart: '2026-09-25T15:00:00Z', plannedEnd: '2026-09-25T16:00:00Z' }));
    world.memory.clock.set('2026-09-25T17:00:00Z');
    let runs = 0;
    const slow: JobHandlers = {
      ...jobHandlers,
      'check-out-missed': async () => { runs += 1; await new Promise((r) => setTimeout(r, 50)); return { done: true }; },
      'join-link': async () => ({ done: true }),
    };
    const scheduler = startJobScheduler(world.deps, silent, { pattern: never, handlers: slow });
    await Promise.all([scheduler.tick(), scheduler.tick(), scheduler.stop()]);
    expect(runs).toBe(1);
    expect(scheduler.owner).toMatch(/:\d+:[0-9a-f]{8}$/);
  });

  it('a tick answers what it did; what runs before it (following a shared clock) runs first, and its failure does not stop the jobs', async () => {
    const world = await buildWorld('2026-09-25T15:00:00Z');
    const opened = await caseSteps(world).refer();
    await caseSteps(world).allocate(opened.case.id);
    value(await checkIn(world.deps, await world.staff(people.worker), { caseId: opened.case.id, requestKey: key(), place: 'school', plannedStart: '2026-09-25T15:00:00Z', plannedEnd: '2026-09-25T16:00:00Z' }));
    let looks = 0;
    // Another instance moved the shared clock: this one learns it before the tick.
    const follow = async () => {
      looks += 1;
      if (looks === 1) world.memory.clock.set('2026-09-25T17:00:00Z');
      else throw new Error('the embedded Graph is down');
    };
    const scheduler = startJobScheduler(world.deps, silent, { pattern: never, beforeTick: follow });
    // The alert went; its job waits for its repeat in 15 minutes (until a manager acknowledges it).
    expect(await scheduler.tick()).toMatchObject({ due: 1, claimed: 1, later: 1 });
    expect(await scheduler.tick()).toMatchObject({ due: 0 });
    expect(looks).toBe(2);
    await scheduler.stop();
  });
});
