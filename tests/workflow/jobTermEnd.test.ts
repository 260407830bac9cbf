import { ensureDailyPlan, jobHandlers, runDueJobs, StoreJobQueue, type Job, type JobHandlers } from '../../workflow';
import { MemoryEntityStore } from '../support/memory/memoryEntityStore';
import { caseSteps } from '../support/caseSteps';
import { buildWorld, type World } from '../support/world';

/**
 * Issue 14: at the end of each full term, by each school's own term dates, every school that had a
 * case open that term is asked for an evaluation, once. Alderbrook follows the authority's dates
 * (autumn ends Friday 18 December 2026); Kestrel Lane its trust's (Wednesday 16 December).
 */
const urns = { alderbrook: '100001', harbourside: '100004', kestrel: '100003', millpond: '100006' } as const;

const tick = (world: World, handlers: JobHandlers = jobHandlers) => runDueJobs(world.deps, world.deps.jobs, handlers, 'instance-a');
const evaluationMail = (world: World) => world.memory.mailer.outbox.filter((m) => m.subject.includes('evaluation request'));
const mailedTo = (world: World) => evaluationMail(world).map((m) => m.to.join(','));
const evaluationJobs = async (world: World) => (await world.memory.jobList.list()).filter((j) => j.kind === 'term-evaluation');

async function twoSchools() {
  const world = await buildWorld('2026-09-14T09:00:00Z');
  const steps = caseSteps(world);
  const cases = {
    alderbrook: await steps.refer(urns.alderbrook),
    kestrel: await steps.refer(urns.kestrel),
  };
  await steps.allocate(cases.alderbrook.case.id);
  await steps.allocate(cases.kestrel.case.id);
  const school = async (urn: string) => world.schoolByUrn(urn);
  return { world, cases, alderbrook: await school(urns.alderbrook), kestrel: await school(urns.kestrel), millpond: await school(urns.millpond) };
}

