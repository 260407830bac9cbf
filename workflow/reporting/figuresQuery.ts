import { z } from 'zod';
import { academicYearOf, isYearSpan } from '../calendar/years';
import { workflowError } from '../errors';
import { IsoDate } from '../model/common';
import type { PriceList } from '../model/priceList';
import type { School } from '../model/school';
import type { Staff } from '../model/staff';
import { fail, ok, type Result } from '../result';
import { parseInput } from '../usecases/support/input';
import { academicYearPeriod, dateRangePeriod, type ReportPeriod } from './period';
import type { ReportFilters } from './scope';

/** The longest period the figures cover at once, in years (a longer one is slow to read and to chart). */
export const MAX_PERIOD_YEARS = 5;

/** The query of the figures as the tab sends it (tab/contract/dashboard.ts `FiguresQuery`). */
export const FiguresQueryInput = z.object({
  year: z.string().regex(/^\d{4}-\d{2}$/, 'must be an academic year like 2025-26').refine(isYearSpan, 'must be an academic year like 2025-26').optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  school: z.string().min(1).optional(),
  worker: z.string().min(1).optional(),
  package: z.string().min(1).optional(),
});

const invalid = (field: string, message: string) => fail(workflowError('ValidationFailed', message, { field }));

/** The first day after `years` years from `from` (29 February moves to 1 March). */
const yearsAfter = (from: string, years: number): string => `${Number(from.slice(0, 4)) + years}${from.slice(4)}`;

/**
 * The period and filters of a figures query: a year, or from and to (at most MAX_PERIOD_YEARS
 * years), or nothing for the academic year `today` is in; filters that name a known school, worker or package.
 */
export function periodAndFilters(
  raw: unknown,
  today: string,
  known: { schools: readonly Pick<School, 'id'>[]; staff: readonly Pick<Staff, 'userId'>[]; priceLists: readonly PriceList[] },
): Result<{ period: ReportPeriod; filters: ReportFilters }> {
  const parsed = parseInput(FiguresQueryInput, raw ?? {});
  if (!parsed.ok) return parsed;
  const q = parsed.value;
  let period: ReportPeriod;
  if (q.year !== undefined) {
    if (q.from !== undefined || q.to !== undefined) return invalid('year', 'Give an academic year or a range of dates, not both.');
    period = academicYearPeriod(q.year);
  } else if (q.from !== undefined || q.to !== undefined) {
    if (q.from === undefined) return invalid('from', 'From is required with a date to end on.');
    if (q.to === undefined) return invalid('to', 'To is required with a date to start from.');
    if (q.from > q.to) return invalid('to', 'To must be on or after From.');
    if (q.to >= yearsAfter(q.from, MAX_PERIOD_YEARS)) return invalid('to', `A period can be at most ${MAX_PERIOD_YEARS} years long.`);
    period = dateRangePeriod(q.from, q.to);
  } else {
    period = academicYearPeriod(academicYearOf(today));
  }
  if (q.school !== undefined && !known.schools.some((s) => s.id === q.school)) return invalid('school', 'That school is not on the Schools list.');
  if (q.worker !== undefined && !known.staff.some((s) => s.userId === q.worker)) return invalid('worker', 'That worker is not on the Staff list.');
  if (q.package !== undefined && !known.priceLists.some((l) => l.items.some((i) => i.code === q.package))) {
    return invalid('package', 'That package is not on any price list.');
  }
  return ok({
    period,
    filters: {
      ...(q.school !== undefined ? { schoolId: q.school } : {}),
      ...(q.worker !== undefined ? { workerId: q.worker } : {}),
      ...(q.package !== undefined ? { packageCode: q.package } : {}),
    },
  });
}
