import { randomIds } from '../../app/randomIds';
import { bookMeeting, cancelMeeting, moveMeeting, proposeMeeting, withJoinLink, type Result } from '../../workflow';
import { caseSteps, childDetails } from '../support/caseSteps';
import { buildWorld, key, people, value, type World } from '../support/world';
import { startEmbeddedGraph, type EmbeddedGraph } from './embeddedGraph';
import { loggedRequests, roundTripsIn } from './requestLog';

jest.setTimeout(180_000);

/**
 * Issue 13 on the embedded Graph: meetings proposed, booked, moved and cancelled, with their
 * round trips counted (reference cache warm), and the events as Outlook holds them.
 */
let graph: EmbeddedGraph;
let w: World;
beforeAll(async () => {
  graph = await startEmbeddedGraph({ referenceCache: { refreshMs: 3_600_000, now: () => Date.now() } });
  w = await buildWorld('2026-09-14T09:00:00Z', { ...graph.ports, ids: randomIds });
  await caseSteps(w).refer('100001', { child: childDetails((await w.schoolByUrn('100001')).id, { lastName: 'Warmup' }) });
});
afterAll(async () => {
  await graph.stop();
});

let children = 0;
async function allocatedCase(): Promise<string> {
  const school = await w.schoolByUrn('100001');
  const opened = await caseSteps(w).refer('100001', { child: childDetails(school.id, { lastName: `Meeting${String.fromCharCode(97 + children++)}` }) });
  await caseSteps(w).allocate(opened.case.id);
  return opened.case.id;
}

async function trips<T>(action: () => Promise<Result<T>>): Promise<{ value: T; roundTrips: string[] }> {
  await graph.resetRequests();
  const result = value(await action());
  const entries = roundTripsIn(await loggedRequests(graph));
  return { value: result, roundTrips: entries.map((e) => `${e.method} ${e.path.replace(/^\/v1\.0/, '').replace(/\/sites\/.*$/, ' list')}`) };
}

describe('meetings on the embedded Graph (issue 13)', () => {
  it('proposing: two round trips (the case; then the free/busy with the read audit)', async () => {
    const caseId = await allocatedCase();
    const worker = await w.staff(people.worker);
    const { value: proposal, roundTrips } = await trips(() => proposeMeeting(w.deps, worker, { caseId, kind: 'school-meeting' }));
    expect(proposal.slots).toHaveLength(3);
    expect(roundTrips).toHaveLength(2);
  });

  it('booking: three round trips (the case with its meetings; the event; its record with the audit line), and one event however often it is repeated', async () => {
    const caseId = await allocatedCase();
    const worker = await w.staff(people.worker);
    const proposal = value(await proposeMeeting(w.deps, worker, { caseId, kind: 'school-meeting' }));
    const slot = proposal.slots[0];
    if (!slot) throw new Error('no slot');
    const input = { caseId, kind: 'school-meeting', requestKey: key('book'), start: slot.start.toISOString(), childId: proposal.childId };
    const { value: booked, roundTrips } = await trips(() => bookMeeting(w.deps, worker, input));
    expect(roundTrips).toHaveLength(3);
    expect(roundTrips[1]).toBe(`POST /users/${people.worker}/events`);
    expect(booked.meeting.joinUrl).toMatch(/^https:\/\/teams\.microsoft\.com\/l\/meetup-join\//);
    const again = value(await bookMeeting(w.deps, worker, input));
    expect(again).toMatchObject({ repeated: true, meeting: { id: booked.meeting.id } });
    const events = (await w.deps.calendar.busyTimes([worker.email], slot.start, slot.end)).get(worker.email) ?? [];
    expect(events.filter((e) => e.start.getTime() === slot.start.getTime())).toHaveLength(1);
  });

  it('moving and cancelling: two round trips each (the meeting with the case; the event and the record in one $batch)', async () => {
    const caseId = await allocatedCase();
    const worker = await w.staff(people.worker);
    const proposal = value(await proposeMeeting(w.deps, worker, { caseId, kind: 'school-meeting' }));
    const [first, second] = proposal.slots;
    if (!first || !second) throw new Error('no slots');
    const booked = value(await bookMeeting(w.deps, worker, { caseId, kind: 'school-meeting', requestKey: key('book'), start: first.start.toISOString() }));
    const moved = await trips(() => moveMeeting(w.deps, worker, { caseId, meetingId: booked.meeting.id, requestKey: key('move'), start: second.start.toISOString() }));
    expect(moved.roundTrips).toHaveLength(2);
    expect(moved.value.meeting).toMatchObject({ status: 'moved', eventId: booked.meeting.eventId });
    const busy = (await w.deps.calendar.busyTimes([worker.email], first.start, new Date(second.end.getTime() + 1))).get(worker.email) ?? [];
    expect(busy.some((b) => b.start.getTime() === second.start.getTime())).toBe(true);
    expect(busy.some((b) => b.start.getTime() === first.start.getTime())).toBe(false);
    const cancelled = await trips(() => cancelMeeting(w.deps, worker, { caseId, meetingId: booked.meeting.id, requestKey: key('cancel'), reason: 'The school is closed for a training day.' }));
    expect(cancelled.roundTrips).toHaveLength(2);
    expect(cancelled.value.meeting.status).toBe('cancelled');
    const after = (await w.deps.calendar.busyTimes([worker.email], first.start, new Date(second.end.getTime() + 1))).get(worker.email) ?? [];
    expect(after.some((b) => b.start.getTime() === second.start.getTime())).toBe(false);
  });

  it('a join link already there is not read again: no request', async () => {
    const caseId = await allocatedCase();
    const worker = await w.staff(people.worker);
    const proposal = value(await proposeMeeting(w.deps, worker, { caseId, kind: 'contract-meeting' }));
    const slot = proposal.slots[0];
    if (!slot) throw new Error('no slot');
    const booked = value(await bookMeeting(w.deps, worker, { caseId, kind: 'contract-meeting', requestKey: key('book'), start: slot.start.toISOString() }));
    await graph.resetRequests();
    expect((await withJoinLink(w.deps, booked.meeting)).joinUrl).toBe(booked.meeting.joinUrl);
    expect(roundTripsIn(await loggedRequests(graph))).toHaveLength(0);
  });
});
