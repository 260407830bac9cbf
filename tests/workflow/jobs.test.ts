import { bookMeeting, checkIn, checkOut, jobHandlers, MAX_ATTEMPTS, runDueJobs, type JobHandlers } from '../../workflow';
import { caseSteps } from '../support/caseSteps';
import { buildWorld, key, people, value, type World } from '../support/world';

/** Issue 14 begun: jobs kept in the Jobs list, claimed by one runner, run once, retried with backoff. */
async function checkedIn() {
  const world = await buildWorld('2026-09-25T15:00:00Z');
  const opened = await caseSteps(world).refer();
  await caseSteps(world).allocate(opened.case.id);
  const worker = await world.staff(people.worker);
  const visit = value(await checkIn(world.deps, worker, { caseId: opened.case.id, requestKey: key(), place: 'school', plannedStart: '2026-09-25T15:00:00Z', plannedEnd: '2026-09-25T16:00:00Z' }));
  return { world, worker, visit, caseId: opened.case.id };
}

const alerts = (world: World) => world.memory.notifier.sent.filter((n) => n.kind === 'lone-working-check-out-missed');
/** Every active manager: whom the missed check-out alert goes to, one notice each. */
const managers = async (world: World) => (await world.deps.stores.staff.find({ active: true })).filter((s) => s.roles.includes('manager')).map((s) => s.userId).sort();
const tick = (world: World, owner = 'instance-a', handlers: JobHandlers = jobHandlers) => runDueJobs(world.deps, world.deps.jobs, handlers, owner);
/** The queued jobs of one kind (allocating and booking queue others: term-end requests, reminders, the Outlook poll). */
const jobsOf = async (world: World, kind: string) => (await world.memory.jobList.list()).filter((j) => j.kind === kind);

describe('the missed check-out alert, as a job', () => {
  it('checking in queues it for the planned end and 30 minutes; before then nothing runs', async () => {
    const { world } = await checkedIn();
    const [job] = await jobsOf(world, 'check-out-missed');
    expect(job).toMatchObject({ kind: 'check-out-missed', dueAt: '2026-09-25T16:30:00.000Z', status: 'queued', attempts: 0 });
    expect(JSON.stringify(job?.payload)).not.toMatch(/Rowan|Testfield/);
    world.memory.clock.set('2026-09-25T16:29:00Z');
    expect(await tick(world)).toMatchObject({ due: 0 });
    expect(alerts(world)).toHaveLength(0);
  });

  it('after downtime, runs once however many ticks were missed, alerting every manager once', async () => {
    const { world } = await checkedIn();
    world.memory.clock.set('2026-09-25T19:00:00Z');
    // Alerted once, and queued again for the repeat 15 minutes on (tests/workflow/jobReminders.test.ts).
    expect(await tick(world)).toMatchObject({ due: 1, claimed: 1, later: 1 });
    expect(await tick(world)).toMatchObject({ due: 0 });
    expect(alerts(world).map((n) => n.recipientId).sort()).toEqual(await managers(world));
    expect((await jobsOf(world, 'check-out-missed'))[0]).toMatchObject({ status: 'queued', dueAt: '2026-09-25T19:15:00.000Z' });
  });

  it('a check-out in time: the job runs and alerts nobody', async () => {
    const { world, worker, visit, caseId } = await checkedIn();
    world.memory.clock.set('2026-09-25T16:05:00Z');
    value(await checkOut(world.deps, worker, { caseId, recordId: visit.record.id }));
    world.memory.clock.set('2026-09-25T16:31:00Z');
    expect(await tick(world)).toMatchObject({ done: 1 });
    expect(alerts(world)).toHaveLength(0);
  });

  it('two instances ticking at once: one claims the job, the other finds it taken; the alert goes once', async () => {
    const { world } = await checkedIn();
    world.memory.clock.set('2026-09-25T16:31:00Z');
    const [a, b] = await Promise.all([tick(world, 'instance-a'), tick(world, 'instance-b')]);
    expect(a.claimed + b.claimed).toBe(1);
    expect(a.later + b.later).toBe(1);
    expect(alerts(world).map((n) => n.recipientId).sort()).toEqual(await managers(world));
    await Promise.all([tick(world, 'instance-a'), tick(world, 'instance-b')]);
    expect(alerts(world).map((n) => n.recipientId).sort()).toEqual(await managers(world));
  });

  it('a lease left by a crashed instance expires and another takes the job over', async () => {
    const { world } = await checkedIn();
    world.memory.clock.set('2026-09-25T16:31:00Z');
    const [job] = await world.deps.jobs.due(world.deps.clock.now(), 10);
    if (!job) throw new Error('no job due');
    // Instance A claims it and dies before running it.
    expect(await world.deps.jobs.claim(job, 'instance-a', new Date('2026-09-25T16:36:00Z'), world.deps.clock.now())).toBeDefined();
    expect(await tick(world, 'instance-b')).toMatchObject({ due: 0 });
    world.memory.clock.set('2026-09-25T16:37:00Z');
    expect(await tick(world, 'instance-b')).toMatchObject({ due: 1, claimed: 1, later: 1 });
    expect(alerts(world).map((n) => n.recipientId).sort()).toEqual(await managers(world));
  });

  it('a job whose runs keep dying with their instance is marked failed after the last attempt, not run for ever', async () => {
    const { world } = await checkedIn();
    let at = new Date('2026-09-25T16:31:00Z');
    for (let i = 0; i <= MAX_ATTEMPTS; i++) {
      world.memory.clock.set(at.toISOString());
      const [job] = await world.deps.jobs.due(at, 10);
      if (!job) throw new Error('no job due');
      // Claimed, and the instance dies before settling it.
      await world.deps.jobs.claim(job, `instance-${i}`, new Date(at.getTime() + 5 * 60_000), at);
      at = new Date(at.getTime() + 6 * 60_000);
    }
    world.memory.clock.set(at.toISOString());
    expect(await tick(world)).toMatchObject({ failed: 1 });
    expect((await jobsOf(world, 'check-out-missed'))[0]).toMatchObject({ status: 'failed', lastError: 'LeaseExpired' });
    expect(alerts(world)).toHaveLength(0);
  });

  it('a handler that fails is tried again later with backoff, and after the last attempt is marked failed, not dropped', async () => {
    const { world } = await checkedIn();
    let calls = 0;
    const failing: JobHandlers = { ...jobHandlers, 'check-out-missed': async () => { calls += 1; throw Object.assign(new Error('Graph down'), { statusCode: 503 }); } };
    let at = new Date('2026-09-25T16:31:00Z');
    for (let i = 0; i < MAX_ATTEMPTS; i++) {
      world.memory.clock.set(at.toISOString());
      await tick(world, 'instance-a', failing);
      at = new Date(at.getTime() + 61 * 60_000);
    }
    expect(calls).toBe(MAX_ATTEMPTS);
    const [job] = await jobsOf(world, 'check-out-missed');
    expect(job).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS, lastError: 'Error 503' });
    world.memory.clock.set(at.toISOString());
    expect(await tick(world, 'instance-a', failing)).toMatchObject({ due: 0 });
  });

  it('a crash after the alert went, before the job was marked done: the retry sends nothing twice', async () => {
    const { world } = await checkedIn();
    world.memory.clock.set('2026-09-25T16:31:00Z');
    const crashing: JobHandlers = { ...jobHandlers, 'check-out-missed': async (deps, job) => { await jobHandlers['check-out-missed'](deps, job); throw new Error('stopped'); } };
    await tick(world, 'instance-a', crashing);
    const sent = alerts(world).length;
    world.memory.clock.set('2026-09-25T16:40:00Z');
    expect(await tick(world)).toMatchObject({ later: 1 });
    expect(alerts(world)).toHaveLength(sent);
  });
});

