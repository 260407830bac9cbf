import { linkPending } from '../model/meeting';
import type { Job } from '../model/job';
import { withJoinLink } from '../usecases/meetings/meetingLink';
import { LINK_REREAD_MINUTES, meetingLabels } from '../usecases/meetings/meetingWords';
import { readableDateTime } from '../calendar/showDates';
import type { WorkflowDeps } from '../usecases/deps';
import type { JobHandlers, JobOutcome } from './runDueJobs';
import { checkOutAlerts } from './reminders/checkOutAlerts';
import { dailyPlan } from './reminders/dailyPlan';
import { informationChaser } from './reminders/informationChaser';
import { reviewDue } from './reminders/reviewDue';
import { supportEnding } from './reminders/supportEnding';
import { remindOfMeeting } from './meetings/meetingReminder';
import { pollMeetingChanges } from './meetings/meetingChanges';
import { requestTermEvaluation } from './termEnd/termEvaluation';

/** For how long a missing Teams link is read again before the worker is told. */
export const LINK_GIVE_UP_MINUTES = 120;

const later = (deps: WorkflowDeps, minutes: number): JobOutcome => ({ retryAt: new Date(deps.clock.now().getTime() + minutes * 60_000) });

/** The work of each kind of job. Each is safe to run again: what it sends goes once per key. */
export const jobHandlers: JobHandlers = {
  /** 30 minutes after a visit's planned end: the managers alerted if there is still no check-out, then every 15 minutes until one acknowledges. */
  'check-out-missed': checkOutAlerts,

  /** A meeting booked without a Teams link: read again every 10 minutes; after two hours the worker is told. */
  'join-link': async (deps, job) => {
    const meeting = await deps.stores.meetings.findByKey(job.payload.meetingKey ?? '');
    if (!meeting || !linkPending(meeting)) return { done: true };
    const read = await withJoinLink(deps, meeting);
    if (read.joinUrl) return { done: true };
    if (deps.clock.now().getTime() - new Date(job.createdAt).getTime() < LINK_GIVE_UP_MINUTES * 60_000) return later(deps, LINK_REREAD_MINUTES);
    await tellLinkMissing(deps, job, read.organiserId, `${meetingLabels[read.kind]} on ${readableDateTime(read.start)}`, read.caseId);
    return { done: true };
  },

  /** Reminders (issue 14): each in its own file under reminders/. */
  'information-chaser': informationChaser,
  'review-due': reviewDue,
  'support-ending': supportEnding,
  'daily-plan': dailyPlan,
  'meeting-reminder': remindOfMeeting,
  'meeting-changes': pollMeetingChanges,
  'term-evaluation': requestTermEvaluation,
};

async function tellLinkMissing(deps: WorkflowDeps, job: Job, workerId: string, what: string, caseId: string): Promise<void> {
  const c = await deps.stores.cases.get(caseId);
  if (!c) return;
  await deps.notifier.notify({
    kind: 'meeting-link-missing',
    recipientId: workerId,
    caseId,
    caseReference: c.reference,
    summary: `The ${what.charAt(0).toLowerCase()}${what.slice(1)} for case ${c.reference} still has no Teams link two hours after booking. Check that your mailbox can host Teams meetings, or send the link yourself.`,
    key: `meeting-link-missing:${job.payload.meetingKey ?? job.id}`,
  });
}
