import { caseLedgerOf, logTime, type CaseView, type TimeLogged } from '../../../workflow';
import type { CardContext } from '../card';
import { showDate, showHours } from '../format';
import type { Outcome } from '../outcomes';
import { recordedBy } from '../recordedBy';
import fieldsTemplate from '../templates/timeForm.json';
import { expandFragment } from '../template';
import { caseFormVerbs } from './caseForm';
import { eventDates } from './dateBounds';
import { numberIn, text } from './formValues';
import { hoursNotes, priceListOf } from './hoursNotes';
import { bodyOf } from './recordOutcome';
import { activityTitles, choicesOf, hoursValue, ledgerFacts, ledgerLine } from './supportLabels';

async function timeFields(ctx: CardContext, view: CaseView, values: Record<string, string>): Promise<unknown[]> {
  const ledger = await caseLedgerOf(ctx.deps, view.case);
  const list = priceListOf(ctx.deps, ledger.ok ? ledger.value : undefined);
  const travel = list?.travelCountsTowardHours ? 'Travel counts toward the package hours.' : 'Travel is logged but does not count toward the package hours.';
  const explanation = `For time other than support sessions (travel, report writing, meetings...). Hours draw down the case's packages in order; hours beyond what was bought are allowed, flagged and listed for invoicing. You and the manager are warned at 80% and 100%. Direct work with the pupil is not logged here: each support session logs its own hours. ${travel}`;
  return expandFragment<unknown[]>(fieldsTemplate, {
    values,
    dates: eventDates(ctx, view),
    hours: hoursValue(values),
    activities: choicesOf(activityTitles).filter((c) => c.value !== 'direct-work'),
    ledgerLine: ledger.ok ? ledgerLine(ledger.value) : `The package hours could not be worked out: ${ledger.error.message}`,
    explanation,
  });
}

async function timeOutcome(ctx: CardContext, logged: TimeLogged): Promise<Outcome> {
  const b = bodyOf(logged, 'time');
  const { ledger } = logged;
  const entry = ledger.entries.find((e) => e.entryId === logged.record.id);
  const { notes, tone, crossed } = hoursNotes(ctx.deps, logged);
  const headline = crossed ? `Time logged: ${crossed}` : 'Time logged';
  const counted = entry ? (entry.countedHours === 0 && b?.activity === 'travel' ? '0 hours (travel does not count)' : showHours(entry.countedHours)) : '';
  return {
    headline,
    tone,
    ...(notes.length > 0 ? { detail: notes.join('\n\n') } : {}),
    facts: [
      { title: 'Date', value: showDate(b?.on) },
      { title: 'Hours', value: b ? showHours(b.hours) : '' },
      { title: 'Activity', value: b ? activityTitles[b.activity] : '' },
      { title: 'Counted toward the package', value: counted },
      ...ledgerFacts(ctx.deps, ledger),
    ],
    by: await recordedBy(ctx, logged.record.createdBy, logged.record.createdAt, 'Logged'),
  };
}

/** The time sheet: hours on a case, drawn down its packages, with the ledger and the 80% / 100% warnings. */
export const timeVerbs = caseFormVerbs<TimeLogged>({
  name: 'time',
  anyStep: true,
  title: 'Log time',
  submitTitle: 'Log the time',
  defaults: (ctx, view) => ({ on: eventDates(ctx, view).value, hours: '', activity: 'travel' }),
  fields: timeFields,
  toInput: (v) => ({ on: text(v, 'on'), hours: numberIn(v, 'hours'), activity: text(v, 'activity') }),
  run: (ctx, input) => logTime(ctx.deps, ctx.actor, input),
  recorded: timeOutcome,
});
