import { z } from 'zod';
import { workflowError } from '../../errors';
import type { Case } from '../../model/case';
import type { Versioned } from '../../ports/store';
import { fail, ok, type Result } from '../../result';
import { requireRole } from '../../rules/access';
import { openCaseRule } from '../../rules/closing';
import type { UseCase } from '../deps';
import { audit } from '../support/audit';
import { changeCase, loadCase, type CaseChange } from '../support/caseAccess';
import { parseInput } from '../support/input';
import { now } from '../support/time';
import { UnitOfWork } from '../support/unitOfWork';
import { readableDateTime } from '../../calendar';
import { reminderJob, reminderKeys } from '../../jobs/reminders/reminderJobs';

export const RequestInformationInput = z.object({ caseId: z.string().min(1) });

/**
 * Step 2: the administrator e-mails the school the letter asking for the School Initial
 * Information Gathering form and the PDP (the documents themselves come with the documents work).
 */
export const requestInformation: UseCase<unknown, Versioned<Case>> = async (deps, actor, raw) => {
  const allowed = requireRole(actor, ['admin', 'manager'], 'send the information request');
  if (!allowed.ok) return allowed;
  const parsed = parseInput(RequestInformationInput, raw);
  if (!parsed.ok) return parsed;
  const loaded = await loadCase(deps, actor, parsed.value.caseId);
  if (!loaded.ok) return loaded;
  const c = loaded.value;
  const open = openCaseRule(c);
  if (!open.ok) return open;
  if (c.milestones.informationRequested) {
    return fail(workflowError('AlreadyDone', `The information request for ${c.reference} was sent on ${readableDateTime(c.milestones.informationRequested.at)}.`));
  }
  const school = await deps.stores.schools.get(c.schoolId);
  if (!school) return fail(workflowError('NotFound', 'The case\'s school is no longer on the Schools list.'));
  const stamp = now(deps);
  const mailKey = `${c.id}:information-request`;
  // Sending is the step itself, so there is no state to save first; the key keeps a retry after a failed mark from sending it again.
  // The mail, the milestone (with the case's ETag, once the mail went) and the audit line: one $batch on Graph.
  const work = new UnitOfWork(deps.batching, mailKey);
  work.add('mail', () =>
    deps.mailer.send(
      {
        to: [school.senco.email],
        subject: `${deps.config.serviceName}: referral ${c.reference}: information needed`,
        html: `<p>Dear ${escapeHtml(school.senco.name)},</p><p>Thank you for referral ${c.reference}. Please complete and return the School Initial Information Gathering form and the pupil's PDP.</p><p>${escapeHtml(deps.config.serviceName)}</p>`,
      },
      mailKey,
    ),
  );
  const requested = (latest: Case): Result<CaseChange> =>
    ok(latest.milestones.informationRequested ? {} : { milestones: { ...latest.milestones, informationRequested: { at: stamp.at, by: actor.userId } } });
  const changed = work.add('case', () => changeCase(deps, actor, c.id, requested, c), ['mail']);
  work.add('audit', () => audit(deps, actor, 'case.information-requested', c.id, `${c.id}:information-requested`), ['case']);
  // The chaser if the form does not come back (5 and 10 school days on), with the request's own writes.
  work.add('chaser-job', () => deps.jobs.enqueue(reminderJob('information-chaser', { caseId: c.id }, stamp.at), reminderKeys.informationChaser(c.id)), ['case']);
  await work.flush();
  const result = changed();
  if (!result.ok) return result;
  return ok(result.value);
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] ?? ch);
}