describe('term-end evaluation requests', () => {
  it('allocating a case queues its school\'s request for the end of the term, by the school\'s own dates', async () => {
    const { world, alderbrook, kestrel } = await twoSchools();
    const jobs = await evaluationJobs(world);
    expect(jobs.map((j) => [j.payload.schoolId, j.payload.termStart, j.dueAt]).sort()).toEqual(
      [
        [alderbrook.id, '2026-09-03', '2026-12-18T15:30:00.000Z'],
        [kestrel.id, '2026-09-02', '2026-12-16T15:30:00.000Z'],
      ].sort(),
    );
    expect(jobs.every((j) => Object.keys(j.payload).sort().join() === 'schoolId,termStart')).toBe(true);
  });

  it('each school is mailed once at its own term end; a school with no case is not; running again sends nothing twice', async () => {
    const { world, cases, alderbrook, kestrel, millpond } = await twoSchools();
    world.memory.clock.set('2026-12-16T15:29:00Z');
    await tick(world);
    expect(evaluationMail(world)).toHaveLength(0);

    world.memory.clock.set('2026-12-16T15:30:00Z');
    await tick(world);
    expect(mailedTo(world)).toEqual([kestrel.senco.email]);
    const [mail] = evaluationMail(world);
    expect(mail?.subject).toContain('autumn term 2026-27');
    expect(mail?.html).toContain(cases.kestrel.case.reference);
    expect(mail?.html).not.toContain(cases.alderbrook.case.reference);
    expect(JSON.stringify(mail)).not.toMatch(/Rowan|Testfield/);

    world.memory.clock.set('2026-12-18T15:30:00Z');
    await tick(world);
    expect(mailedTo(world)).toEqual([kestrel.senco.email, alderbrook.senco.email]);

    // Later ticks, and the jobs run again by hand: nothing more.
    world.memory.clock.set('2026-12-21T09:00:00Z');
    await tick(world);
    for (const job of await evaluationJobs(world)) if ((job.payload.termStart ?? '') < '2027-01-01') await jobHandlers['term-evaluation'](world.deps, job);
    expect(mailedTo(world)).toEqual([kestrel.senco.email, alderbrook.senco.email]);
    expect(mailedTo(world)).not.toContain(millpond.senco.email);
  });

  it('the cases still open carry the request on to the next term, by each school\'s dates', async () => {
    const { world, alderbrook, kestrel } = await twoSchools();
    world.memory.clock.set('2026-12-19T09:00:00Z');
    await tick(world);
    const spring = (await evaluationJobs(world)).filter((j) => j.status === 'queued');
    expect(spring.map((j) => [j.payload.schoolId, j.payload.termStart, j.dueAt]).sort()).toEqual(
      [
        // Spring ends Thursday 25 March 2027 for both: after the clocks change on 28 March, still GMT.
        [alderbrook.id, '2027-01-04', '2027-03-25T15:30:00.000Z'],
        [kestrel.id, '2027-01-05', '2027-03-25T15:30:00.000Z'],
      ].sort(),
    );
  });

  it('a school whose case closed during the term is mailed for that term, and not queued for the next', async () => {
    const world = await buildWorld('2026-09-14T09:00:00Z');
    const opened = await caseSteps(world).refer(urns.harbourside);
    await caseSteps(world).allocate(opened.case.id);
    const harbourside = await world.schoolByUrn(urns.harbourside);
    const c = await world.deps.stores.cases.get(opened.case.id);
    if (!c) throw new Error('no case');
    // Closed early in October (written directly: the closing steps are not what this tests).
    await world.deps.stores.cases.update(c.id, { status: 'closed', closure: { on: '2026-10-05', by: c.createdBy, how: 'no-longer-needed' }, closedMonth: '2026-10' }, c.etag);
    world.memory.clock.set('2026-12-18T15:30:00Z');
    await tick(world);
    expect(mailedTo(world)).toEqual([harbourside.senco.email]);
    expect((await evaluationJobs(world)).map((j) => j.status)).toEqual(['done']);
  });

  it('a crash after the mail went, before the job was marked done: the retry sends nothing twice', async () => {
    const { world, kestrel } = await twoSchools();
    const crashing: JobHandlers = { ...jobHandlers, 'term-evaluation': async (deps, job) => { await jobHandlers['term-evaluation'](deps, job); throw new Error('stopped'); } };
    world.memory.clock.set('2026-12-16T15:30:00Z');
    await tick(world, crashing);
    world.memory.clock.set('2026-12-16T15:40:00Z');
    await tick(world);
    expect(mailedTo(world)).toEqual([kestrel.senco.email]);
    expect((await evaluationJobs(world)).filter((j) => j.payload.schoolId === kestrel.id && j.payload.termStart === '2026-09-02').map((j) => j.status)).toEqual(['done']);
  });

  it('cases allocated before the job existed: the daily plan queues this term\'s request for each school with a case open, once', async () => {
    const { world, alderbrook, kestrel } = await twoSchools();
    // A Jobs list as it was before allocation queued these requests.
    const jobList = new MemoryEntityStore<Job, 'status'>('Jobs', { indexed: ['status'] });
    world.deps.jobs = new StoreJobQueue(jobList);
    await ensureDailyPlan(world.deps);
    world.memory.clock.set('2026-09-15T07:00:00Z');
    await tick(world);
    world.memory.clock.set('2026-09-16T07:00:00Z');
    await tick(world);
    expect((await jobList.list()).filter((j) => j.kind === 'term-evaluation').map((j) => [j.kind, j.payload.schoolId, j.dueAt]).sort()).toEqual(
      [
        ['term-evaluation', alderbrook.id, '2026-12-18T15:30:00.000Z'],
        ['term-evaluation', kestrel.id, '2026-12-16T15:30:00.000Z'],
      ].sort(),
    );
  });
});
