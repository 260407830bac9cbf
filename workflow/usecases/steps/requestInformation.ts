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
import { reminderJob, reminderKeys, schoolDaysAfter } from '../../jobs/reminders/reminderJobs';
import { CHASE_AFTER_SCHOOL_DAYS } from '../../jobs/reminders/informationChaser';
import { readableDate } from '../../calendar';
import { plusDays } from '../../calendar/calendarDate';
import { calendarForSchoolId } from '../support/calendarFor';
import { readForDocuments } from '../documents/caseDocumentContext';
import { addDocumentRecords, paperwork } from '../documents/documentRecords';
import { docxAttachment, linkOf, pdfAttachment, type DocumentLink } from '../documents/documentLinks';
import { caseFolder, fileCaseDocument } from '../documents/fileCaseDocument';

export const RequestInformationInput = z.object({ caseId: z.string().min(1) });

export interface InformationRequested {
  case: Versioned<Case>;
  /** The letter, the information form and the PDP template, as filed in the child's folder and sent. */
  documents: DocumentLink[];
  sentTo: string[];
}

/**
 * Step 2: the administrator e-mails the school the letter asking for the School Initial
 * Information Gathering form and the PDP, with both attached: the form filled in with what the
 * case already knows, so the school writes only what the service cannot know.
 */
export const requestInformation: UseCase<unknown, InformationRequested> = async (deps, actor, raw) => {
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
  const [reads, calendar] = await Promise.all([readForDocuments(deps, c), calendarForSchoolId(deps, c.schoolId)]);
  if (!reads) return fail(workflowError('NotFound', 'The case\'s child or school record is missing.'));
  const { ctx } = reads;
  const stamp = now(deps);
  const returnBy = (calendar.ok ? schoolDaysAfter(calendar.value, stamp.today, CHASE_AFTER_SCHOOL_DAYS[0]) : undefined) ?? plusDays(stamp.today, 7);
  // The letter (with its PDF, for the school), the form filled with what the case knows, the PDP template: filed once each.
  const made = await paperwork(async () => {
    const folder = await caseFolder(deps, ctx);
    return Promise.all([
      fileCaseDocument(deps, ctx, { kind: 'information-letter', returnBy }, { folder, pdf: true }),
      fileCaseDocument(deps, ctx, { kind: 'information-form' }, { folder }),
      fileCaseDocument(deps, ctx, { kind: 'pdp' }, { folder }),
    ]);
  });
  if (!made.ok) return made;
  const [letter, form, pdp] = made.value;
  const mailKey = `${c.id}:information-request`;
  const school = ctx.school;
  // Sending is the step itself, so there is no state to save first; the key keeps a retry after a failed mark from sending it again.
  // The mail, the milestone (with the case's ETag, once the mail went), the documents' records and the audit line: one $batch on Graph.
  const work = new UnitOfWork(deps.batching, mailKey);
  work.add('mail', () =>
    deps.mailer.send(
      {
        to: [school.senco.email],
        subject: `${deps.config.serviceName}: referral ${c.reference}: information needed`,
        html: `<p>Dear ${escapeHtml(school.senco.name)},</p><p>Thank you for referral ${c.reference}. Our letter is attached, with the School Initial Information Gathering form and a PDP template. Please complete both and return them by ${escapeHtml(readableDate(returnBy))}, by reply to this message.</p><p>${escapeHtml(deps.config.serviceName)}</p>`,
        attachments: [pdfAttachment(letter), docxAttachment(form), docxAttachment(pdp)],
      },
      mailKey,
    ),
  );
  const requested = (latest: Case): Result<CaseChange> =>
    ok(latest.milestones.informationRequested ? {} : { milestones: { ...latest.milestones, informationRequested: { at: stamp.at, by: actor.userId } } });
  const changed = work.add('case', () => changeCase(deps, actor, c.id, requested, c), ['mail']);
  addDocumentRecords(work, deps, actor, c, made.value, 2, { after: ['mail'], sentTo: () => [school.senco.email] });
  work.add('audit', () => audit(deps, actor, 'case.information-requested', c.id, `${c.id}:information-requested`), ['case']);
  // The chaser if the form does not come back (5 and 10 school days on), with the request's own writes.
  work.add('chaser-job', () => deps.jobs.enqueue(reminderJob('information-chaser', { caseId: c.id }, stamp.at), reminderKeys.informationChaser(c.id)), ['case']);
  await work.flush();
  const result = changed();
  if (!result.ok) return result;
  return ok({ case: result.value, documents: made.value.map(linkOf), sentTo: [school.senco.email] });
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] ?? ch);
}
