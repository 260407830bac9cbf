import { bookMeeting, cancelMeeting, closeEarly, moveMeeting, proposeMeeting, readableDateTime, reallocateCase, recordReview, withJoinLink } from '../../workflow';
import { caseSteps } from '../support/caseSteps';
import { buildWorld, errorOf, key, onTheDay, people, value, type World } from '../support/world';

const workerEmail = async (world: World) => (await world.staff(people.worker)).email;

async function allocatedCase(world: World, overrides: Record<string, unknown> = {}) {
  const opened = await caseSteps(world).refer('100001', overrides);
  await caseSteps(world).allocate(opened.case.id);
  return opened;
}

describe('Proposing meeting times (issue 13)', () => {
  it('offers three school-hour times on school days, from one school day ahead, spread over days', async () => {
    const world = await buildWorld('2026-09-14T09:00:00Z');
    const opened = await allocatedCase(world);
    const proposal = value(await proposeMeeting(world.deps, await world.staff(people.worker), { caseId: opened.case.id, kind: 'school-meeting' }));
    expect(proposal.slots.map((s) => readableDateTime(s.start.toISOString()))).toEqual(['Tue 15 Sep 2026, 08:45', 'Wed 16 Sep 2026, 08:45', 'Thu 17 Sep 2026, 08:45']);
    expect(proposal.nextWindow).toBeUndefined();
    expect(proposal.parties.invited).toEqual([{ email: 'senco@alderbrookprim.sch.example.org', name: 'Sam Wren', role: 'senco' }]);
    expect(proposal.window.from).toBe('2026-09-14');
  });

  it("keeps clear of the worker's busy times, and of travel time round a home visit", async () => {
    const world = await buildWorld('2026-09-14T09:00:00Z');
    const opened = await allocatedCase(world);
    // Busy 09:00-10:30 London (BST) every day of that week.
    world.memory.calendar.busy.set(await workerEmail(world), [15, 16, 17, 18].map((d) => ({ start: new Date(`2026-09-${d}T08:00:00Z`), end: new Date(`2026-09-${d}T09:30:00Z`) })));
    const proposal = value(await proposeMeeting(world.deps, await world.staff(people.worker), { caseId: opened.case.id, kind: 'home-visit' }));
    // 10:30 ends the busy time; 30 minutes' travel: 11:00 the first home visit.
    expect(proposal.slots.map((s) => readableDateTime(s.start.toISOString()))).toEqual(['Tue 15 Sep 2026, 11:00', 'Wed 16 Sep 2026, 11:00', 'Thu 17 Sep 2026, 11:00']);
  });

  it('says when the window is full and offers times in the next one', async () => {
    const world = await buildWorld('2026-09-14T09:00:00Z');
    const opened = await allocatedCase(world);
    // Busy every day for the school meeting's ten school days.
    world.memory.calendar.busy.set(await workerEmail(world), [{ start: new Date('2026-09-14T00:00:00Z'), end: new Date('2026-09-29T00:00:00Z') }]);
    const proposal = value(await proposeMeeting(world.deps, await world.staff(people.worker), { caseId: opened.case.id, kind: 'school-meeting' }));
    expect(proposal.nextWindow).toEqual({ from: '2026-09-28', to: expect.any(String) });
    expect(proposal.slots).toHaveLength(3);
    expect(proposal.slots.every((s) => s.start >= new Date('2026-09-29T00:00:00Z'))).toBe(true);
  });

  it('lists a parent without an e-mail address to phone, with any interpreter need', async () => {
    const world = await buildWorld('2026-09-14T09:00:00Z');
    const opened = await allocatedCase(world);
    const proposal = value(await proposeMeeting(world.deps, await world.staff(people.worker), { caseId: opened.case.id, kind: 'parent-call' }));
    expect(proposal.parties.invited).toEqual([]);
    expect(proposal.parties.phone).toEqual([{ name: 'Casey Testfield', relationship: 'mother', phone: '01632 960999', interpreterNeeded: false }]);
  });
});

