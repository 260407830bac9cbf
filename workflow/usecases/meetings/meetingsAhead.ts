import { londonDate } from '../../calendar/londonTime';
import { standing, type Meeting } from '../../model/meeting';
import type { Staff } from '../../model/staff';
import type { Versioned } from '../../ports/store';
import type { WorkflowDeps } from '../deps';
import { audit } from '../support/audit';
import { now } from '../support/time';
import type { UnitOfWork } from '../support/unitOfWork';
import { updateOnce } from '../support/updateOnce';

/**
 * A case that closes keeps no meeting ahead: each booked meeting from tomorrow on is cancelled in
 * Outlook (everyone invited told why) and marked cancelled, in the closing's unit of work, after
 * the writes named in `after` (the closure itself).
 */
export function cancelMeetingsAhead(
  deps: WorkflowDeps,
  actor: Staff,
  work: UnitOfWork,
  meetings: readonly Versioned<Meeting>[],
  after: readonly string[],
  reason: string,
): void {
  const today = now(deps).today;
  // From tomorrow: a meeting today may be the one just held (and marked so in this same action).
  for (const meeting of meetings.filter((m) => standing(m) && londonDate(new Date(m.start)) > today)) {
    const eventId = meeting.eventId;
    const name = `meeting:${meeting.id}`;
    if (eventId) work.add(`${name}:event`, () => deps.calendar.cancel(meeting.organiserId, eventId, reason), after);
    work.add(name, () => updateOnce(deps.stores.meetings, meeting.id, { status: 'cancelled', cancelledReason: reason, updatedBy: actor.userId, updatedAt: now(deps).at }, meeting.etag), eventId ? [`${name}:event`] : after);
    work.add(`${name}:audit`, () => audit(deps, actor, 'meeting.cancelled', meeting.caseId, `${meeting.id}:cancel`, { kind: meeting.kind, why: 'case-closed' }), [name]);
  }
}
