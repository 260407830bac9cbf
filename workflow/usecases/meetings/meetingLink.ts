import { VersionConflict } from '../../errors';
import { linkPending, type Meeting } from '../../model/meeting';
import type { Versioned } from '../../ports/store';
import type { WorkflowDeps } from '../deps';

/**
 * A meeting's Teams link, read again from its event when it came back empty ("Teams link pending"):
 * kept in the Meetings list once it is there. Anything else is returned as it is.
 */
export async function withJoinLink(deps: WorkflowDeps, meeting: Versioned<Meeting>): Promise<Versioned<Meeting>> {
  if (!linkPending(meeting) || !meeting.eventId) return meeting;
  const joinUrl = await deps.calendar.joinUrl(meeting.organiserId, meeting.eventId);
  if (!joinUrl) return meeting;
  try {
    return await deps.stores.meetings.update(meeting.id, { joinUrl }, meeting.etag);
  } catch (error) {
    // Someone changed the meeting meanwhile: show the link now; the next read keeps it.
    if (error instanceof VersionConflict) return { ...meeting, joinUrl };
    throw error;
  }
}
