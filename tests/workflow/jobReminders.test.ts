import { notificationCard } from '../../bot/cards/views/notificationCard';
import {
  acknowledgeMissedCheckOut,
  checkIn,
  checkOut,
  ensureDailyPlan,
  jobHandlers,
  londonInstant,
  pauseCase,
  resumeCase,
  recordInformationReturned,
  requestInformation,
  runDueJobs,
  type JobHandlers,
  type Notification,
  type NotificationKind,
} from '../../workflow';
import { caseSteps } from '../support/caseSteps';
import { buildWorld, errorOf, key, people, value, type World } from '../support/world';

/** Issue 14: the missed check-out repeated until acknowledged, the information form chaser, reviews due, six weeks ending, the daily plan. */
const tick = (world: World, handlers: JobHandlers = jobHandlers) => runDueJobs(world.deps, world.deps.jobs, handlers, 'instance-a');
const sentOf = (world: World, kind: NotificationKind): Notification[] => world.memory.notifier.sent.filter((n) => n.kind === kind);
const managers = async (world: World) => (await world.deps.stores.staff.find({ active: true })).filter((s) => s.roles.includes('manager')).map((s) => s.userId).sort();
const admins = async (world: World) => (await world.deps.stores.staff.find({ active: true })).filter((s) => s.roles.includes('admin')).map((s) => s.userId).sort();
const at = (world: World, iso: string) => world.memory.clock.set(iso);

/** Each day from `from` to `to` at 08:05 London, a tick: what a scheduler does over weeks, compressed. */
async function days(world: World, from: string, to: string): Promise<void> {
  for (let day = from; day <= to; day = new Date(Date.parse(`${day}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10)) {
    at(world, londonInstant(day, '08:05').toISOString());
    await tick(world);
  }
}

/** London date a notice went on: found by ticking day by day and noting the first day each key appeared. */
function recordDays(world: World) {
  const firstSeen = new Map<string, string>();
  return {
    async run(from: string, to: string) {
      for (let day = from; day <= to; day = new Date(Date.parse(`${day}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10)) {
        at(world, londonInstant(day, '08:05').toISOString());
        await tick(world);
        for (const n of world.memory.notifier.sent) if (!firstSeen.has(n.key)) firstSeen.set(n.key, day);
      }
    },
    dayOf: (n: Notification) => firstSeen.get(n.key),
  };
}

