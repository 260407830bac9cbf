import { isRealIsoDate } from '../calendar/calendarDate';
import { readableDate } from '../calendar/showDates';
import { academicYearOf, financialYearOf, isYearSpan } from '../calendar/years';
import type { Case } from '../model/case';

/** The dates the figures cover, both included: an academic year (1 September to 31 August) or any range. */
export interface ReportPeriod {
  readonly label: string;
  readonly from: string;
  readonly to: string;
  /** Set when the period is exactly one academic year, e.g. "2025-26". */
  readonly academicYear?: string;
}

/** "2025-26": 1 September 2025 to 31 August 2026. Throws on a year not written like "2025-26". */
export function academicYearPeriod(year: string): ReportPeriod {
  if (!isYearSpan(year)) throw new RangeError(`not an academic year like 2025-26: ${year}`);
  const start = Number(year.slice(0, 4));
  return { label: `Academic year ${year}`, from: `${start}-09-01`, to: `${start + 1}-08-31`, academicYear: year };
}

/** Any range of dates; a range that is exactly an academic year is named as one. Throws on bad dates or `from` after `to`. */
export function dateRangePeriod(from: string, to: string): ReportPeriod {
  if (!isRealIsoDate(from) || !isRealIsoDate(to)) throw new RangeError(`not dates written YYYY-MM-DD: ${from}, ${to}`);
  if (from > to) throw new RangeError(`the period starts after it ends: ${from} to ${to}`);
  const year = academicYearPeriod(academicYearOf(from));
  if (year.from === from && year.to === to) return year;
  return { label: `${readableDate(from)} to ${readableDate(to)}`, from, to };
}

export const inPeriod = (date: string, p: ReportPeriod): boolean => date >= p.from && date <= p.to;

/** Open at any time in the period: referred by its end and not closed before its start. */
export const openDuringPeriod = (c: Pick<Case, 'referralDate' | 'closure'>, p: ReportPeriod): boolean =>
  c.referralDate <= p.to && (c.closure === undefined || c.closure.on >= p.from);

/** Still open when the period ends (a case closed on the last day is closed). */
export const openAtEnd = (c: Pick<Case, 'referralDate' | 'closure'>, p: ReportPeriod): boolean =>
  c.referralDate <= p.to && (c.closure === undefined || c.closure.on > p.to);

export const referredInPeriod = (c: Pick<Case, 'referralDate'>, p: ReportPeriod): boolean => inPeriod(c.referralDate, p);

export const closedInPeriod = (c: Pick<Case, 'closure'>, p: ReportPeriod): boolean => c.closure !== undefined && inPeriod(c.closure.on, p);

/** The financial years (April to March) the period touches, earliest first. */
export function financialYearsOf(p: ReportPeriod): string[] {
  const first = Number(financialYearOf(p.from).slice(0, 4));
  const last = Number(financialYearOf(p.to).slice(0, 4));
  const years: string[] = [];
  for (let y = first; y <= last; y += 1) years.push(`${y}-${String((y + 1) % 100).padStart(2, '0')}`);
  return years;
}

/** The academic years from the one holding `from` to the one holding `to`, earliest first. */
export function academicYearsBetween(from: string, to: string): string[] {
  const first = Number(academicYearOf(from).slice(0, 4));
  const last = Number(academicYearOf(to).slice(0, 4));
  const years: string[] = [];
  for (let y = first; y <= last; y += 1) years.push(`${y}-${String((y + 1) % 100).padStart(2, '0')}`);
  return years;
}
