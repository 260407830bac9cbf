/** UK financial years (1 April to 31 March), written "2026-27". */

export function financialYearOf(date: Date): string {
  const year = date.getMonth() >= 3 ? date.getFullYear() : date.getFullYear() - 1;
  return `${year}-${String((year + 1) % 100).padStart(2, '0')}`;
}

/** The year to show first: today's if there is one, else the latest. */
export function defaultYear(years: readonly string[], today: Date): string | undefined {
  const current = financialYearOf(today);
  if (years.includes(current)) return current;
  return [...years].sort().at(-1);
}
