import { z } from 'zod';
import { updateOnce } from '../support/updateOnce';
import { workflowError } from '../../errors';
import { closedMonthOf, EarlyCloseReason } from '../../model/case';
import { fail, ok } from '../../result';
import { hasRole } from '../../rules/access';
import { openCaseRule } from '../../rules/closing';
import type { UseCase } from '../deps';
import type { ClosedCase } from './completeCase';
import { audit } from '../support/audit';
import { changeCase, loadCase } from '../support/caseAccess';
import { parseInput } from '../support/input';
import { now } from '../support/time';
import { cancelMeetingsAhead } from '../meetings/meetingsAhead';
import { UnitOfWork } from '../support/unitOfWork';
import { addDocumentRecords, paperwork } from '../documents/documentRecords';
import { documentContext } from '../documents/documentContext';
import { caseFolder, fileCaseDocument } from '../documents/fileCaseDocument';
import { linkOf, linksIn, pdfAttachment } from '../documents/documentLinks';

export const CloseEarlyInput = z.object({
  caseId: z.string().min(1),
  reason: EarlyCloseReason,
  note: z.string().trim().optional(),
});

const reasonWords: Record<z.infer<typeof EarlyCloseReason>, string> = {
  'referral-declined': 'the referral has been declined',
  'consent-refused': 'parental consent was refused',
  'consent-withdrawn': 'parental consent has been withdrawn',
  'moved-school': 'the pupil has moved school',
  'permanently-excluded': 'the pupil has been permanently excluded',
  'no-longer-needed': 'support is no longer needed',
};

/**
 * Rule "Closing": a case can close early with a recorded reason; the school is told by letter: the
 * early closure letter, filed in the case's folder with its PDF, the PDF mailed to the school.
 * A repeat of the same close (double click, Teams retry) is ok with `repeated`, and nothing is
 * filed or sent again; a repeat after a failure part way carries on; a closed case cannot be
 * closed another way. A template that cannot be used refuses the closing in words: the case stays open.
 */
export const closeEarly: UseCase<unknown, ClosedCase> = async (deps, actor, raw) => {
  const parsed = parseInput(CloseEarlyInput, raw);
  if (!parsed.ok) return parsed;
  const { caseId, reason, note } = parsed.value;
  // The case, its contracts in force, meetings and records (a repeat's card links the letter): one round trip on Graph.
  const [loaded, inForce, meetings, records] = await Promise.all([
    loadCase(deps, actor, caseId),
    deps.stores.contracts.find({ caseId, status: 'approved' }),
    deps.stores.meetings.find({ caseId }),
    deps.stores.records.find({ caseId }),
  ]);
  if (!loaded.ok) return loaded;
  if (!hasRole(actor, 'manager', 'worker')) {
    return fail(workflowError('RoleRequired', 'Only the manager or the case\'s worker can close a case early.', { rule: 'Closing' }));
  }
  const resuming = loaded.value.status === 'closed' && loaded.value.closure?.how === reason;
  if (resuming && loaded.value.closure?.letterSent) return ok({ ...loaded.value, repeated: true, documents: linksIn(records.filter((r) => r.body.kind === 'document' && r.body.document === 'early-closure-letter')) });
  if (!resuming) {
    const open = openCaseRule(loaded.value);
    if (!open.ok) return open;
  }
  const ctx = await documentContext(deps, loaded.value);
  if (!ctx.ok) return ctx;
  const school = ctx.value.school;
  const stamp = now(deps);
  const closure = loaded.value.closure ?? { on: stamp.today, by: actor.userId, how: reason, ...(note ? { note } : {}) };
  // The letter is written and filed before anything is recorded: a template that cannot be used leaves the case open.
  const letter = await paperwork(async () =>
    fileCaseDocument(deps, ctx.value, { kind: 'early-closure-letter', closure }, { folder: await caseFolder(deps, ctx.value), pdf: true }),
  );
  if (!letter.ok) return letter;
  // The closure (with the case's ETag) is saved first; the contracts ended, the audit line and the letter (once per case)
  // depend on it: one $batch on Graph. Then the letter is marked sent, with the ETag the closure returned: a retry
  // after a failure in between finds the case closed without the mark and carries on.
  const work = new UnitOfWork(deps.batching, `${caseId}:close-early`);
  const closed = resuming
    ? () => ok(loaded.value)
    : work.add('case', () =>
        changeCase(
          deps,
          actor,
          caseId,
          (c) => {
            const stillOpen = openCaseRule(c);
            if (!stillOpen.ok) return stillOpen;
            return ok({ status: 'closed', contractInForce: undefined, closure, closedMonth: closedMonthOf(stamp.today) });
          },
          loaded.value,
        ),
      );
  const afterClosure = resuming ? [] : ['case'];
  cancelMeetingsAhead(deps, actor, work, meetings, afterClosure, 'The outreach case has closed.');
  for (const contract of inForce) {
    work.add(`contract:${contract.id}`, () => updateOnce(deps.stores.contracts, contract.id, { status: 'ended', updatedBy: actor.userId, updatedAt: stamp.at }, contract.etag), afterClosure);
  }
  work.add('audit', () => audit(deps, actor, 'case.closed-early', caseId, caseId, { reason }), afterClosure);
  const reference = loaded.value.reference;
  work.add(
    'letter',
    () =>
      deps.mailer.send(
        {
          to: [school.senco.email],
          cc: [school.headteacher.email],
          subject: `${deps.config.serviceName}: case ${reference} closed`,
          html: `<p>We are writing to let you know that outreach case ${reference} has closed because ${reasonWords[reason]}. Our letter is attached.</p><p>${deps.config.serviceName}</p>`,
          attachments: [pdfAttachment(letter.value)],
        },
        `${caseId}:closure-letter`,
      ),
    afterClosure,
  );
  addDocumentRecords(work, deps, actor, loaded.value, [letter.value], 10, { after: ['letter'], sentTo: () => [school.senco.email, school.headteacher.email] });
  await work.flush();
  const closedCase = closed();
  if (!closedCase.ok) return closedCase;
  const marked = await changeCase(deps, actor, caseId, (c) => (c.closure ? ok({ closure: { ...c.closure, letterSent: { at: stamp.at, by: actor.userId } } }) : ok({})), closedCase.value);
  if (!marked.ok) return marked;
  return ok({ ...marked.value, repeated: false, documents: [linkOf(letter.value)] });
};
