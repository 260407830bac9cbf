import type { Case } from '../model/case';
import { toHundredths } from '../packages/units';
import { financialYearsOf } from './period';
import { purchaseMatches, type ReportInput } from './scope';

/** Pence by package code, then by financial year. */
export type IncomeByPackage = ReadonlyMap<string, ReadonlyMap<string, number>>;

/** What the purchases of the financial years the period touches cost the schools, in pence. */
export function incomeByPackage(input: ReportInput): IncomeByPackage {
  const years = financialYearsOf(input.period);
  const caseById = new Map<string, Case>(input.history.cases.map((c) => [c.id, c]));
  const income = new Map<string, Map<string, number>>();
  for (const p of input.history.purchases) {
    if (!years.includes(p.financialYear) || !purchaseMatches(p, input.filters, caseById)) continue;
    const byYear = income.get(p.packageCode) ?? new Map<string, number>();
    byYear.set(p.financialYear, (byYear.get(p.financialYear) ?? 0) + toHundredths(p.price));
    income.set(p.packageCode, byYear);
  }
  return income;
}
