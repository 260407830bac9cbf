import { completeCase, type CaseView, type ClosedCase } from '../../../workflow';
import type { CardContext } from '../card';
import { showDate, showInstant } from '../format';
import type { Outcome } from '../outcomes';
import { recordedBy } from '../recordedBy';
import { caseFormVerbs } from './caseForm';
import { destinationTitles, titleOf } from './closingLabels';
import { confirmText } from './recordOutcome';

function lastReviewDestination(view: CaseView): string {
  const lastReview = view.case.milestones.lastReview;
  // Reviews recorded before the milestone carried the destination name their record by id.
  const review = view.records.find((r) => r.id === lastReview?.recordId);
  const destination = lastReview?.destination ?? (review?.body.kind === 'review' ? review.body.destination : undefined);
  return destination ? titleOf(destinationTitles, destination) : '';
}

function whatHappens(view: CaseView): string {
  const school = view.school;
  const senco = school ? `${school.senco.name} at ${school.name}` : 'the school';
  const destination = lastReviewDestination(view);
  return [
    'The review ended the support. Completing the case will, in order:',
    `1. write the End of Outreach Report, the Chronology Log and the Summary Record from the service's templates and file them in the child's folder;`,
    `2. e-mail the report (as PDF) to ${senco}, copied to the headteacher;`,
    `3. send ${school ? school.senco.name : 'the school'} the school evaluation request;`,
    `4. close the case${destination ? ` (destination: ${destination})` : ''}.`,
    'If something fails part-way, completing again carries on where it stopped.',
  ].join('\n\n');
}

async function completedOutcome(ctx: CardContext, c: ClosedCase): Promise<Outcome> {
  const m = c.milestones;
  const school = await ctx.deps.stores.schools.get(c.schoolId);
  return {
    headline: 'Case completed and closed',
    tone: 'good',
    detail: "The End of Outreach Report, the Chronology Log and the Summary Record are filed in the child's folder, the report is sent, the evaluation request is sent and the case is closed.",
    documents: c.documents,
    facts: [
      { title: 'Report filed', value: m.endReportFiled ? `In the child's folder, ${showInstant(m.endReportFiled.at)}` : '' },
      { title: 'Report sent', value: m.endReportSent ? `To ${school ? `${school.senco.name} (${school.senco.email}), copied to the headteacher` : 'the school'}, ${showInstant(m.endReportSent.at)}` : '' },
      { title: 'Evaluation request', value: m.evaluationRequested ? `Sent to ${school ? school.senco.email : 'the school'}, ${showInstant(m.evaluationRequested.at)}` : '' },
      { title: 'Closed', value: showDate(c.closure?.on) },
      { title: 'Destination', value: titleOf(destinationTitles, c.closure?.destination) },
    ],
    by: await recordedBy(ctx, c.closure?.by ?? c.updatedBy, c.updatedAt, 'Closed'),
  };
}

/** Closing after a review that ended the support: report filed and sent, evaluation requested, case closed. */
export const completeVerbs = caseFormVerbs<ClosedCase>({
  name: 'complete',
  title: 'Complete and close the case',
  submitTitle: 'Complete and close',
  defaults: () => ({}),
  fields: (_ctx, view) => confirmText(whatHappens(view)),
  toInput: () => ({}),
  run: (ctx, input) => completeCase(ctx.deps, ctx.actor, input),
  recorded: completedOutcome,
});