describe('the missed check-out alert repeats every 15 minutes until a manager acknowledges it', () => {
  async function checkedIn() {
    const world = await buildWorld('2026-09-25T15:00:00Z');
    const opened = await caseSteps(world).refer();
    await caseSteps(world).allocate(opened.case.id);
    const worker = await world.staff(people.worker);
    const visit = value(await checkIn(world.deps, worker, { caseId: opened.case.id, requestKey: key(), place: 'school', plannedStart: '2026-09-25T15:00:00Z', plannedEnd: '2026-09-25T16:00:00Z' }));
    return { world, worker, visit, caseId: opened.case.id };
  }
  const alerts = (world: World) => sentOf(world, 'lone-working-check-out-missed');

  it('alerts the managers at the planned end + 30 minutes, again at +15 and +30 after that, each repeat a new notice; acknowledging stops it', async () => {
    const { world, visit, caseId } = await checkedIn();
    const everyManager = await managers(world);
    at(world, '2026-09-25T16:31:00Z');
    expect(await tick(world)).toMatchObject({ later: 1 });
    expect(alerts(world).map((n) => n.recipientId).sort()).toEqual(everyManager);
    at(world, '2026-09-25T16:40:00Z');
    expect(await tick(world)).toMatchObject({ due: 0 });
    at(world, '2026-09-25T16:46:00Z');
    expect(await tick(world)).toMatchObject({ later: 1 });
    expect(alerts(world)).toHaveLength(2 * everyManager.length);
    at(world, '2026-09-25T17:01:00Z');
    await tick(world);
    expect(alerts(world)).toHaveLength(3 * everyManager.length);
    expect(new Set(alerts(world).map((n) => n.key)).size).toBe(3 * everyManager.length);
    expect(alerts(world).at(-1)?.summary).toMatch(/alert 3: not yet acknowledged/);
    expect(alerts(world).every((n) => n.acknowledge?.recordId === visit.record.id)).toBe(true);

    const manager = await world.staff(people.manager);
    at(world, '2026-09-25T17:05:00Z');
    const acknowledged = value(await acknowledgeMissedCheckOut(world.deps, manager, { caseId, recordId: visit.record.id }));
    expect(acknowledged.repeated).toBe(false);
    expect(acknowledged.record.body).toMatchObject({ acknowledgedAt: '2026-09-25T17:05:00.000Z', acknowledgedBy: people.manager });
    // A second click (the deputy's copy of the card) writes nothing new.
    expect(value(await acknowledgeMissedCheckOut(world.deps, await world.staff(people.deputy), { caseId, recordId: visit.record.id })).repeated).toBe(true);
    expect((await world.deps.audit.forCase(caseId)).filter((e) => e.action === 'lone-working.alert-acknowledged')).toHaveLength(1);
    at(world, '2026-09-25T17:20:00Z');
    expect(await tick(world)).toMatchObject({ done: 1 });
    at(world, '2026-09-25T19:00:00Z');
    expect(await tick(world)).toMatchObject({ due: 0 });
    expect(alerts(world)).toHaveLength(3 * everyManager.length);
  });

  it('a check-out stops the repeats', async () => {
    const { world, worker, visit, caseId } = await checkedIn();
    at(world, '2026-09-25T16:31:00Z');
    await tick(world);
    const first = alerts(world).length;
    at(world, '2026-09-25T16:40:00Z');
    value(await checkOut(world.deps, worker, { caseId, recordId: visit.record.id }));
    at(world, '2026-09-25T16:46:00Z');
    expect(await tick(world)).toMatchObject({ done: 1 });
    expect(alerts(world)).toHaveLength(first);
  });

  it('after downtime only the repeat due now goes, and a crash after sending it sends nothing twice', async () => {
    const { world } = await checkedIn();
    const everyManager = await managers(world);
    at(world, '2026-09-25T16:31:00Z');
    await tick(world);
    at(world, '2026-09-25T18:10:00Z');
    const crashing: JobHandlers = { ...jobHandlers, 'check-out-missed': async (deps, job) => { await jobHandlers['check-out-missed'](deps, job); throw new Error('stopped'); } };
    expect(await tick(world, crashing)).toMatchObject({ retried: 1 });
    expect(alerts(world)).toHaveLength(2 * everyManager.length);
    at(world, '2026-09-25T18:12:00Z');
    expect(await tick(world)).toMatchObject({ later: 1 });
    expect(alerts(world)).toHaveLength(2 * everyManager.length);
  });

  it('only a manager may acknowledge; the card carries the button, and keeps it when redrawn', async () => {
    const { world, worker, visit, caseId } = await checkedIn();
    expect(errorOf(await acknowledgeMissedCheckOut(world.deps, worker, { caseId, recordId: visit.record.id }))).toMatchObject({ code: 'RoleRequired' });
    at(world, '2026-09-25T16:31:00Z');
    await tick(world);
    const [alert] = alerts(world);
    if (!alert) throw new Error('no alert');
    const card = JSON.stringify(notificationCard(alert));
    expect(card).toContain('"title":"Acknowledge"');
    expect(card).toContain('"verb":"check-out-acknowledge.submit"');
    expect(card).toContain(`"noticeAckRecordId":"${visit.record.id}"`);
  });
});

describe('the information form chaser', () => {
  async function requested(urn: string, on: string) {
    const world = await buildWorld(`${on}T09:00:00Z`);
    const opened = await caseSteps(world).refer(urn);
    value(await requestInformation(world.deps, await world.staff(people.admin), { caseId: opened.case.id }));
    return { world, caseId: opened.case.id, reference: opened.case.reference };
  }
  const chaserMail = (world: World, reference: string) => world.memory.mailer.outbox.filter((m) => m.subject.includes(`${reference}: information form reminder`));

  it('5 school days after the request the school is mailed and the admins told; at 10, again, and the managers too; each once', async () => {
    // Northvale's autumn half-term starts on 26 October: 5 school days after Thu 8 Oct is Thu 15 Oct, 10 is Thu 22 Oct.
    const { world, reference } = await requested('100001', '2026-10-08');
    expect((await world.memory.jobList.list()).filter((j) => j.kind === 'information-chaser')).toHaveLength(1);
    const log = recordDays(world);
    await log.run('2026-10-09', '2026-11-10');
    const mails = chaserMail(world, reference);
    expect(mails).toHaveLength(2);
    expect(mails[0]?.to).toEqual(['senco@alderbrookprim.sch.example.org']);
    expect(JSON.stringify(mails)).not.toMatch(/Rowan|Testfield/);
    const late = sentOf(world, 'information-form-late');
    expect(late.filter((n) => log.dayOf(n) === '2026-10-15').map((n) => n.recipientId).sort()).toEqual(await admins(world));
    expect(late.filter((n) => log.dayOf(n) === '2026-10-22').map((n) => n.recipientId).sort()).toEqual([...new Set([...(await admins(world)), ...(await managers(world))])].sort());
    expect(late.every((n) => !/Rowan|Testfield/.test(n.summary) && n.summary.includes(reference))).toBe(true);
    expect((await world.memory.jobList.list()).find((j) => j.kind === 'information-chaser')?.status).toBe('done');
  });

  it('counts school days on the school\'s own term dates: Brookfield\'s half-term comes a week earlier, so its second chase waits for November', async () => {
    const { world, reference } = await requested('100003', '2026-10-08');
    const log = recordDays(world);
    await log.run('2026-10-09', '2026-11-10');
    expect(chaserMail(world, reference)).toHaveLength(2);
    expect([...new Set(sentOf(world, 'information-form-late').map((n) => log.dayOf(n)))]).toEqual(['2026-10-15', '2026-11-05']);
  });

  it('a form returned before the chase: nothing is sent and the job ends', async () => {
    const { world, caseId, reference } = await requested('100001', '2026-10-08');
    const admin = await world.staff(people.admin);
    at(world, '2026-10-12T10:00:00Z');
    value(await recordInformationReturned(world.deps, admin, { caseId, requestKey: key('info'), returnedOn: '2026-10-12', formReturned: true, pdpReturned: true }));
    await days(world, '2026-10-13', '2026-10-30');
    expect(chaserMail(world, reference)).toHaveLength(0);
    expect(sentOf(world, 'information-form-late')).toHaveLength(0);
    expect((await world.memory.jobList.list()).find((j) => j.kind === 'information-chaser')?.status).toBe('done');
  });
});