describe('the join link re-read, as a job', () => {
  it('a meeting booked without a Teams link is read again until the link comes', async () => {
    const world = await buildWorld('2026-09-14T09:00:00Z');
    world.memory.calendar.withoutTeams.add(people.worker);
    const opened = await caseSteps(world).refer();
    await caseSteps(world).allocate(opened.case.id);
    const worker = await world.staff(people.worker);
    const booked = value(await bookMeeting(world.deps, worker, { caseId: opened.case.id, kind: 'school-meeting', requestKey: key('book'), start: '2026-09-16T09:00:00Z' }));
    expect((await jobsOf(world, 'join-link')).map((j) => [j.kind, j.dueAt])).toEqual([['join-link', '2026-09-14T09:10:00.000Z']]);
    world.memory.clock.set('2026-09-14T09:10:00Z');
    expect(await tick(world)).toMatchObject({ later: 1 });
    const event = world.memory.calendar.events[0];
    if (!event) throw new Error('no event');
    event.joinUrl = 'https://teams.example/l/meetup-join/late';
    world.memory.clock.set('2026-09-14T09:20:00Z');
    expect(await tick(world)).toMatchObject({ done: 1 });
    expect((await world.deps.stores.meetings.get(booked.meeting.id))?.joinUrl).toBe('https://teams.example/l/meetup-join/late');
  });

  it('tells the worker once when the link is still missing two hours after booking', async () => {
    const world = await buildWorld('2026-09-14T09:00:00Z');
    world.memory.calendar.withoutTeams.add(people.worker);
    const opened = await caseSteps(world).refer();
    await caseSteps(world).allocate(opened.case.id);
    const worker = await world.staff(people.worker);
    value(await bookMeeting(world.deps, worker, { caseId: opened.case.id, kind: 'school-meeting', requestKey: key('book'), start: '2026-09-16T09:00:00Z' }));
    for (let minutes = 10; minutes <= 130; minutes += 10) {
      world.memory.clock.set(new Date(new Date('2026-09-14T09:00:00Z').getTime() + minutes * 60_000).toISOString());
      await tick(world);
    }
    const told = world.memory.notifier.sent.filter((n) => n.kind === 'meeting-link-missing');
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({ recipientId: people.worker, summary: expect.stringContaining('still has no Teams link') });
    expect((await jobsOf(world, 'join-link'))[0]?.status).toBe('done');
  });
});
