/**
 * The service's financial year runs April to March and is written "2025-26".
 * Kept here (not in workflow/calendar) so the package ledger stands on its own.
 */
const isoDatePattern = /^(\d{4})-(\d{2})-\d{2}$/;
const financialYearPattern = /^(\d{4})-(\d{2})$/;

const twoDigits = (n: number): string => String(n % 100).padStart(2, '0');

/** "2025-26" for any date from 2025-04-01 to 2026-03-31. */
export function financialYearOf(isoDate: string): string {
  const match = isoDatePattern.exec(isoDate);
  if (!match) throw new RangeError(`not a date written YYYY-MM-DD: ${isoDate}`);
  const year = Number(match[1]);
  const month = Number(match[2]);
  const startYear = month >= 4 ? year : year - 1;
  return `${startYear}-${twoDigits(startYear + 1)}`;
}

/** True for "2025-26"; false for "2025-27", "2025/26" or "2025". */
export function isFinancialYear(s: string): boolean {
  const match = financialYearPattern.exec(s);
  if (!match) return false;
  return twoDigits(Number(match[1]) + 1) === match[2];
}
