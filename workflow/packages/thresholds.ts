import type { UsageTotals } from './caseLedger';
import { toHundredths } from './units';

/** The usage warnings, in percent of the hours bought. Configuration-like: change here, not in the rules. */
export const usageWarningThresholds = [80, 100] as const;
export type UsageWarningThreshold = (typeof usageWarningThresholds)[number];

/** Whether `percent`% of the bought hours are used; compared in whole hundredths, so 80% is 80%, not 79.999...%. */
const reached = (totals: Pick<UsageTotals, 'bought' | 'used'>, percent: number): boolean => {
  const bought = toHundredths(totals.bought);
  const used = toHundredths(totals.used);
  if (bought === 0) return used > 0;
  return used * 100 >= bought * percent;
};

/**
 * The warnings a change (a new time entry) crosses: reached after but not before. So each
 * warning is sent once, when it is crossed, and not again for every entry after it.
 */
export function thresholdsCrossed(
  before: Pick<UsageTotals, 'bought' | 'used'>,
  after: Pick<UsageTotals, 'bought' | 'used'>,
): UsageWarningThreshold[] {
  return usageWarningThresholds.filter((percent) => !reached(before, percent) && reached(after, percent));
}
