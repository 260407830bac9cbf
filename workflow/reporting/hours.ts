import type { Case } from '../model/case';
import type { PriceList } from '../model/priceList';
import { financialYearOf } from '../packages/financialYear';
import { fromHundredths, pencePerHours, toHundredths } from '../packages/units';
import { caseLedgerFor } from './caseLedgers';
import { financialYearsOf, inPeriod } from './period';
import { caseMatches, purchaseMatches, type ReportIndex, type ReportInput } from './scope';

/** Hours bought and delivered under one heading (a school, a package), in hours with two decimals. */
export interface HoursLine {
  readonly key: string;
  readonly bought: number;
  /** Hours drawn from what was bought, dated in the period. */
  readonly drawn: number;
  /** Hours beyond what was bought, dated in the period. */
  readonly overrun: number;
}

export interface HoursDelivered {
  readonly bySchool: readonly HoursLine[];
  /** Per package code; overrun has no package and is its own line, keyed `overrun`. */
  readonly byPackage: readonly HoursLine[];
  readonly totals: Omit<HoursLine, 'key'>;
  /** Pence of overrun at each financial year's consultancy rate, by the year of the time entry. */
  readonly overrunPenceByFinancialYear: ReadonlyMap<string, number>;
  /** The financial years whose purchases count as bought. */
  readonly financialYears: readonly string[];
}

interface Tally {
  bought: number;
  drawn: number;
  overrun: number;
}

const tallyIn = (map: Map<string, Tally>, key: string): Tally => {
  const found = map.get(key);
  if (found) return found;
  const fresh = { bought: 0, drawn: 0, overrun: 0 };
  map.set(key, fresh);
  return fresh;
};

const lines = (map: Map<string, Tally>): HoursLine[] =>
  [...map.entries()]
    .filter(([, t]) => t.bought > 0 || t.drawn > 0 || t.overrun > 0)
    .map(([key, t]) => ({ key, bought: fromHundredths(t.bought), drawn: fromHundredths(t.drawn), overrun: fromHundredths(t.overrun) }));

const rateOf = (priceLists: readonly PriceList[], financialYear: string): number =>
  priceLists.find((l) => l.financialYear === financialYear)?.consultancyRatePerHour ?? 0;

/**
 * Bought: the purchases of the financial years the period touches. Delivered: the hours of time
 * entries and support sessions dated in the period, as each case's ledger drew them (so they
 * agree with the cards): drawn from a purchase (its school and package), or beyond what was bought.
 */
export function hoursDelivered(input: ReportInput, index: ReportIndex): HoursDelivered {
  const { filters, period, history } = input;
  const years = financialYearsOf(period);
  const caseById = new Map<string, Case>(history.cases.map((c) => [c.id, c]));
  const bySchool = new Map<string, Tally>();
  const byPackage = new Map<string, Tally>();
  const overrunPence = new Map<string, number>();

  for (const p of history.purchases) {
    if (!years.includes(p.financialYear) || !purchaseMatches(p, filters, caseById)) continue;
    tallyIn(bySchool, p.schoolId).bought += toHundredths(p.hours);
    tallyIn(byPackage, p.packageCode).bought += toHundredths(p.hours);
  }

  for (const c of history.cases) {
    if (!caseMatches(c, filters, index.purchaseById)) continue;
    const ledger = caseLedgerFor(c, index, input.priceLists);
    if (!ledger) continue;
    for (const entry of ledger.entries) {
      if (!inPeriod(entry.date, period)) continue;
      for (const part of entry.parts) {
        const p = index.purchaseById.get(part.purchaseId);
        if (!p || !purchaseMatches(p, { schoolId: filters.schoolId, packageCode: filters.packageCode }, caseById)) continue;
        tallyIn(bySchool, p.schoolId).drawn += toHundredths(part.hours);
        tallyIn(byPackage, p.packageCode).drawn += toHundredths(part.hours);
      }
      if (entry.overrunHours > 0) {
        const over = toHundredths(entry.overrunHours);
        tallyIn(bySchool, c.schoolId).overrun += over;
        tallyIn(byPackage, 'overrun').overrun += over;
        const year = financialYearOf(entry.date);
        overrunPence.set(year, (overrunPence.get(year) ?? 0) + pencePerHours(over, rateOf(input.priceLists, year)));
      }
    }
  }

  const sum = (k: keyof Tally): number => fromHundredths([...bySchool.values()].reduce((a, t) => a + t[k], 0));
  return {
    bySchool: lines(bySchool),
    byPackage: lines(byPackage),
    totals: { bought: sum('bought'), drawn: sum('drawn'), overrun: sum('overrun') },
    overrunPenceByFinancialYear: overrunPence,
    financialYears: years,
  };
}
