import { londonDate } from '../../calendar/londonTime';
import { readableDateTime } from '../../calendar/showDates';
import type { Case } from '../../model/case';
import { standing, type Meeting } from '../../model/meeting';
import type { Staff } from '../../model/staff';
import type { Versioned } from '../../ports/store';
import type { WorkflowDeps } from '../deps';
import { audit } from '../support/audit';
import { now } from '../support/time';
import { UnitOfWork } from '../support/unitOfWork';
import { updateOnce } from '../support/updateOnce';
import { meetingLabels, meetingSubject, meetingBody } from './meetingWords';

/**
 * Rule "Pause and reallocation": the meetings booked ahead follow the case to its new worker. Each
 * is booked in the new worker's calendar at the same time, with the same people invited (one
 * $batch), then cancelled in the previous worker's, which tells those invited, and the Meetings
 * record names the new event (a second $batch). Answers the sentence for the new worker's notice.
 */
export async function meetingsToNewWorker(deps: WorkflowDeps, actor: Staff, c: Pick<Case, 'id' | 'reference'>, worker: Staff, meetings: readonly Versioned<Meeting>[]): Promise<string> {
  const today = now(deps).today;
  const ahead = meetings.filter((m) => standing(m) && m.organiserId !== worker.userId && londonDate(new Date(m.start)) > today);
  if (ahead.length === 0) return '';
  const booking = new UnitOfWork(deps.batching, `${c.id}:meetings-to:${worker.userId}`);
  const events = ahead.map((m) => ({
    meeting: m,
    event: booking.add(`book:${m.id}`, () =>
      deps.calendar.book({
        organiserId: worker.userId,
        subject: meetingSubject(m.kind, c.reference),
        body: meetingBody(deps.config.serviceName, c.reference, worker.displayName),
        start: new Date(m.start),
        end: new Date(m.end),
        attendees: m.attendees.map((a) => ({ email: a.email, ...(a.name ? { name: a.name } : {}) })),
        online: m.online,
        ...(m.location ? { location: m.location } : {}),
        // The same meeting moving to this worker: a repeat of the reallocation makes no second event.
        transactionId: `${m.transactionId}>${worker.userId}`,
      }),
    ),
  }));
  await booking.flush();
  const { at } = now(deps);
  const handing = new UnitOfWork(deps.batching, `${c.id}:meetings-from`);
  for (const { meeting: m, event } of events) {
    const moved = event();
    const previous = m.eventId;
    if (previous) handing.add(`cancel:${m.id}`, () => deps.calendar.cancel(m.organiserId, previous, `This meeting is now in ${worker.displayName}'s calendar: a new invitation follows.`));
    handing.add(`record:${m.id}`, () =>
      updateOnce(deps.stores.meetings, m.id, { organiserId: worker.userId, eventId: moved.eventId, ...(moved.joinUrl ? { joinUrl: moved.joinUrl } : { joinUrl: undefined }), updatedBy: actor.userId, updatedAt: at }, m.etag),
    );
    handing.add(`audit:${m.id}`, () => audit(deps, actor, 'meeting.handed-over', m.caseId, `${m.id}:${worker.userId}`, { kind: m.kind, to: worker.userId }), [`record:${m.id}`]);
  }
  await handing.flush();
  const list = ahead.map((m) => `${meetingLabels[m.kind].toLowerCase()} on ${readableDateTime(m.start)}`).join('; ');
  return ` ${ahead.length === 1 ? 'The meeting' : 'The meetings'} booked ahead ${ahead.length === 1 ? 'is' : 'are'} now in your calendar: ${list}.`;
}