describe('Booking, moving and cancelling (issue 13)', () => {
  async function booked(world: World, kind: 'school-meeting' | 'parent-call' = 'school-meeting', requestKey = key('book')) {
    const opened = await allocatedCase(world);
    const worker = await world.staff(people.worker);
    const result = value(await bookMeeting(world.deps, worker, { caseId: opened.case.id, kind, requestKey, start: '2026-09-16T09:00:00Z' }));
    return { opened, worker, result, requestKey };
  }

  it('books a private event with a Teams link, inviting the SENCo; the subject holds the case reference only', async () => {
    const world = await buildWorld('2026-09-14T09:00:00Z');
    const { opened, result } = await booked(world);
    const [event] = world.memory.calendar.events;
    expect(event).toMatchObject({
      organiserId: people.worker,
      subject: `Initial school meeting: case ${opened.case.reference}`,
      attendees: [{ email: 'senco@alderbrookprim.sch.example.org', name: 'Sam Wren' }],
      online: true,
      location: 'Alderbrook Primary School',
      start: new Date('2026-09-16T09:00:00Z'),
      end: new Date('2026-09-16T10:00:00Z'),
    });
    expect(`${event?.subject} ${event?.body}`).not.toMatch(/Rowan|Testfield/);
    expect(result.meeting).toMatchObject({ status: 'booked', eventId: event?.eventId, joinUrl: event?.joinUrl, caseId: opened.case.id, kind: 'school-meeting' });
    expect((await world.deps.audit.forCase(opened.case.id)).map((e) => e.action)).toContain('meeting.booked');
  });

  it('books once: a repeat of the same booking returns the first', async () => {
    const world = await buildWorld('2026-09-14T09:00:00Z');
    const { opened, worker, result, requestKey } = await booked(world);
    const again = value(await bookMeeting(world.deps, worker, { caseId: opened.case.id, kind: 'school-meeting', requestKey, start: '2026-09-16T09:00:00Z' }));
    expect(again).toMatchObject({ repeated: true, meeting: { id: result.meeting.id } });
    expect(world.memory.calendar.events).toHaveLength(1);
  });

  it('after a crash once the event was made, a retry makes no second event', async () => {
    const world = await buildWorld('2026-09-14T09:00:00Z');
    const opened = await allocatedCase(world);
    const worker = await world.staff(people.worker);
    const create = world.memory.stores.meetings.create.bind(world.memory.stores.meetings);
    let crash = true;
    world.memory.stores.meetings.create = async (...args) => {
      if (crash) { crash = false; throw new Error('process stopped'); }
      return create(...args);
    };
    const input = { caseId: opened.case.id, kind: 'school-meeting', requestKey: key('book'), start: '2026-09-16T09:00:00Z' };
    await expect(bookMeeting(world.deps, worker, input)).rejects.toThrow('process stopped');
    const retried = value(await bookMeeting(world.deps, worker, input));
    expect(world.memory.calendar.events).toHaveLength(1);
    expect(world.memory.calendar.repeatedCreates).toBe(1);
    expect(retried.meeting.eventId).toBe(world.memory.calendar.events[0]?.eventId);
  });

  it('refuses a second school meeting while one stands, a time outside school hours, and a day the school is shut', async () => {
    const world = await buildWorld('2026-09-14T09:00:00Z');
    const { opened, worker } = await booked(world);
    const at = (start: string) => bookMeeting(world.deps, worker, { caseId: opened.case.id, kind: 'school-meeting', requestKey: key('book'), start });
    expect(errorOf(await at('2026-09-17T09:00:00Z'))).toMatchObject({ code: 'AlreadyDone' });
    const review = (start: string) => bookMeeting(world.deps, worker, { caseId: opened.case.id, kind: 'review', requestKey: key('book'), start });
    expect(errorOf(await review('2026-09-17T15:00:00Z'))).toMatchObject({ code: 'MeetingTimeRefused', message: expect.stringContaining('08:45 to 15:15') });
    expect(errorOf(await review('2026-09-19T09:00:00Z'))).toMatchObject({ code: 'MeetingTimeRefused', message: expect.stringContaining('closed on Sat 19 Sep 2026') });
    expect(errorOf(await review('2026-09-14T08:00:00Z'))).toMatchObject({ code: 'MeetingTimeRefused', message: expect.stringContaining('has passed') });
  });

  it('moves the same event, and cancels it with the reason told to those invited', async () => {
    const world = await buildWorld('2026-09-14T09:00:00Z');
    const { opened, worker, result } = await booked(world);
    const moved = value(await moveMeeting(world.deps, worker, { caseId: opened.case.id, meetingId: result.meeting.id, requestKey: key('move'), start: '2026-09-17T12:00:00Z' }));
    expect(moved.meeting).toMatchObject({ status: 'moved', start: '2026-09-17T12:00:00.000Z', end: '2026-09-17T13:00:00.000Z', eventId: result.meeting.eventId });
    expect(world.memory.calendar.events).toHaveLength(1);
    expect(world.memory.calendar.events[0]).toMatchObject({ moves: 1, start: new Date('2026-09-17T12:00:00Z') });
    const cancelled = value(await cancelMeeting(world.deps, worker, { caseId: opened.case.id, meetingId: result.meeting.id, requestKey: key('cancel'), reason: 'The school asked to meet later.' }));
    expect(cancelled.meeting).toMatchObject({ status: 'cancelled', cancelledReason: 'The school asked to meet later.' });
    expect(world.memory.calendar.events[0]?.cancelled).toEqual({ comment: 'The school asked to meet later.' });
    const again = value(await cancelMeeting(world.deps, worker, { caseId: opened.case.id, meetingId: result.meeting.id, requestKey: key('cancel'), reason: 'Again' }));
    expect(again.repeated).toBe(true);
    expect(errorOf(await moveMeeting(world.deps, worker, { caseId: opened.case.id, meetingId: result.meeting.id, requestKey: key('move'), start: '2026-09-18T12:00:00Z' }))).toMatchObject({ code: 'InvalidState' });
    const actions = (await world.deps.audit.forCase(opened.case.id)).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['meeting.booked', 'meeting.moved', 'meeting.cancelled']));
  });

  it('a call with a parent invites the parent alone; a parent who prefers the phone is not invited', async () => {
    const world = await buildWorld('2026-09-14T09:00:00Z');
    const opened = await allocatedCase(world);
    const child = await world.deps.stores.children.get(opened.case.childId);
    if (!child) throw new Error('no child');
    await world.deps.stores.children.update(child.id, { parents: [...child.parents, { name: 'Jamie Testfield', relationship: 'father', parentalResponsibility: true, email: 'jamie@example.org', interpreterNeeded: true, language: 'Polish' }] }, child.etag);
    const worker = await world.staff(people.worker);
    const result = value(await bookMeeting(world.deps, worker, { caseId: opened.case.id, kind: 'parent-call', requestKey: key('book'), start: '2026-09-16T15:30:00Z' }));
    expect(world.memory.calendar.events[0]?.attendees).toEqual([{ email: 'jamie@example.org', name: 'Jamie Testfield' }]);
    expect(world.memory.calendar.events[0]?.location).toBeUndefined();
    expect(result.phone).toEqual([{ name: 'Casey Testfield', relationship: 'mother', phone: '01632 960999', interpreterNeeded: false }]);
    expect(result.meeting.phoneInstead).toBe(true);
  });

  it('shows "link pending" for an organiser without Teams, and keeps the link once it comes', async () => {
    const world = await buildWorld('2026-09-14T09:00:00Z');
    world.memory.calendar.withoutTeams.add(people.worker);
    const { result } = await booked(world);
    expect(result.meeting.joinUrl).toBeUndefined();
    expect((await withJoinLink(world.deps, result.meeting)).joinUrl).toBeUndefined();
    const event = world.memory.calendar.events[0];
    if (!event) throw new Error('no event');
    event.joinUrl = 'https://teams.example/l/meetup-join/late';
    const read = await withJoinLink(world.deps, result.meeting);
    expect(read.joinUrl).toBe('https://teams.example/l/meetup-join/late');
    expect((await world.deps.stores.meetings.get(result.meeting.id))?.joinUrl).toBe('https://teams.example/l/meetup-join/late');
  });

  it('a worker may not book on a case that is not theirs', async () => {
    const world = await buildWorld('2026-09-14T09:00:00Z');
    const opened = await allocatedCase(world);
    const other = await world.staff(people.otherWorker);
    expect(errorOf(await bookMeeting(world.deps, other, { caseId: opened.case.id, kind: 'school-meeting', requestKey: key('book'), start: '2026-09-16T09:00:00Z' }))).toMatchObject({ code: 'NotYourCase' });
  });
});

