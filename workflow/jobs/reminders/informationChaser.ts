import { londonDate, readableDate } from '../../calendar';
import type { Case } from '../../model/case';
import type { Job } from '../../model/job';
import type { WorkflowDeps } from '../../usecases/deps';
import { calendarForSchool } from '../../usecases/support/calendarFor';
import { notifyAll, staffWithRole } from '../../usecases/support/notify';
import { escapeHtml } from '../../usecases/steps/requestInformation';
import type { JobOutcome } from '../runDueJobs';
import { schoolDaysAfter, todayIn, tomorrow, waitUntil } from './reminderJobs';

/** School days after the information request before the school is chased, and chased again (then the managers hear too). */
export const CHASE_AFTER_SCHOOL_DAYS = [5, 10] as const;

/**
 * The information form chaser: the information request went and the form is not back. On the
 * 5th school day after the request (by the school's own calendar) the school is mailed a
 * reminder and the admins get a card; on the 10th, again, and the managers too. Each mail and
 * card goes once per key; after downtime only the latest chase goes.
 */
export async function informationChaser(deps: WorkflowDeps, job: Job): Promise<JobOutcome> {
  const c = await deps.stores.cases.get(job.payload.caseId ?? '');
  const requested = c?.milestones.informationRequested;
  if (!c || c.status === 'closed' || !requested || c.milestones.informationReturned) return { done: true };
  if (c.status === 'paused') return tomorrow(deps);
  const school = await deps.stores.schools.get(c.schoolId);
  if (!school) return { done: true };
  const calendar = calendarForSchool(deps, school);
  if (!calendar.ok) return { done: true };
  const requestedOn = londonDate(new Date(requested.at));
  const [first, second] = CHASE_AFTER_SCHOOL_DAYS.map((n) => schoolDaysAfter(calendar.value, requestedOn, n));
  if (!first || !second) return { done: true };
  const today = todayIn(deps);
  if (today < first) return waitUntil(deps, first);
  const chase = today >= second ? 2 : 1;
  const days = CHASE_AFTER_SCHOOL_DAYS[chase - 1];
  const mailKey = `${c.id}:information-chaser:${chase}`;
  const missing = stillMissing(c);
  await deps.mailer.send(
    {
      to: [school.senco.email],
      subject: `${deps.config.serviceName}: referral ${c.reference}: information form reminder`,
      html:
        `<p>Dear ${escapeHtml(school.senco.name)},</p>` +
        `<p>${chase === 2 ? 'A second reminder: we' : 'We'} asked on ${readableDate(requestedOn)} for the School Initial Information Gathering form and the pupil's PDP for referral ${c.reference}, and have not received ${missing.mail} yet. ` +
        `Please complete and return ${missing.one ? 'it' : 'them'} so that the outreach work can begin.</p>` +
        `<p>${escapeHtml(deps.config.serviceName)}</p>`,
    },
    mailKey,
  );
  const recipients = await staffWithRole(deps, chase === 2 ? ['admin', 'manager'] : ['admin']);
  const summary =
    `The school has not returned ${missing.notice} for case ${c.reference}, asked for on ${readableDate(requestedOn)} (${days} school days ago). ` +
    `A ${chase === 2 ? 'second ' : ''}reminder has gone to the school by e-mail. Call the school if it does not come soon, and record the form when it does.`;
  await notifyAll(deps, 'information-form-late', c, summary, recipients, `${c.id}:${chase}`);
  return chase === 1 ? waitUntil(deps, second) : { done: true };
}

/** What the school still owes: one of the two when the other came back (filed as it arrived), else both. */
function stillMissing(c: Case): { mail: string; notice: string; one: boolean } {
  const back = c.milestones.informationPartlyReturned;
  if (back?.form && !back.pdp) return { mail: "the pupil's PDP", notice: 'the PDP (the information form is back)', one: true };
  if (back?.pdp && !back.form) return { mail: 'the information form', notice: 'the information form (the PDP is back)', one: true };
  return { mail: 'them', notice: 'the information form and PDP', one: false };
}
