import { defaultWorkflowSettings, loadWorkflowConfig } from '../../app/data/workflowConfig';
import { bookMeeting, cancelMeeting, jobHandlers, moveMeeting, runDueJobs, type JobHandlers } from '../../workflow';
import { reminderDue } from '../../workflow/jobs/meetings/reminderJob';
import { caseSteps } from '../support/caseSteps';
import { buildWorld, key, people, value, type World } from '../support/world';

/** Issue 14: the meeting reminder the working day before, and meetings moved or cancelled in Outlook found by polling. */
const tick = (world: World, handlers: JobHandlers = jobHandlers) => runDueJobs(world.deps, world.deps.jobs, handlers, 'instance-a');
const at = (world: World, iso: string) => world.memory.clock.set(iso);
const sentOf = (world: World, kind: string) => world.memory.notifier.sent.filter((n) => n.kind === kind);
const jobsOf = async (world: World, kind: string) => (await world.memory.jobList.list()).filter((j) => j.kind === kind);

/** A case allocated to the worker, with the initial school meeting booked on Wednesday 16 September at 10:00 London. */
async function booked(now = '2026-09-14T09:00:00Z', start = '2026-09-16T09:00:00Z') {
  const world = await buildWorld(now);
  const opened = await caseSteps(world).refer();
  await caseSteps(world).allocate(opened.case.id);
  const worker = await world.staff(people.worker);
  const meeting = value(await bookMeeting(world.deps, worker, { caseId: opened.case.id, kind: 'school-meeting', requestKey: key('book'), start })).meeting;
  return { world, worker, meeting, caseId: opened.case.id, reference: opened.case.reference };
}

/** The event as Outlook holds it (the memory calendar), to change it as its organiser would there. */
function outlookEvent(world: World, eventId: string | undefined) {
  const event = world.memory.calendar.events.find((e) => e.eventId === eventId);
  if (!event) throw new Error('no event');
  return event;
}

