import { recordSupportSession, type CaseView, type SessionRecorded } from '../../../workflow';
import { showDate, showHours } from '../format';
import fieldsTemplate from '../templates/supportSessionForm.json';
import { expandFragment } from '../template';
import { caseFormVerbs } from './caseForm';
import { eventDates, supportPeriod } from './dateBounds';
import { numberIn, text } from './formValues';
import { hoursLoggedLine, hoursNotes } from './hoursNotes';
import { bodyOf, recordOutcome } from './recordOutcome';
import { hoursValue, withWhomTitles } from './supportLabels';

function explanation(view: CaseView): string {
  const inForce = view.case.contractInForce;
  const period = inForce ? `Under the contract in force: support runs ${showDate(inForce.startDate)} to ${showDate(inForce.supportEnds)} (6 school weeks).` : 'Support begins only under an approved contract.';
  return `${period} Rule "No direct support": none before the home visit or Teams call is recorded as held, and none while parental consent is not given. The session's hours are logged against the case's package: no separate time entry is needed.`;
}

/** Step 8: a support session under the contract in force. */
export const supportSessionVerbs = caseFormVerbs<SessionRecorded>({
  name: 'support-session',
  title: 'Support session',
  submitTitle: 'Record the session',
  defaults: (ctx, view) => ({ deliveredOn: eventDates(ctx, view, supportPeriod(view)).value, hours: '', withWhom: 'pupil', summary: '' }),
  fields: (ctx, view, values) => expandFragment<unknown[]>(fieldsTemplate, { values, dates: eventDates(ctx, view, supportPeriod(view)), hours: hoursValue(values), explanation: explanation(view) }),
  toInput: (v) => ({ deliveredOn: text(v, 'deliveredOn'), hours: numberIn(v, 'hours'), withWhom: text(v, 'withWhom'), summary: text(v, 'summary') }),
  run: (ctx, input) => recordSupportSession(ctx.deps, ctx.actor, input),
  recorded: async (ctx, added) => {
    const b = bodyOf(added, 'support-session');
    const { notes, tone } = hoursNotes(ctx.deps, added);
    const detail = [hoursLoggedLine(ctx.deps, added), ...notes].filter((n) => n !== '').join('\n\n');
    const outcome = await recordOutcome(ctx, added, `Support session recorded (step ${added.record.step})`, [
      { title: 'Delivered', value: showDate(b?.deliveredOn) },
      { title: 'Hours', value: b ? showHours(b.hours) : '' },
      { title: 'With', value: b ? withWhomTitles[b.withWhom] : '' },
      { title: 'Summary', value: b?.summary ?? '' },
    ], detail);
    return { ...outcome, tone };
  },
});
