import { daysBetween } from '../calendar/calendarDate';
import { londonDate } from '../calendar/londonTime';
import type { Case } from '../model/case';
import type { Contract } from '../model/contract';
import type { CaseRecord } from '../model/records';
import { mean, median } from './numbers';

/** The bands the waits are counted in, in days. */
export const waitBands = [
  { key: 'days-0-7', label: '0 to 7 days', upTo: 7 },
  { key: 'days-8-14', label: '8 to 14 days', upTo: 14 },
  { key: 'days-15-28', label: '15 to 28 days', upTo: 28 },
  { key: 'days-29-plus', label: '29 days or more', upTo: Number.POSITIVE_INFINITY },
] as const;
export type WaitBand = (typeof waitBands)[number]['key'];

export interface Waits {
  /** Cases with the event recorded. */
  readonly count: number;
  /** Cases referred in the period without it (yet). */
  readonly without: number;
  readonly median: number;
  readonly mean: number;
  readonly bands: Readonly<Record<WaitBand, number>>;
}

/** The first visit: the earliest observation or home visit (or Teams call) recorded. */
export function firstVisitOf(records: readonly CaseRecord[]): string | undefined {
  const dates = records.flatMap((r) => {
    if (r.body.kind === 'observation') return [r.body.observedOn];
    if (r.body.kind === 'home-visit') return [r.body.heldOn];
    return [];
  });
  return dates.sort()[0];
}

/** The day the first contract was approved (its first approving decision, London date). */
export function firstContractApprovedOn(contracts: readonly Contract[]): string | undefined {
  const days = contracts.flatMap((k) => k.decisions.filter((d) => d.outcome === 'approved').map((d) => londonDate(new Date(d.at))));
  return days.sort()[0];
}

/** Days from each case's referral to the date `eventOf` finds, in bands, with the median and mean. */
export function waits(cases: readonly Case[], eventOf: (c: Case) => string | undefined): Waits {
  const days: number[] = [];
  for (const c of cases) {
    const on = eventOf(c);
    if (on !== undefined) days.push(Math.max(0, daysBetween(c.referralDate, on)));
  }
  const bands: Record<WaitBand, number> = { 'days-0-7': 0, 'days-8-14': 0, 'days-15-28': 0, 'days-29-plus': 0 };
  for (const d of days) {
    const band = waitBands.find((b) => d <= b.upTo) ?? waitBands[waitBands.length - 1];
    if (band) bands[band.key] += 1;
  }
  return { count: days.length, without: cases.length - days.length, median: median(days), mean: mean(days), bands };
}
