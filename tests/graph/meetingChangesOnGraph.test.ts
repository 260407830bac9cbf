import { readFileSync } from 'node:fs';
import { Agent } from 'undici';
import { randomIds } from '../../app/randomIds';
import { bookMeeting, jobHandlers, runDueJobs } from '../../workflow';
import { caseSteps } from '../support/caseSteps';
import { buildWorld, key, people, value, type World } from '../support/world';
import { startEmbeddedGraph, type EmbeddedGraph } from './embeddedGraph';
import { loggedRequests } from './requestLog';

jest.setTimeout(120_000);

/**
 * Issue 14: meetings moved or cancelled in Outlook, found by the poll through the Graph adapter
 * (calendarView with Prefer UTC and $select) on the embedded Graph; the organiser's changes are
 * made with the emulator's control, as they would be in Outlook itself.
 */
let graph: EmbeddedGraph;
let dispatcher: Agent;
let w: World;
beforeAll(async () => {
  graph = await startEmbeddedGraph();
  dispatcher = new Agent({ connect: { ca: readFileSync(graph.info.caCertPath, 'utf8') } });
  w = await buildWorld('2026-09-14T09:00:00Z', { ...graph.ports, ids: randomIds });
});
afterAll(async () => {
  await graph.stop();
  await dispatcher.close();
});

/** The emulator's control (not Graph): the organiser changes the event in Outlook. */
async function inOutlook(organiserId: string, eventId: string, change: { start: string; end: string } | { cancel: string }): Promise<void> {
  const response = await fetch(`${graph.info.adminUrl}/calendar/${organiserId}/events/${encodeURIComponent(eventId)}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${graph.info.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(change),
    dispatcher,
  } as unknown as RequestInit);
  expect(response.status).toBe(200);
}

const tick = () => runDueJobs(w.deps, w.deps.jobs, jobHandlers, 'instance-a');

describe('meetings changed in Outlook, on the embedded Graph', () => {
  it('one calendarView per organiser finds a meeting moved and another cancelled; the records follow and the worker is told once each', async () => {
    const opened = await caseSteps(w).refer();
    await caseSteps(w).allocate(opened.case.id);
    const worker = await w.staff(people.worker);
    const school = value(await bookMeeting(w.deps, worker, { caseId: opened.case.id, kind: 'school-meeting', requestKey: key('book'), start: '2026-09-16T09:00:00Z' })).meeting;
    const contract = value(await bookMeeting(w.deps, worker, { caseId: opened.case.id, kind: 'contract-meeting', requestKey: key('book'), start: '2026-09-18T09:00:00Z' })).meeting;
    if (!school.eventId || !contract.eventId) throw new Error('no events');

    await inOutlook(people.worker, school.eventId, { start: '2026-09-17T13:00:00Z', end: '2026-09-17T14:00:00Z' });
    await inOutlook(people.worker, contract.eventId, { cancel: 'Sorry, I cannot make this one.' });

    await graph.resetRequests();
    w.memory.clock.set('2026-09-14T09:15:00Z');
    expect(await tick()).toMatchObject({ done: 0, later: 1 });
    const log = await graph.requests();
    const views = (log.entries ?? []).filter((e) => /\/calendarView/i.test(e.path));
    expect(views).toHaveLength(1);

    expect(await w.deps.stores.meetings.get(school.id)).toMatchObject({ status: 'moved', start: '2026-09-17T13:00:00.000Z', end: '2026-09-17T14:00:00.000Z' });
    expect(await w.deps.stores.meetings.get(contract.id)).toMatchObject({ status: 'cancelled' });
    const told = w.memory.notifier.sent.filter((n) => n.kind === 'meeting-changed-in-outlook');
    expect(told.map((n) => n.meetingId).sort()).toEqual([school.id, contract.id].sort());

    w.memory.clock.set('2026-09-14T09:30:00Z');
    await tick();
    expect(w.memory.notifier.sent.filter((n) => n.kind === 'meeting-changed-in-outlook')).toHaveLength(2);
  });

  it('organisers\' calendars are read together: one $batch of calendarView requests for all of them, then the list reads', async () => {
    w.memory.clock.set('2026-09-21T09:00:00Z');
    const mine = await caseSteps(w).refer('100002');
    await caseSteps(w).allocate(mine.case.id);
    const theirs = await caseSteps(w).refer('100003');
    await caseSteps(w).allocate(theirs.case.id, 'otherWorker');
    value(await bookMeeting(w.deps, await w.staff(people.worker), { caseId: mine.case.id, kind: 'school-meeting', requestKey: key('book'), start: '2026-09-23T09:00:00Z' }));
    value(await bookMeeting(w.deps, await w.staff(people.otherWorker), { caseId: theirs.case.id, kind: 'school-meeting', requestKey: key('book'), start: '2026-09-23T13:00:00Z' }));
    await graph.resetRequests();
    w.memory.clock.set('2026-09-21T09:15:00Z');
    await tick();
    const entries = await loggedRequests(graph);
    const views = entries.filter((e) => /\/calendarView/i.test(e.path));
    expect(views.map((e) => e.path.split('/')[2]).sort()).toEqual([people.worker, people.otherWorker].sort());
    // Both parts of one $batch (a part is logged before its envelope): one round trip for the calendars, however many organisers (up to 20 a batch).
    const envelopeAfter = (i: number) => entries.findIndex((e, j) => j > i && e.batchRequestId === undefined);
    const viewIndexes = entries.flatMap((e, i) => (/\/calendarView/i.test(e.path) ? [i] : []));
    expect(viewIndexes.every((i) => entries[i]?.batchRequestId !== undefined)).toBe(true);
    expect(new Set(viewIndexes.map(envelopeAfter)).size).toBe(1);
    expect(entries[envelopeAfter(viewIndexes[0] ?? 0)]?.path).toMatch(/^\/\$batch/);
  });

  it('the adapter reads times as instants (UTC), and an event cancelled by its organiser as gone', async () => {
    const calendar = w.deps.calendar;
    const booked = await calendar.book({
      organiserId: people.worker, subject: 'Review meeting: case OC-26-7KQ2M', body: 'Booked for case OC-26-7KQ2M.',
      start: new Date('2026-10-26T10:00:00Z'), end: new Date('2026-10-26T11:00:00Z'), attendees: [], online: true, transactionId: `graph-changes-${key()}`,
    });
    // Across the clock change (25 October): the instant is kept.
    const view = await calendar.calendarView(people.worker, new Date('2026-10-20T00:00:00Z'), new Date('2026-10-31T00:00:00Z'));
    expect(view.find((e) => e.eventId === booked.eventId)).toEqual({ eventId: booked.eventId, start: new Date('2026-10-26T10:00:00Z'), end: new Date('2026-10-26T11:00:00Z'), isCancelled: false });
    expect(await calendar.eventNow(people.worker, booked.eventId)).toMatchObject({ start: new Date('2026-10-26T10:00:00Z') });
    await calendar.cancel(people.worker, booked.eventId, 'Not needed.');
    expect(await calendar.eventNow(people.worker, booked.eventId)).toBeNull();
    expect((await calendar.calendarView(people.worker, new Date('2026-10-20T00:00:00Z'), new Date('2026-10-31T00:00:00Z'))).map((e) => e.eventId)).not.toContain(booked.eventId);
  });
});
