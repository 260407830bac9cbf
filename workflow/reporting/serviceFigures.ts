import { fromHundredths, toHundredths } from '../packages/units';
import type { Figures, Headline } from './figureTable';
import { hoursDelivered } from './hours';
import { hoursTables } from './hoursTables';
import { incomeByPackage } from './income';
import { incomeTable } from './incomeTable';
import { namesFrom } from './names';
import { percentOf } from './numbers';
import { figureOptions } from './options';
import { caseOutcomes } from './outcomes';
import { outcomeTables } from './outcomeTables';
import { closedInPeriod, openDuringPeriod, referredInPeriod } from './period';
import { pupilBreakdown } from './pupils';
import { pupilTables } from './pupilTables';
import { reviewTally } from './reviews';
import { reviewsDecided, reviewTable } from './reviewTable';
import { casesInScope, indexHistory, type ReportInput } from './scope';
import { firstContractApprovedOn, firstVisitOf, waits } from './timeliness';
import { contractTable, firstVisitTable } from './waitTables';
import { workerLoads } from './workers';
import { workerTable } from './workerTable';

/**
 * The service's figures for a period, narrowed by the filters: the annual report's breakdown of
 * pupils, destinations and how cases ended, hours and income, caseloads, waits and reviews, as
 * headline numbers and tables. `computedAt`: the instant they were worked out.
 */
export function serviceFigures(input: ReportInput, computedAt: string): Figures {
  const index = indexHistory(input.history);
  const names = namesFrom(input.schools, input.staff, input.priceLists);
  const cases = casesInScope(input, index);
  const open = cases.filter((c) => openDuringPeriod(c, input.period));
  const referred = cases.filter((c) => referredInPeriod(c, input.period));
  const closed = cases.filter((c) => closedInPeriod(c, input.period));

  const pupils = pupilBreakdown(open, index.childById, input.history.cases);
  const outcomes = caseOutcomes(closed);
  const hours = hoursDelivered(input, index);
  const income = incomeByPackage(input);
  const firstVisit = waits(referred, (c) => firstVisitOf(index.recordsByCase.get(c.id) ?? []));
  const toContract = waits(referred, (c) => firstContractApprovedOn(index.contractsByCase.get(c.id) ?? []));
  const reviews = reviewTally(cases, index.contractsByCase, index.recordsByCase, input.period, input.today);

  const incomePence =
    [...income.values()].reduce((a, byYear) => a + [...byYear.values()].reduce((s, p) => s + p, 0), 0) +
    [...hours.overrunPenceByFinancialYear.values()].reduce((a, p) => a + p, 0);
  const delivered = fromHundredths(toHundredths(hours.totals.drawn) + toHundredths(hours.totals.overrun));
  const of = (n: number): string => `of ${n} pupil${n === 1 ? '' : 's'}`;
  const headlines: Headline[] = [
    { id: 'pupils', label: 'Pupils supported', value: pupils.pupils, kind: 'count', note: `${open.length} case${open.length === 1 ? '' : 's'} open in the period` },
    { id: 'girls', label: 'Girls', value: pupils.girls, kind: 'count' },
    { id: 'boys', label: 'Boys', value: pupils.boys, kind: 'count' },
    { id: 'primary', label: 'Primary', value: pupils.primary, kind: 'count' },
    { id: 'secondary', label: 'Secondary', value: pupils.secondary, kind: 'count' },
    { id: 'ks3', label: 'Key stage 3', value: percentOf(pupils.keyStage.ks3, pupils.pupils), kind: 'percent', note: of(pupils.pupils) },
    { id: 'send', label: 'SEND (EHC plan or SEN support)', value: percentOf(pupils.send, pupils.pupils), kind: 'percent', note: of(pupils.pupils) },
    { id: 'pupil-premium', label: 'Pupil Premium', value: percentOf(pupils.pupilPremium, pupils.pupils), kind: 'percent', note: of(pupils.pupils) },
    { id: 'fsm', label: 'Free school meals', value: percentOf(pupils.freeSchoolMeals, pupils.pupils), kind: 'percent', note: of(pupils.pupils) },
    { id: 'looked-after', label: 'Looked-after children', value: pupils.lookedAfter, kind: 'count' },
    {
      id: 'mainstream',
      label: 'Back in mainstream at the end',
      value: percentOf(outcomes.byDestination.mainstream ?? 0, outcomes.closed),
      kind: 'percent',
      note: `of ${outcomes.closed} case${outcomes.closed === 1 ? '' : 's'} closed`,
    },
    { id: 'hours-delivered', label: 'Hours delivered', value: delivered, kind: 'hours', note: `${hours.totals.bought} hours bought` },
    { id: 'income', label: 'Income', value: fromHundredths(incomePence), kind: 'money', note: `financial year${hours.financialYears.length > 1 ? 's' : ''} ${hours.financialYears.join(' and ')}` },
    { id: 'days-to-first-visit', label: 'Days from referral to first visit (median)', value: firstVisit.median, kind: 'days', note: `over ${firstVisit.count} cases` },
    {
      id: 'reviews-on-time',
      label: 'Reviews on time',
      value: percentOf(reviews.onTime, reviewsDecided(reviews)),
      kind: 'percent',
      note: `of ${reviewsDecided(reviews)} reviews held or missed`,
    },
  ];

  return {
    period: { label: input.period.label, from: input.period.from, to: input.period.to },
    options: figureOptions(input),
    headlines,
    tables: [
      ...pupilTables(pupils, names),
      ...outcomeTables(outcomes),
      ...hoursTables(hours, names),
      incomeTable(income, hours.overrunPenceByFinancialYear, hours.financialYears, names),
      workerTable(workerLoads(input, index), input.staff, names),
      firstVisitTable(firstVisit),
      contractTable(toContract),
      reviewTable(reviews),
    ],
    computedAt,
  };
}