describe('the meeting reminder', () => {
  it('falls at 08:00 London on the working day before: Friday for a Monday, past a bank holiday, in GMT and BST', () => {
    const holidays = loadWorkflowConfig(defaultWorkflowSettings).bankHolidays;
    expect(reminderDue(new Date('2026-09-16T09:00:00Z'), holidays).toISOString()).toBe('2026-09-15T07:00:00.000Z');
    expect(reminderDue(new Date('2026-12-07T10:00:00Z'), holidays).toISOString()).toBe('2026-12-04T08:00:00.000Z');
    // Tuesday after the spring bank holiday (Monday 25 May): the Friday before.
    expect(reminderDue(new Date('2026-05-26T09:00:00Z'), holidays).toISOString()).toBe('2026-05-22T07:00:00.000Z');
    // After the clocks went back (25 October): 08:00 London is 08:00 UTC.
    expect(reminderDue(new Date('2026-11-02T10:00:00Z'), holidays).toISOString()).toBe('2026-10-30T08:00:00.000Z');
  });

  it('is queued at booking and sends the worker the time, what it is and the Teams link, once', async () => {
    const { world, meeting, reference } = await booked();
    const [job] = await jobsOf(world, 'meeting-reminder');
    expect(job).toMatchObject({ dueAt: '2026-09-15T07:00:00.000Z', status: 'queued', payload: { meetingKey: meeting.transactionId, start: '2026-09-16T09:00:00.000Z' } });
    at(world, '2026-09-15T06:59:00Z');
    await tick(world);
    expect(sentOf(world, 'meeting-reminder')).toHaveLength(0);
    at(world, '2026-09-15T07:00:00Z');
    await tick(world);
    const told = sentOf(world, 'meeting-reminder');
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({ recipientId: people.worker, caseReference: reference, meetingId: meeting.id });
    expect(told[0]?.summary).toContain('Initial school meeting');
    expect(told[0]?.summary).toContain(meeting.joinUrl ?? 'no link');
    expect(told[0]?.summary).toMatch(/16 Sep.*10:00/);
    expect(told[0]?.summary).not.toMatch(/Rowan|Testfield/);
    at(world, '2026-09-15T07:30:00Z');
    await tick(world);
    expect(sentOf(world, 'meeting-reminder')).toHaveLength(1);
    expect((await jobsOf(world, 'meeting-reminder'))[0]?.status).toBe('done');
  });

  it('booked after 08:00 the working day before: no reminder (the worker has just booked it)', async () => {
    const { world } = await booked('2026-09-15T08:00:00Z', '2026-09-16T09:00:00Z');
    expect(await jobsOf(world, 'meeting-reminder')).toHaveLength(0);
  });

  it('reads the Teams link then if it was still missing', async () => {
    const world = await buildWorld('2026-09-14T09:00:00Z');
    world.memory.calendar.withoutTeams.add(people.worker);
    const opened = await caseSteps(world).refer();
    await caseSteps(world).allocate(opened.case.id);
    const worker = await world.staff(people.worker);
    const meeting = value(await bookMeeting(world.deps, worker, { caseId: opened.case.id, kind: 'school-meeting', requestKey: key('book'), start: '2026-09-16T09:00:00Z' })).meeting;
    // The link came later than the link job's two hours.
    const only: JobHandlers = { ...jobHandlers, 'join-link': async () => ({ done: true }) };
    outlookEvent(world, meeting.eventId).joinUrl = 'https://teams.example/l/meetup-join/late-link';
    at(world, '2026-09-15T07:00:00Z');
    await tick(world, only);
    expect(sentOf(world, 'meeting-reminder')[0]?.summary).toContain('https://teams.example/l/meetup-join/late-link');
    expect((await world.deps.stores.meetings.get(meeting.id))?.joinUrl).toBe('https://teams.example/l/meetup-join/late-link');
  });

  it('a meeting moved gets a reminder for its new time; the old time\'s reminder does nothing', async () => {
    const { world, worker, meeting, caseId } = await booked();
    value(await moveMeeting(world.deps, worker, { caseId, meetingId: meeting.id, requestKey: key('move'), start: '2026-09-17T09:00:00Z' }));
    expect((await jobsOf(world, 'meeting-reminder')).map((j) => j.dueAt).sort()).toEqual(['2026-09-15T07:00:00.000Z', '2026-09-16T07:00:00.000Z']);
    at(world, '2026-09-15T07:00:00Z');
    await tick(world);
    expect(sentOf(world, 'meeting-reminder')).toHaveLength(0);
    at(world, '2026-09-16T07:00:00Z');
    await tick(world);
    const told = sentOf(world, 'meeting-reminder');
    expect(told).toHaveLength(1);
    expect(told[0]?.summary).toMatch(/17 Sep.*10:00/);
  });

  it('a meeting cancelled gets no reminder', async () => {
    const { world, worker, meeting, caseId } = await booked();
    value(await cancelMeeting(world.deps, worker, { caseId, meetingId: meeting.id, requestKey: key('cancel'), reason: 'The school asked to wait.' }));
    at(world, '2026-09-15T07:00:00Z');
    await tick(world);
    expect(sentOf(world, 'meeting-reminder')).toHaveLength(0);
    expect((await jobsOf(world, 'meeting-reminder'))[0]?.status).toBe('done');
  });

  it('a crash after the card went, before the job was marked done: the retry sends nothing twice', async () => {
    const { world } = await booked();
    const crashing: JobHandlers = { ...jobHandlers, 'meeting-reminder': async (deps, job) => { await jobHandlers['meeting-reminder'](deps, job); throw new Error('stopped'); } };
    at(world, '2026-09-15T07:00:00Z');
    await tick(world, crashing);
    at(world, '2026-09-15T07:05:00Z');
    await tick(world);
    expect(sentOf(world, 'meeting-reminder')).toHaveLength(1);
    expect((await jobsOf(world, 'meeting-reminder'))[0]?.status).toBe('done');
  });
});

