import { londonDate } from '../../calendar/londonTime';
import { readableDateTime } from '../../calendar/showDates';
import { VersionConflict } from '../../errors';
import { standing, type Meeting } from '../../model/meeting';
import type { CalendarEvent } from '../../ports/services';
import type { Versioned } from '../../ports/store';
import type { WorkflowDeps } from '../../usecases/deps';
import { meetingLabels } from '../../usecases/meetings/meetingWords';
import type { JobHandler } from '../runDueJobs';
import { driftOf, type Drift } from './eventDrift';
import { reminderJob } from './reminderJob';
import { watchJob } from './watchJob';

/**
 * Meetings moved or cancelled in Outlook by their organiser (not through the product): the
 * standing meetings ahead are read from the Meetings list (its Status column, two queries), and
 * each organiser's calendar once over the span of their meetings (calendarView). An event missing
 * from that view is read on its own: gone means cancelled, elsewhere means moved out of the span.
 * Each change is told to the worker (once per key) before the record is updated, so a crash in
 * between is picked up by the next poll and tells nobody twice.
 */
export const pollMeetingChanges: JobHandler = async (deps, job) => {
  const now = deps.clock.now();
  if ((job.payload.day ?? '') < londonDate(now)) {
    // A day's poll run late (the app was down): today's takes over at once, so the calendars are read once, not once per day missed.
    const today = watchJob(now, now);
    await deps.jobs.enqueue(today.job, today.key);
    return { done: true };
  }
  const [booked, moved] = await Promise.all([deps.stores.meetings.find({ status: 'booked' }), deps.stores.meetings.find({ status: 'moved' })]);
  const ahead = [...booked, ...moved].filter((m) => standing(m) && m.eventId && new Date(m.end) > now);
  const byOrganiser = new Map<string, Versioned<Meeting>[]>();
  for (const m of ahead) byOrganiser.set(m.organiserId, [...(byOrganiser.get(m.organiserId) ?? []), m]);
  // One organiser's calendar failing to answer does not hold the others back; the run is then tried again.
  const checked = await Promise.allSettled([...byOrganiser].map(([organiserId, meetings]) => checkOrganiser(deps, organiserId, meetings)));
  const failed = checked.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
  const next = watchJob(now);
  if (next.job.payload.day === job.payload.day) return { retryAt: new Date(next.job.dueAt) };
  // The day is over: tomorrow's poll takes over while meetings lie ahead (a booking starts it again otherwise).
  if (ahead.length > 0) await deps.jobs.enqueue(next.job, next.key);
  return { done: true };
};

async function checkOrganiser(deps: WorkflowDeps, organiserId: string, meetings: readonly Versioned<Meeting>[]): Promise<void> {
  const from = new Date(Math.min(...meetings.map((m) => new Date(m.start).getTime())));
  const to = new Date(Math.max(...meetings.map((m) => new Date(m.end).getTime())));
  let view: CalendarEvent[];
  try {
    view = await deps.calendar.calendarView(organiserId, from, to);
  } catch (error) {
    // A mailbox that no longer exists (someone who left): nothing to compare with, and no reason to stop the poll for everyone.
    if ((error as { statusCode?: unknown }).statusCode === 404) return;
    throw error;
  }
  const events = new Map(view.map((e) => [e.eventId, e]));
  for (const meeting of meetings) {
    const eventId = meeting.eventId ?? '';
    const event: CalendarEvent | null = events.get(eventId) ?? (await deps.calendar.eventNow(organiserId, eventId));
    const drift = driftOf(meeting, event);
    if (drift) await applyDrift(deps, meeting, drift);
  }
}

async function applyDrift(deps: WorkflowDeps, meeting: Versioned<Meeting>, drift: NonNullable<Drift>): Promise<void> {
  const c = await deps.stores.cases.get(meeting.caseId);
  if (!c) return;
  const what = `${meetingLabels[meeting.kind]} of ${readableDateTime(meeting.start)}`;
  const at = deps.clock.now().toISOString();
  const change = drift.kind === 'moved' ? drift.start.toISOString() : 'cancelled';
  await deps.notifier.notify({
    kind: 'meeting-changed-in-outlook',
    recipientId: meeting.organiserId,
    caseId: c.id,
    caseReference: c.reference,
    summary: drift.kind === 'moved'
      ? `${what} for case ${c.reference} was moved in Outlook to ${readableDateTime(drift.start.toISOString())} (London time). The case now shows the new time.`
      : `${what} for case ${c.reference} was cancelled in Outlook. The case now shows it cancelled: book another if it is still needed.`,
    key: `meeting-changed-in-outlook:${meeting.id}:${change}`,
    meetingId: meeting.id,
  });
  // The reminder for the new time before the record changes: once the record matches Outlook, no poll comes back to it.
  if (drift.kind === 'moved') {
    const reminder = reminderJob(meeting.transactionId, drift.start.toISOString(), deps.config.bankHolidays, deps.clock.now());
    if (reminder) await deps.jobs.enqueue(reminder.job, reminder.key);
  }
  const patch: Partial<Omit<Meeting, 'id'>> = drift.kind === 'moved'
    ? { start: drift.start.toISOString(), end: drift.end.toISOString(), status: 'moved', updatedBy: meeting.organiserId, updatedAt: at }
    : { status: 'cancelled', cancelledReason: 'Cancelled in Outlook.', updatedBy: meeting.organiserId, updatedAt: at };
  try {
    await deps.stores.meetings.update(meeting.id, patch, meeting.etag);
  } catch (error) {
    // Changed through the product meanwhile: the next poll compares again.
    if (error instanceof VersionConflict) return;
    throw error;
  }
  const detail: Record<string, string> = drift.kind === 'moved' ? { kind: meeting.kind, to: londonDate(drift.start), via: 'outlook' } : { kind: meeting.kind, via: 'outlook' };
  await deps.audit.append({ at, actorId: meeting.organiserId, action: `meeting.${drift.kind}`, caseId: meeting.caseId, detail }, `meeting.${drift.kind}:${meeting.id}:outlook:${change}`);
}
