import { readableDateTime } from '../../calendar/showDates';
import { standing } from '../../model/meeting';
import { withJoinLink } from '../../usecases/meetings/meetingLink';
import { meetingLabels } from '../../usecases/meetings/meetingWords';
import type { JobHandler } from '../runDueJobs';

/**
 * The working day before a meeting: its organiser gets a card with the time, what it is, and the
 * Teams link (read again if it was still missing). A meeting moved since (the job's time is not
 * the meeting's any more), cancelled or held gets nothing: a moved one has its own reminder.
 */
export const remindOfMeeting: JobHandler = async (deps, job) => {
  const meeting = await deps.stores.meetings.findByKey(job.payload.meetingKey ?? '');
  if (!meeting || !standing(meeting) || new Date(meeting.start).toISOString() !== job.payload.start) return { done: true };
  if (new Date(meeting.start) <= deps.clock.now()) return { done: true };
  const [read, c] = await Promise.all([withJoinLink(deps, meeting), deps.stores.cases.get(meeting.caseId)]);
  if (!c) return { done: true };
  const what = meetingLabels[read.kind];
  const link = read.online ? (read.joinUrl ? ` Join on Teams: ${read.joinUrl}` : ' It still has no Teams link: send one yourself if it does not come.') : '';
  const where = read.location ? ` at ${read.location}` : '';
  await deps.notifier.notify({
    kind: 'meeting-reminder',
    recipientId: read.organiserId,
    caseId: c.id,
    caseReference: c.reference,
    summary: `Reminder for case ${c.reference}: ${what}${where}, ${readableDateTime(read.start)} (London time).${link}`,
    key: `meeting-reminder:${read.id}:${job.payload.start ?? ''}`,
    meetingId: read.id,
  });
  return { done: true };
};
