import type { Purchase } from '../model/purchase';
import type { CaseLedger, UsageTotals } from './caseLedger';
import { financialYearOf } from './financialYear';
import { fromHundredths, toHundredths } from './units';

export interface SchoolUsage extends UsageTotals {
  /** What the school's purchases cost, in pounds. */
  readonly spent: number;
}

export interface SchoolLedger {
  readonly schoolId: string;
  readonly totals: SchoolUsage;
  /** One line per financial year with a purchase or a used hour, earliest first. */
  readonly byFinancialYear: readonly ({ readonly financialYear: string } & SchoolUsage)[];
}

interface Tally {
  bought: number;
  drawn: number;
  overrun: number;
  spentPence: number;
}

const emptyTally = (): Tally => ({ bought: 0, drawn: 0, overrun: 0, spentPence: 0 });

const usageOf = (t: Tally): SchoolUsage => ({
  bought: fromHundredths(t.bought),
  used: fromHundredths(t.drawn + t.overrun),
  drawn: fromHundredths(t.drawn),
  overrun: fromHundredths(t.overrun),
  left: fromHundredths(t.bought - t.drawn),
  spent: fromHundredths(t.spentPence),
});

/**
 * Bought / used / left for one school, overall and per financial year. Hours drawn count in the
 * year of the purchase they were drawn from; overrun counts in the year of the time entry.
 * Purchases left for the school (no case) count as bought. Case ledger lines for purchases of
 * another school are ignored.
 */
export function ledgerForSchool(schoolId: string, schoolPurchases: readonly Purchase[], caseLedgers: readonly CaseLedger[]): SchoolLedger {
  const ours = schoolPurchases.filter((p) => p.schoolId === schoolId);
  const yearOfPurchase = new Map(ours.map((p) => [p.id, p.financialYear]));
  const years = new Map<string, Tally>();
  const tallyFor = (year: string): Tally => {
    const found = years.get(year);
    if (found) return found;
    const fresh = emptyTally();
    years.set(year, fresh);
    return fresh;
  };

  for (const p of ours) {
    const t = tallyFor(p.financialYear);
    t.bought += toHundredths(p.hours);
    t.spentPence += toHundredths(p.price);
  }
  for (const ledger of caseLedgers) {
    for (const line of ledger.purchases) {
      const year = yearOfPurchase.get(line.purchaseId);
      if (year !== undefined) tallyFor(year).drawn += toHundredths(line.used);
    }
    for (const entry of ledger.entries) {
      if (entry.overrunHours > 0) tallyFor(financialYearOf(entry.date)).overrun += toHundredths(entry.overrunHours);
    }
  }

  const ordered = [...years.entries()].sort(([a], [b]) => a.localeCompare(b));
  const total = ordered.reduce((acc, [, t]) => ({
    bought: acc.bought + t.bought,
    drawn: acc.drawn + t.drawn,
    overrun: acc.overrun + t.overrun,
    spentPence: acc.spentPence + t.spentPence,
  }), emptyTally());
  return {
    schoolId,
    totals: usageOf(total),
    byFinancialYear: ordered.map(([financialYear, t]) => ({ financialYear, ...usageOf(t) })),
  };
}