describe('Automatic where the process is clear (issue 13)', () => {
  it('allocation offers the worker three times for the initial school meeting', async () => {
    const world = await buildWorld('2026-09-14T09:00:00Z');
    const opened = await allocatedCase(world);
    const notice = world.memory.notifier.sent.find((n) => n.kind === 'case-allocated');
    expect(notice?.offer).toEqual({
      kind: 'school-meeting',
      childId: opened.case.childId,
      slots: [
        { start: '2026-09-15T07:45:00.000Z', end: '2026-09-15T08:45:00.000Z' },
        { start: '2026-09-16T07:45:00.000Z', end: '2026-09-16T08:45:00.000Z' },
        { start: '2026-09-17T07:45:00.000Z', end: '2026-09-17T08:45:00.000Z' },
      ],
    });
    expect(notice?.summary).toContain('Pick a time for the initial school meeting');
    expect(world.memory.calendar.events).toEqual([]);
  });

  it('with BOOKING_MODE=auto, allocation books the first free time outright', async () => {
    const world = await buildWorld('2026-09-14T09:00:00Z');
    world.deps.config.booking = { ...world.deps.config.booking, mode: 'auto' };
    const opened = await allocatedCase(world);
    const notice = world.memory.notifier.sent.find((n) => n.kind === 'case-allocated');
    expect(world.memory.calendar.events).toHaveLength(1);
    expect(world.memory.calendar.events[0]).toMatchObject({ organiserId: people.worker, start: new Date('2026-09-15T07:45:00.000Z') });
    const [meeting] = await world.deps.stores.meetings.find({ caseId: opened.case.id });
    expect(notice).toMatchObject({ meetingId: meeting?.id, summary: expect.stringContaining('booked in your calendar for Tue 15 Sep 2026, 08:45') });
  });

  it('approving the contract books the review on the agreed date, once, and tells the worker', async () => {
    const world = await buildWorld('2026-09-14T09:00:00Z');
    const steps = caseSteps(world);
    const opened = await steps.refer();
    await steps.toContractStep(opened.case.id);
    const drafted = await steps.contract(opened.case.id, { reviewDate: '2026-11-05' });
    await steps.approve(drafted.contract.id);
    const reviews = (await world.deps.stores.meetings.find({ caseId: opened.case.id })).filter((m) => m.kind === 'review');
    expect(reviews).toHaveLength(1);
    expect(readableDateTime(reviews[0]?.start ?? '')).toBe('Thu 5 Nov 2026, 08:45');
    const notice = world.memory.notifier.sent.find((n) => n.kind === 'contract-decided');
    expect(notice).toMatchObject({ meetingId: reviews[0]?.id, summary: expect.stringContaining('The review is booked in your calendar for Thu 5 Nov 2026, 08:45') });
  });
});

