import { checkIn, jobHandlers, runDueJobs, whatsDue, type JobHandlers } from '../../workflow';
import { caseSteps, childDetails } from '../support/caseSteps';
import { buildWorld, errorOf, key, people, value, type World } from '../support/world';

/** Fri 25 Sep 2026, 16:00 in London: the 10th school day from today is Thu 8 Oct. */
const now = '2026-09-25T15:00:00Z';

async function visit(world: World, who: 'worker' | 'otherWorker', lastName: string, plannedEnd: string) {
  const school = await world.schoolByUrn('100001');
  const opened = await caseSteps(world).refer('100001', { child: childDetails(school.id, { firstName: 'Ellis', lastName }) });
  await caseSteps(world).allocate(opened.case.id, who);
  value(await checkIn(world.deps, await world.staff(people[who]), { caseId: opened.case.id, requestKey: key(), place: 'school', plannedStart: now, plannedEnd }));
  return opened.case;
}

/** A job for no case (one per school), queued straight on the queue. */
async function schoolJob(world: World, dueAt: string) {
  const school = await world.schoolByUrn('100001');
  await world.deps.jobs.enqueue({ kind: 'join-link', dueAt, payload: { schoolId: school.id }, status: 'queued', attempts: 0, createdAt: now, updatedAt: now }, key('school-job'));
  return school;
}

describe('what is due: the jobs of the next 10 school days', () => {
  let world: World;
  beforeEach(async () => {
    world = await buildWorld(now);
  });

  it('a manager sees every job, earliest first, with the case reference; a job for no case names its school', async () => {
    const mine = await visit(world, 'worker', 'Farrowdale', '2026-09-25T16:00:00Z');
    const theirs = await visit(world, 'otherWorker', 'Quillbeck', '2026-09-25T15:30:00Z');
    const school = await schoolJob(world, '2026-10-01T08:00:00Z');
    const seen = value(await whatsDue(world.deps, await world.staff(people.manager)));
    expect(seen.until).toBe('2026-10-08');
    expect(seen.due.map((j) => [j.kind, j.dueAt, j.reference ?? j.schoolId])).toEqual([
      ['check-out-missed', '2026-09-25T16:00:00.000Z', theirs.reference],
      ['check-out-missed', '2026-09-25T16:30:00.000Z', mine.reference],
      ['join-link', '2026-10-01T08:00:00Z', school.id],
    ]);
    // Ids only: no child's name anywhere.
    expect(JSON.stringify(seen)).not.toMatch(/Farrowdale|Quillbeck|Ellis/);
  });

  it('a worker sees only the jobs on their own cases, never one for no case', async () => {
    const mine = await visit(world, 'worker', 'Farrowdale', '2026-09-25T16:00:00Z');
    await visit(world, 'otherWorker', 'Quillbeck', '2026-09-25T15:30:00Z');
    await schoolJob(world, '2026-10-01T08:00:00Z');
    const seen = value(await whatsDue(world.deps, await world.staff(people.worker)));
    expect(seen.due.map((j) => j.reference)).toEqual([mine.reference]);
    expect(seen.failed).toEqual([]);
  });

  it('looks 10 school days ahead on the authority calendar: a job due the day after is not shown', async () => {
    await schoolJob(world, '2026-10-08T22:59:00Z'); // Thu 8 Oct, 23:59 in London
    await schoolJob(world, '2026-10-08T23:00:00Z'); // Fri 9 Oct, 00:00
    const seen = value(await whatsDue(world.deps, await world.staff(people.manager)));
    expect(seen.due.map((j) => j.dueAt)).toEqual(['2026-10-08T22:59:00Z']);
  });

  it('a job late (after downtime) or failed before and to be tried again says so', async () => {
    await visit(world, 'worker', 'Farrowdale', '2026-09-25T16:00:00Z');
    world.memory.clock.set('2026-09-25T17:00:00Z');
    const late = value(await whatsDue(world.deps, await world.staff(people.manager)));
    expect(late.due).toMatchObject([{ kind: 'check-out-missed', overdue: true }]);
    const failOnce: JobHandlers = {
      ...jobHandlers,
      'check-out-missed': async () => {
        throw Object.assign(new Error('down'), { name: 'GraphError', code: 503 });
      },
      'join-link': async () => ({ done: true }),
    };
    await runDueJobs(world.deps, world.deps.jobs, failOnce, 'instance-a');
    const retried = value(await whatsDue(world.deps, await world.staff(people.manager)));
    expect(retried.due).toEqual([expect.objectContaining({ attempts: 1, lastError: 'GraphError 503', dueAt: '2026-09-25T17:01:00.000Z' })]);
    expect(retried.due[0]?.overdue).toBeUndefined();
  });

  it('an empty list when nothing is due', async () => {
    expect(value(await whatsDue(world.deps, await world.staff(people.worker)))).toMatchObject({ due: [], failed: [], more: false });
  });

  it('managers also see the jobs that gave up, with their attempts and last error; a worker does not', async () => {
    const c = await visit(world, 'worker', 'Farrowdale', '2026-09-25T16:00:00Z');
    world.memory.clock.set('2026-09-25T17:00:00Z');
    const failing: JobHandlers = {
      ...jobHandlers,
      'check-out-missed': async () => {
        throw Object.assign(new Error('down'), { name: 'GraphError', code: 503 });
      },
      'join-link': async () => ({ done: true }),
    };
    for (let i = 0; i < 6; i += 1) {
      world.memory.clock.set(new Date(world.deps.clock.now().getTime() + 61 * 60_000).toISOString());
      await runDueJobs(world.deps, world.deps.jobs, failing, 'instance-a');
    }
    const seen = value(await whatsDue(world.deps, await world.staff(people.manager)));
    expect(seen.due).toEqual([]);
    expect(seen.failed).toMatchObject([{ kind: 'check-out-missed', reference: c.reference, attempts: 6, lastError: 'GraphError 503' }]);
    expect(value(await whatsDue(world.deps, await world.staff(people.worker))).failed).toEqual([]);
  });

  it('refuses anyone who is not an active manager, admin or worker, saying why', async () => {
    const inactive = await world.staff(people.inactive);
    expect(errorOf(await whatsDue(world.deps, inactive))).toMatchObject({ code: 'RoleRequired' });
    const dslOnly = { ...(await world.staff(people.dsl)), roles: ['dsl' as const] };
    expect(errorOf(await whatsDue(world.deps, dslOnly)).message).toBe('Only manager or admin or worker staff can see the work due.');
  });
});