describe('reviews due and six weeks ending', () => {
  /** Contract starts Mon 5 Oct 2026, review agreed for Thu 10 Dec, support ends 6 school weeks on (Northvale). */
  async function inForce() {
    const world = await buildWorld('2026-09-14T09:00:00Z');
    const { caseId, contractId } = await caseSteps(world).toContractInForce();
    const c = await world.deps.stores.cases.get(caseId);
    if (!c?.contractInForce) throw new Error('no contract in force');
    return { world, caseId, contractId, reference: c.reference, contract: c.contractInForce };
  }

  it('approval queues both reminders, keyed by case and contract version, ids only', async () => {
    const { world, caseId, contract } = await inForce();
    const jobs = (await world.memory.jobList.list()).filter((j) => j.kind === 'review-due' || j.kind === 'support-ending');
    expect(jobs.map((j) => j.kind).sort()).toEqual(['review-due', 'support-ending']);
    expect(jobs.every((j) => j.payload.caseId === caseId && j.payload.version === String(contract.version))).toBe(true);
  });

  it('the worker hears 5 school days before each review date (half-term end, then the agreed date); when one passes, the worker and managers hear it is overdue', async () => {
    const { world, reference, contract } = await inForce();
    expect(contract).toMatchObject({ startDate: '2026-10-05', reviewDate: '2026-12-10' });
    const log = recordDays(world);
    await log.run('2026-09-15', '2026-12-20');
    const due = sentOf(world, 'review-due');
    // Northvale's autumn 1 ends Fri 23 Oct: 5 school days before is Fri 16 Oct. The agreed 10 Dec: Thu 3 Dec.
    expect(due.map((n) => [n.recipientId, log.dayOf(n)])).toEqual([[people.worker, '2026-10-16'], [people.worker, '2026-12-03']]);
    expect(JSON.stringify(notificationCard(due[0]!))).toContain('"verb":"meeting-book.open"');
    const overdue = sentOf(world, 'review-overdue');
    expect([...new Set(overdue.map((n) => log.dayOf(n)))]).toEqual(['2026-10-26', '2026-12-11']);
    expect(overdue.filter((n) => log.dayOf(n) === '2026-12-11').map((n) => n.recipientId).sort()).toEqual([...new Set([people.worker, ...(await managers(world))])].sort());
    expect([...due, ...overdue].every((n) => n.summary.includes(reference) && !/Rowan|Testfield/.test(n.summary))).toBe(true);
  });

  it('six weeks ending: the worker gets a card 5 school days before support ends, with a button to book the review', async () => {
    const { world, contract } = await inForce();
    const log = recordDays(world);
    await log.run('2026-09-15', '2026-12-01');
    const ending = sentOf(world, 'support-ending');
    expect(ending).toHaveLength(1);
    expect(ending[0]).toMatchObject({ recipientId: people.worker, book: 'review' });
    // Support ends Fri 20 Nov (Northvale): 5 school days before is Fri 13 Nov.
    expect([contract.supportEnds, log.dayOf(ending[0]!)]).toEqual(['2026-11-20', '2026-11-13']);
    const card = JSON.stringify(notificationCard(ending[0]!));
    expect(card).toContain('"verb":"meeting-book.open"');
    expect(card).toContain('"kind":"review"');
  });

  it('a paused case gets nothing while paused; resumed, the six weeks card comes for the new end of support', async () => {
    const { world, caseId } = await inForce();
    const manager = await world.staff(people.manager);
    at(world, '2026-11-09T10:00:00Z');
    value(await pauseCase(world.deps, manager, { caseId, requestKey: key('pause'), reason: 'Pupil in hospital.' }));
    await days(world, '2026-11-10', '2026-11-20');
    expect(sentOf(world, 'support-ending')).toHaveLength(0);
    at(world, '2026-11-23T10:00:00Z');
    const resumed = value(await resumeCase(world.deps, manager, { caseId, requestKey: key('resume') }));
    const ends = resumed.contractInForce?.supportEnds ?? '';
    expect(ends > '2026-11-20').toBe(true);
    const log = recordDays(world);
    await log.run('2026-11-24', ends);
    const ending = sentOf(world, 'support-ending');
    expect(ending).toHaveLength(1);
    expect(ending[0]?.summary).toContain('end on');
    expect((log.dayOf(ending[0]!) ?? '') < ends).toBe(true);
  });

  it('a closed case gets no reminders: each job re-checks the case when it runs', async () => {
    const { world, caseId } = await inForce();
    const c = await world.deps.stores.cases.get(caseId);
    if (!c) throw new Error('no case');
    await world.deps.stores.cases.update(caseId, { status: 'closed' }, c.etag);
    await days(world, '2026-09-15', '2026-12-20');
    expect([...sentOf(world, 'review-due'), ...sentOf(world, 'review-overdue'), ...sentOf(world, 'support-ending')]).toHaveLength(0);
    expect((await world.memory.jobList.list()).filter((j) => ['review-due', 'support-ending', 'information-chaser'].includes(j.kind)).every((j) => j.status === 'done')).toBe(true);
  });
});

