import { caseLedgerOf, logTime, type CaseLedger, type CaseView, type PriceList, type TimeLogged, type WorkflowDeps } from '../../../workflow';
import type { CardContext } from '../card';
import { showDate, showHours, todayIn } from '../format';
import type { Outcome } from '../outcomes';
import { recordedBy } from '../recordedBy';
import fieldsTemplate from '../templates/timeForm.json';
import { expandFragment } from '../template';
import { caseFormVerbs } from './caseForm';
import { numberIn, text } from './formValues';
import { bodyOf } from './recordOutcome';
import { activityTitles, choicesOf, hoursValue, ledgerFacts, ledgerLine } from './supportLabels';

/** The price list the case's hours are drawn under (that of its first purchase). */
const priceListOf = (deps: WorkflowDeps, ledger: CaseLedger | undefined): PriceList | undefined =>
  deps.config.priceLists.find((l) => l.financialYear === ledger?.purchases[0]?.financialYear);

async function timeFields(ctx: CardContext, view: CaseView, values: Record<string, string>): Promise<unknown[]> {
  const ledger = await caseLedgerOf(ctx.deps, view.case);
  const list = priceListOf(ctx.deps, ledger.ok ? ledger.value : undefined);
  const travel = list?.travelCountsTowardHours ? 'Travel counts toward the package hours.' : 'Travel is logged but does not count toward the package hours.';
  const explanation = `Hours draw down the case's packages in order; hours beyond what was bought are allowed, flagged and listed for invoicing. You and the manager are warned at 80% and 100%. Direct work needs the contract in force (within its 6 school weeks), the home visit held and consent given. ${travel}`;
  return expandFragment<unknown[]>(fieldsTemplate, {
    values,
    hours: hoursValue(values),
    activities: choicesOf(activityTitles),
    ledgerLine: ledger.ok ? ledgerLine(ledger.value) : `The package hours could not be worked out: ${ledger.error.message}`,
    explanation,
  });
}

async function timeOutcome(ctx: CardContext, logged: TimeLogged): Promise<Outcome> {
  const b = bodyOf(logged, 'time');
  const { ledger, warnings } = logged;
  const t = ledger.totals;
  const entry = ledger.entries.find((e) => e.entryId === logged.record.id);
  const rate = priceListOf(ctx.deps, ledger)?.consultancyRatePerHour;
  const atRate = rate !== undefined ? `the consultancy rate (£${rate} an hour)` : 'the consultancy rate';
  const notes: string[] = [];
  if (warnings.includes(100)) {
    notes.push(`Warning: this entry used up the package hours bought (${showHours(t.used)} used of ${showHours(t.bought)}). More hours are allowed, but they are flagged and listed for invoicing at ${atRate}.`);
  }
  if (warnings.includes(80) && !warnings.includes(100)) {
    notes.push(`Warning: this entry took the case past 80% of the package hours bought (${showHours(t.used)} used of ${showHours(t.bought)}, ${showHours(t.left)} left).`);
  } else if (warnings.includes(80)) {
    notes.push('It also crossed 80% of the hours bought.');
  }
  if (warnings.length > 0) notes.push('The manager and the case worker have been told.');
  if (entry && entry.overrunHours > 0) {
    notes.push(`${showHours(entry.overrunHours)} of this entry ${entry.overrunHours === 1 ? 'is' : 'are'} beyond what was bought: flagged and listed for invoicing at ${atRate}.`);
  }
  const headline = warnings.includes(100) ? 'Time logged: the package hours bought are used up' : warnings.includes(80) ? 'Time logged: 80% of the package hours used' : 'Time logged';
  const counted = entry ? (entry.countedHours === 0 && b?.activity === 'travel' ? '0 hours (travel does not count)' : showHours(entry.countedHours)) : '';
  return {
    headline,
    tone: warnings.includes(100) ? 'attention' : warnings.includes(80) ? 'warning' : 'good',
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
  defaults: (ctx) => ({ on: todayIn(ctx.deps.clock.now()), hours: '', activity: 'direct-work' }),
  fields: timeFields,
  toInput: (v) => ({ on: text(v, 'on'), hours: numberIn(v, 'hours'), activity: text(v, 'activity') }),
  run: (ctx, input) => logTime(ctx.deps, ctx.actor, input),
  recorded: timeOutcome,
});