describe('The record of a meeting held (issue 13)', () => {
  it('marks the meeting booked for that day as held', async () => {
    const world = await buildWorld('2026-09-14T09:00:00Z');
    const opened = await allocatedCase(world);
    await caseSteps(world).informationReturned(opened.case.id);
    await caseSteps(world).observe(opened.case.id);
    const worker = await world.staff(people.worker);
    const booked = value(await bookMeeting(world.deps, worker, { caseId: opened.case.id, kind: 'school-meeting', requestKey: key('book'), start: '2026-09-23T09:00:00Z' }));
    await caseSteps(world).schoolMeeting(opened.case.id);
    expect((await world.deps.stores.meetings.get(booked.meeting.id))?.status).toBe('held');
  });
});

describe('A case that closes keeps no meeting ahead (issue 13)', () => {
  it('closing early cancels the meetings booked from tomorrow on, telling those invited', async () => {
    const world = await buildWorld('2026-09-14T09:00:00Z');
    const opened = await allocatedCase(world);
    const worker = await world.staff(people.worker);
    const booked = value(await bookMeeting(world.deps, worker, { caseId: opened.case.id, kind: 'school-meeting', requestKey: key('book'), start: '2026-09-16T09:00:00Z' }));
    value(await closeEarly(world.deps, await world.staff(people.manager), { caseId: opened.case.id, reason: 'consent-withdrawn' }));
    expect(world.memory.calendar.events[0]?.cancelled).toEqual({ comment: 'The outreach case has closed.' });
    expect((await world.deps.stores.meetings.get(booked.meeting.id))?.status).toBe('cancelled');
    expect((await world.deps.audit.forCase(opened.case.id)).map((e) => e.action)).toContain('meeting.cancelled');
  });

  it('the review that ends the support is marked held; a meeting booked after it is cancelled with the closing', async () => {
    const world = await buildWorld('2026-09-14T09:00:00Z');
    const steps = caseSteps(world);
    const opened = await steps.refer();
    await steps.toContractStep(opened.case.id);
    const drafted = await steps.contract(opened.case.id, { reviewDate: '2026-11-19' });
    await steps.approve(drafted.contract.id);
    await steps.support(opened.case.id);
    const worker = await world.staff(people.worker);
    const later = value(await bookMeeting(world.deps, worker, { caseId: opened.case.id, kind: 'contract-meeting', requestKey: key('book'), start: '2026-11-24T10:00:00Z' }));
    const reviewed = value(await onTheDay(world, '2026-11-19', () => recordReview(world.deps, worker, { caseId: opened.case.id, requestKey: key('review'), heldOn: '2026-11-19', outcome: 'end', summary: 'Done', destination: 'mainstream' })));
    expect(reviewed.case.status).toBe('closed');
    const meetings = await world.deps.stores.meetings.find({ caseId: opened.case.id });
    expect(meetings.map((m) => [m.kind, m.status]).sort()).toEqual([['contract-meeting', 'cancelled'], ['review', 'held']]);
    expect(world.memory.calendar.events.find((e) => e.eventId === later.meeting.eventId)?.cancelled).toEqual({ comment: 'The outreach support has ended.' });
  });
});