describe('the daily plan', () => {
  it('queued at start for 07:00 London; it queues the reminders a case lacks (loaded before jobs existed), once, and the next day\'s plan', async () => {
    const world = await buildWorld('2026-10-08T09:00:00Z');
    const opened = await caseSteps(world).refer();
    // As demo data or a case from before the jobs: the request is on the case, but no chaser was queued.
    const c = await world.deps.stores.cases.get(opened.case.id);
    if (!c) throw new Error('no case');
    await world.deps.stores.cases.update(c.id, { milestones: { ...c.milestones, informationRequested: { at: '2026-10-08T09:00:00.000Z', by: people.admin } } }, c.etag);
    await ensureDailyPlan(world.deps);
    await ensureDailyPlan(world.deps);
    const plans = () => world.memory.jobList.list().then((jobs) => jobs.filter((j) => j.kind === 'daily-plan'));
    // A first start after 07:00: today's plan runs at once, and tomorrow's waits for 07:00 London (06:00 UTC in BST).
    expect((await plans()).map((j) => j.dueAt).sort()).toEqual(['2026-10-08T06:00:00.000Z', '2026-10-09T06:00:00.000Z']);

    const enqueued: string[] = [];
    const queue = world.deps.jobs;
    const counting = { ...world, deps: { ...world.deps, jobs: { ...queue, enqueue: (job: Parameters<typeof queue.enqueue>[0], k: string) => { enqueued.push(k); return queue.enqueue(job, k); }, due: queue.due.bind(queue), upcoming: queue.upcoming.bind(queue), claim: queue.claim.bind(queue), settle: queue.settle.bind(queue), queued: queue.queued.bind(queue), failed: queue.failed.bind(queue) } } };
    expect(await runDueJobs(counting.deps, counting.deps.jobs, jobHandlers, 'a')).toMatchObject({ done: 1 });
    expect(enqueued).toContain(`information-chaser:${c.id}`);
    expect(enqueued).toContain('daily-plan:2026-10-09');
    expect((await plans()).map((j) => [j.dueAt, j.status]).sort()).toEqual([['2026-10-08T06:00:00.000Z', 'done'], ['2026-10-09T06:00:00.000Z', 'queued']]);

    // The chaser's first run works out its day (the 5th school day on) and waits for it.
    at(world, '2026-10-08T09:01:00Z');
    expect(await tick(world)).toMatchObject({ later: 1 });
    expect((await world.memory.jobList.list()).find((j) => j.kind === 'information-chaser')?.dueAt).toBe('2026-10-15T07:00:00.000Z');
    // The next day nothing is missing: the plan queues only the day after's plan.
    enqueued.length = 0;
    at(world, '2026-10-09T06:00:00Z');
    await runDueJobs(counting.deps, counting.deps.jobs, jobHandlers, 'a');
    expect(enqueued).toEqual(['daily-plan:2026-10-10']);
    expect((await world.memory.jobList.list()).filter((j) => j.kind === 'information-chaser')).toHaveLength(1);
  });
});
