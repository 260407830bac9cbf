import { fromHundredths, toHundredths } from '../packages/units';

/** `part` of `whole` as a percentage 0-100 to one decimal place; 0 when there is nothing to divide by. */
export const percentOf = (part: number, whole: number): number => (whole <= 0 ? 0 : Math.round((part * 1000) / whole) / 10);

/** One decimal place. */
export const oneDecimal = (n: number): number => Math.round(n * 10) / 10;

/** The middle value (the mean of the two middle ones for an even count), one decimal; 0 for none. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const middle = sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
  return oneDecimal(middle);
}

/** The mean, one decimal; 0 for none. */
export const mean = (values: readonly number[]): number =>
  values.length === 0 ? 0 : oneDecimal(values.reduce((a, b) => a + b, 0) / values.length);

/** Hours or pounds added up in hundredths, so the sum never drifts (two decimals out). */
export const sumHundredths = (values: readonly number[]): number => fromHundredths(values.reduce((a, v) => a + toHundredths(v), 0));

/** Adds to a running tally kept in hundredths under `key`. */
export function addTo(tally: Map<string, number>, key: string, value: number): void {
  tally.set(key, (tally.get(key) ?? 0) + toHundredths(value));
}
