import { closeEarly, type CaseView, type ClosedCase } from '../../../workflow';
import type { CardContext } from '../card';
import { showDate } from '../format';
import type { Outcome } from '../outcomes';
import { recordedBy } from '../recordedBy';
import fieldsTemplate from '../templates/reasonForm.json';
import { expandFragment } from '../template';
import { caseFormVerbs } from './caseForm';
import { earlyCloseTitles, titleOf } from './closingLabels';
import { text, type FormValues } from './formValues';
import { choicesOf } from './supportLabels';

function explanation(view: CaseView): string {
  const school = view.school ? `${view.school.senco.name} at ${view.school.name}` : 'the school';
  return `The case closes now, without a review. ${school} is told by letter (filed in the child's folder, and e-mailed as PDF, copied to the headteacher) with the reason; any contract in force ends. Records stay on file.`;
}

async function closedOutcome(ctx: CardContext, c: ClosedCase): Promise<Outcome> {
  const school = await ctx.deps.stores.schools.get(c.schoolId);
  return {
    headline: 'Case closed early',
    tone: 'good',
    documents: c.documents,
    facts: [
      { title: 'Reason', value: titleOf(earlyCloseTitles, c.closure?.how) },
      { title: 'Note', value: c.closure?.note ?? '' },
      { title: 'Closed', value: showDate(c.closure?.on) },
      { title: 'School told', value: school ? `By letter to ${school.senco.name} (${school.senco.email}), copied to the headteacher` : 'By letter' },
    ],
    by: await recordedBy(ctx, c.closure?.by ?? c.updatedBy, c.updatedAt, 'Closed'),
  };
}

/** Rule "Closing": a case can close early with a recorded reason; the school is told by letter. */
export const closeEarlyVerbs = caseFormVerbs<ClosedCase>({
  name: 'close-early',
  anyStep: true,
  title: 'Close the case early',
  submitTitle: 'Close the case',
  defaults: () => ({ reason: '', note: '' }),
  fields: (_ctx, view, values: FormValues) =>
    expandFragment<unknown[]>(fieldsTemplate, {
      values,
      explanation: explanation(view),
      reasons: choicesOf(earlyCloseTitles),
      textId: 'note',
      textLabel: 'Note (optional)',
      textRequired: false,
      textValue: values.note ?? '',
    }),
  toInput: (v) => ({ reason: text(v, 'reason'), ...(text(v, 'note') ? { note: text(v, 'note') } : {}) }),
  run: (ctx, input) => closeEarly(ctx.deps, ctx.actor, input),
  recorded: closedOutcome,
});
