import { yearAndMonth } from './calendarDate';

/** "2025-26" for a year that starts in 2025. */
const yearSpan = (startYear: number): string => `${startYear}-${String((startYear + 1) % 100).padStart(2, '0')}`;

/** The UK financial year (1 April to 31 March) a date falls in, e.g. "2025-26". Throws on a malformed date. */
export const financialYearOf = (date: string): string => {
  const { year, month } = yearAndMonth(date);
  return yearSpan(month >= 4 ? year : year - 1);
};

/** The academic year (1 September to 31 August) a date falls in, e.g. "2025-26". Throws on a malformed date. */
export const academicYearOf = (date: string): string => {
  const { year, month } = yearAndMonth(date);
  return yearSpan(month >= 9 ? year : year - 1);
};

/** The year after "2025-26": "2026-27". */
export const followingYear = (span: string): string => yearSpan(Number(span.slice(0, 4)) + 1);

/** Whether `span` is written like "2025-26", the second year following the first. */
export const isYearSpan = (span: string): boolean => /^\d{4}-\d{2}$/.test(span) && yearSpan(Number(span.slice(0, 4))) === span;
