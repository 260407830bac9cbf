import { recordReview, type CaseView, type ReviewRecorded } from '../../../workflow';
import { showDate } from '../format';
import fieldsTemplate from '../templates/reviewForm.json';
import { expandFragment } from '../template';
import { caseFormVerbs } from './caseForm';
import { eventDates } from './dateBounds';
import { text } from './formValues';
import { heldPrefill } from './meetingPrefill';
import { bodyOf, recordOutcome } from './recordOutcome';
import { choicesOf } from './supportLabels';
import { destinationTitles, titleOf } from './closingLabels';

function contractLine(view: CaseView): string {
  const k = view.case.contractInForce;
  return k ? `Contract in force from ${showDate(k.startDate)}; support to ${showDate(k.supportEnds)}; review agreed for ${showDate(k.reviewDate)}.` : '';
}

/** After "end": what completing the case did in the same submit, or why it stopped and how to carry on. */
function endedNext(added: ReviewRecorded): string {
  const done = added.completed;
  if (done?.ok) {
    return `Case closed on ${showDate(done.value.closure?.on)}; the End of Outreach Report, the Chronology Log and the Summary Record were filed in the child's folder and the report sent to the school; evaluation requested.`;
  }
  const why = done ? ` Completing the case stopped: ${done.error.message}` : '';
  return `Support ends.${why} The review is kept; "Complete and close the case" on the case card carries on where it stopped, and nothing is sent twice.`;
}

/** Step 9: the review meeting, continue (a new contract version) or end (report and closing in the same submit). */
export const reviewVerbs = caseFormVerbs<ReviewRecorded>({
  name: 'review',
  title: 'Review of the contract',
  submitTitle: 'Record the review',
  defaults: (ctx, view) => {
    const dates = eventDates(ctx, view);
    // The review meeting booked, once its time has come: its date.
    return { heldOn: heldPrefill(ctx, view, ['review'], dates)?.heldOn ?? dates.value, outcome: '', summary: '', destination: '' };
  },
  fields: (ctx, view, values) => expandFragment<unknown[]>(fieldsTemplate, { values, dates: eventDates(ctx, view), contractLine: contractLine(view), destinations: choicesOf(destinationTitles) }),
  toInput: (v) => {
    const outcome = text(v, 'outcome');
    const destination = outcome === 'end' ? text(v, 'destination') : undefined;
    return { heldOn: text(v, 'heldOn'), outcome, summary: text(v, 'summary'), ...(destination ? { destination } : {}) };
  },
  run: (ctx, input) => recordReview(ctx.deps, ctx.actor, input),
  recorded: async (ctx, added) => {
    const b = bodyOf(added, 'review');
    const ended = b?.outcome === 'end';
    const next = ended
      ? endedNext(added)
      : 'Support continues under a new contract version, drafted and approved like the first; the reviewed contract stays on file as superseded.';
    const outcome = await recordOutcome(
      ctx,
      added,
      ended ? 'Review recorded: support ends' : 'Review recorded: support continues',
      [
        { title: 'Held', value: showDate(b?.heldOn) },
        { title: 'Outcome', value: ended ? 'End' : 'Continue' },
        { title: 'Summary', value: b?.summary ?? '' },
        { title: 'Destination', value: titleOf(destinationTitles, b?.destination) },
      ],
      next,
    );
    // The review is kept, but the case is not closed yet: not an all-good card.
    if (ended && !added.completed?.ok) return { ...outcome, tone: 'warning' };
    return added.completed?.ok ? { ...outcome, documents: added.completed.value.documents } : outcome;
  },
});
