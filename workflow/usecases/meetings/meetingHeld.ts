import { londonDate } from '../../calendar/londonTime';
import { standing, type Meeting, type MeetingKind } from '../../model/meeting';
import type { Staff } from '../../model/staff';
import type { Versioned } from '../../ports/store';
import type { WorkflowDeps } from '../deps';
import type { UnitOfWork } from '../support/unitOfWork';
import { updateOnce } from '../support/updateOnce';
import { now } from '../support/time';

/**
 * The record of a meeting held marks the booked meeting it was (same kind, same day) as held, in
 * the record's unit of work. `meetingsRead` is the case's meetings, asked for beside the case's
 * reads; a meeting never booked through the product leaves nothing to mark.
 */
export function markHeld(deps: WorkflowDeps, actor: Staff, caseId: string, kind: MeetingKind | undefined, heldOn: string, read?: Promise<Versioned<Meeting>[]>) {
  const meetingsRead: Promise<Versioned<Meeting>[]> = read ?? (kind ? deps.stores.meetings.find({ caseId }) : Promise.resolve([]));
  // Read beside the record's own reads; when the record is refused before its writes, nobody waits for it.
  meetingsRead.catch(() => undefined);
  return (work: UnitOfWork): void => {
    if (!kind) return;
    work.add('meeting-held', async () => {
      const held = (await meetingsRead).find((m) => m.kind === kind && standing(m) && londonDate(new Date(m.start)) === heldOn);
      if (held) await updateOnce(deps.stores.meetings, held.id, { status: 'held', updatedBy: actor.userId, updatedAt: now(deps).at }, held.etag);
    }, ['record']);
  };
}