describe('meetings changed in Outlook, found by polling', () => {
  it('booking starts the poll: one job a day, run every 15 minutes', async () => {
    const { world } = await booked();
    expect(await jobsOf(world, 'meeting-changes')).toMatchObject([{ dueAt: '2026-09-14T09:15:00.000Z', payload: { day: '2026-09-14' }, status: 'queued' }]);
    at(world, '2026-09-14T09:15:00Z');
    await tick(world);
    expect(await jobsOf(world, 'meeting-changes')).toMatchObject([{ dueAt: '2026-09-14T09:30:00.000Z', status: 'queued' }]);
    // Its last run of the day hands over to the next day's, while meetings lie ahead.
    at(world, '2026-09-14T22:50:00Z');
    await tick(world);
    const jobs = await jobsOf(world, 'meeting-changes');
    expect(jobs.map((j) => [j.payload.day, j.status])).toEqual([['2026-09-14', 'done'], ['2026-09-15', 'queued']]);
  });

  it('after downtime, the missed day\'s poll hands over to today\'s: the calendars are read once, not once per day missed', async () => {
    const { world } = await booked('2026-09-11T09:00:00Z', '2026-09-16T09:00:00Z');
    world.memory.calendar.viewsRead.length = 0;
    at(world, '2026-09-14T08:00:00Z');
    await tick(world);
    expect(world.memory.calendar.viewsRead).toEqual([]);
    await tick(world);
    expect(world.memory.calendar.viewsRead).toEqual([people.worker]);
    expect((await jobsOf(world, 'meeting-changes')).map((j) => [j.payload.day, j.status])).toEqual([['2026-09-11', 'done'], ['2026-09-14', 'queued']]);
  });

  it('a meeting moved in Outlook: the record takes the new time (moved), the worker is told once, and reminded for the new time', async () => {
    const { world, meeting, reference } = await booked();
    const event = outlookEvent(world, meeting.eventId);
    event.start = new Date('2026-09-17T13:00:00Z');
    event.end = new Date('2026-09-17T14:00:00Z');
    at(world, '2026-09-14T09:15:00Z');
    await tick(world);
    expect(await world.deps.stores.meetings.get(meeting.id)).toMatchObject({ status: 'moved', start: '2026-09-17T13:00:00.000Z', end: '2026-09-17T14:00:00.000Z' });
    const told = sentOf(world, 'meeting-changed-in-outlook');
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({ recipientId: people.worker, caseReference: reference, meetingId: meeting.id });
    expect(told[0]?.summary).toMatch(/moved in Outlook to .*17 Sep.*14:00/);
    expect((await jobsOf(world, 'meeting-reminder')).map((j) => j.dueAt).sort()).toEqual(['2026-09-15T07:00:00.000Z', '2026-09-16T07:00:00.000Z']);
    at(world, '2026-09-14T09:30:00Z');
    await tick(world);
    expect(sentOf(world, 'meeting-changed-in-outlook')).toHaveLength(1);
    // The old time's reminder does nothing; the new one goes.
    at(world, '2026-09-16T07:00:00Z');
    await tick(world);
    expect(sentOf(world, 'meeting-reminder').map((n) => n.summary)).toEqual([expect.stringMatching(/17 Sep.*14:00/)]);
  });

  it('a meeting cancelled in Outlook: the record is cancelled and the worker told once; no reminder goes', async () => {
    const { world, meeting } = await booked();
    outlookEvent(world, meeting.eventId).cancelled = { comment: 'Sorry, the school is closed that day.' };
    at(world, '2026-09-14T09:15:00Z');
    await tick(world);
    expect(await world.deps.stores.meetings.get(meeting.id)).toMatchObject({ status: 'cancelled' });
    expect(sentOf(world, 'meeting-changed-in-outlook').map((n) => n.summary)).toEqual([expect.stringContaining('was cancelled in Outlook')]);
    at(world, '2026-09-15T07:00:00Z');
    await tick(world);
    expect(sentOf(world, 'meeting-changed-in-outlook')).toHaveLength(1);
    expect(sentOf(world, 'meeting-reminder')).toHaveLength(0);
  });

  it('reads each organiser\'s calendar once a poll, however many meetings; one moved far outside their span is read on its own', async () => {
    const { world, worker, caseId, meeting } = await booked();
    value(await bookMeeting(world.deps, worker, { caseId, kind: 'contract-meeting', requestKey: key('book'), start: '2026-09-18T09:00:00Z' }));
    const event = outlookEvent(world, meeting.eventId);
    event.start = new Date('2026-10-20T09:00:00Z');
    event.end = new Date('2026-10-20T10:00:00Z');
    world.memory.calendar.viewsRead.length = 0;
    at(world, '2026-09-14T09:15:00Z');
    await tick(world);
    expect(world.memory.calendar.viewsRead).toEqual([people.worker]);
    expect(await world.deps.stores.meetings.get(meeting.id)).toMatchObject({ status: 'moved', start: '2026-10-20T09:00:00.000Z' });
  });

  it('one organiser\'s calendar failing does not hold the others back; the poll is tried again and finds the rest', async () => {
    const { world, meeting } = await booked();
    const other = await caseSteps(world).refer('100003');
    await caseSteps(world).allocate(other.case.id, 'otherWorker');
    const otherMeeting = value(await bookMeeting(world.deps, await world.staff(people.otherWorker), { caseId: other.case.id, kind: 'school-meeting', requestKey: key('book'), start: '2026-09-16T13:00:00Z' })).meeting;
    for (const m of [meeting, otherMeeting]) {
      const event = outlookEvent(world, m.eventId);
      event.start = new Date(event.start.getTime() + 3_600_000);
      event.end = new Date(event.end.getTime() + 3_600_000);
    }
    const view = world.memory.calendar.calendarView.bind(world.memory.calendar);
    world.memory.calendar.calendarView = async (organiserId, from, to) => {
      if (organiserId === people.otherWorker) throw Object.assign(new Error('Service unavailable'), { statusCode: 503 });
      return view(organiserId, from, to);
    };
    at(world, '2026-09-14T09:15:00Z');
    expect(await tick(world)).toMatchObject({ retried: 1 });
    expect((await world.deps.stores.meetings.get(meeting.id))?.status).toBe('moved');
    expect((await world.deps.stores.meetings.get(otherMeeting.id))?.status).toBe('booked');
    world.memory.calendar.calendarView = view;
    at(world, '2026-09-14T09:16:00Z');
    await tick(world);
    expect((await world.deps.stores.meetings.get(otherMeeting.id))?.status).toBe('moved');
    expect(sentOf(world, 'meeting-changed-in-outlook').map((n) => n.recipientId).sort()).toEqual([people.worker, people.otherWorker].sort());
  });

  it('meetings moved or cancelled through the product are not reported as Outlook changes', async () => {
    const { world, worker, meeting, caseId } = await booked();
    value(await moveMeeting(world.deps, worker, { caseId, meetingId: meeting.id, requestKey: key('move'), start: '2026-09-17T09:00:00Z' }));
    at(world, '2026-09-14T09:15:00Z');
    await tick(world);
    expect(sentOf(world, 'meeting-changed-in-outlook')).toHaveLength(0);
  });

  it('a crash after telling the worker, before the record changed: the next poll updates it and tells nobody twice', async () => {
    const { world, meeting } = await booked();
    const event = outlookEvent(world, meeting.eventId);
    event.start = new Date('2026-09-17T13:00:00Z');
    event.end = new Date('2026-09-17T14:00:00Z');
    const update = world.deps.stores.meetings.update.bind(world.deps.stores.meetings);
    world.deps.stores.meetings.update = async () => { throw new Error('stopped'); };
    at(world, '2026-09-14T09:15:00Z');
    await tick(world);
    expect(sentOf(world, 'meeting-changed-in-outlook')).toHaveLength(1);
    expect((await world.deps.stores.meetings.get(meeting.id))?.status).toBe('booked');
    world.deps.stores.meetings.update = update;
    at(world, '2026-09-14T09:20:00Z');
    await tick(world);
    expect((await world.deps.stores.meetings.get(meeting.id))?.status).toBe('moved');
    expect(sentOf(world, 'meeting-changed-in-outlook')).toHaveLength(1);
  });
});