describe('Reallocation hands the meetings ahead to the new worker (issue 13)', () => {
  it("books them in the new worker's calendar at the same time, cancels them in the previous one's, and says so in the notice", async () => {
    const world = await buildWorld('2026-09-14T09:00:00Z');
    const opened = await allocatedCase(world);
    const worker = await world.staff(people.worker);
    const booked = value(await bookMeeting(world.deps, worker, { caseId: opened.case.id, kind: 'school-meeting', requestKey: key('book'), start: '2026-09-16T09:00:00Z' }));
    const manager = await world.staff(people.manager);
    value(await reallocateCase(world.deps, manager, { caseId: opened.case.id, requestKey: key('realloc'), workerId: people.otherWorker, reason: 'Absence' }));
    const [old, moved] = world.memory.calendar.events;
    expect(old).toMatchObject({ organiserId: people.worker, cancelled: { comment: expect.stringContaining("calendar: a new invitation follows") } });
    expect(moved).toMatchObject({ organiserId: people.otherWorker, start: new Date('2026-09-16T09:00:00Z'), attendees: [{ email: 'senco@alderbrookprim.sch.example.org', name: 'Sam Wren' }] });
    expect(moved?.cancelled).toBeUndefined();
    expect(await world.deps.stores.meetings.get(booked.meeting.id)).toMatchObject({ organiserId: people.otherWorker, eventId: moved?.eventId, joinUrl: moved?.joinUrl, status: 'booked' });
    const notice = world.memory.notifier.sent.find((n) => n.kind === 'case-reallocated');
    expect(notice?.summary).toContain('The meeting booked ahead is now in your calendar: initial school meeting on Wed 16 Sep 2026, 10:00.');
  });
});
