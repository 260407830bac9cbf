/**
 * Hours and money are added up in whole hundredths (hundredths of an hour, pence), so sums
 * never drift; figures leave the ledger rounded to 2 decimal places.
 */
export const toHundredths = (n: number): number => Math.round(n * 100);
export const fromHundredths = (n: number): number => n / 100;

/** Pence for `hundredthsOfHour` hours at `poundsPerHour`, rounded to the nearest penny. */
export const pencePerHours = (hundredthsOfHour: number, poundsPerHour: number): number =>
  Math.round((hundredthsOfHour * toHundredths(poundsPerHour)) / 100);
