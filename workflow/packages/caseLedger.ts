import type { PriceList } from '../model/priceList';
import type { Purchase } from '../model/purchase';
import { drawDown, type LedgerTimeEntry } from './drawDown';
import type { TimeActivity } from './timeActivity';
import { fromHundredths, toHundredths } from './units';

export type { LedgerTimeEntry } from './drawDown';

/** Bought / used / left of one purchase a case draws on, in hours. */
export interface PurchaseUsage {
  readonly purchaseId: string;
  readonly schoolId: string;
  readonly packageCode: string;
  readonly financialYear: string;
  readonly bought: number;
  readonly used: number;
  readonly left: number;
}

/** How one time entry was paid for, in hours. */
export interface EntryAllocation {
  readonly entryId: string;
  readonly date: string;
  readonly activity: TimeActivity;
  /** Hours that count toward what was bought (0 for travel unless the price list turns it on). */
  readonly countedHours: number;
  readonly parts: readonly { readonly purchaseId: string; readonly hours: number }[];
  /** Hours no purchase covered: allowed, flagged, and invoiced at the consultancy rate. */
  readonly overrunHours: number;
}

export interface UsageTotals {
  readonly bought: number;
  /** Hours drawn from purchases plus overrun. */
  readonly used: number;
  readonly drawn: number;
  readonly overrun: number;
  /** Bought hours not yet drawn. */
  readonly left: number;
}

export interface CaseLedger {
  readonly purchases: readonly PurchaseUsage[];
  readonly entries: readonly EntryAllocation[];
  readonly totals: UsageTotals;
  /** used / bought (above 1 once overrun); 1 when hours were used but none bought; 0 when neither. */
  readonly usedFraction: number;
}

export const usedFractionOf = (totals: Pick<UsageTotals, 'bought' | 'used'>): number => {
  if (totals.bought > 0) return totals.used / totals.bought;
  return totals.used > 0 ? 1 : 0;
};

/**
 * The ledger of one case: `purchases` in the order they were attached to it, `entries` its time
 * entries (drawn in date order), `priceList` for travel and which items pay for which activity.
 */
export function ledgerForCase(
  purchases: readonly Purchase[],
  entries: readonly LedgerTimeEntry[],
  priceList: PriceList,
): CaseLedger {
  const { draws, usedByPurchase } = drawDown(purchases, entries, priceList);

  const purchaseLines = purchases.map((p): PurchaseUsage => {
    const bought = toHundredths(p.hours);
    const used = usedByPurchase.get(p.id) ?? 0;
    return {
      purchaseId: p.id,
      schoolId: p.schoolId,
      packageCode: p.packageCode,
      financialYear: p.financialYear,
      bought: fromHundredths(bought),
      used: fromHundredths(used),
      left: fromHundredths(bought - used),
    };
  });

  const entryLines = draws.map(
    (d): EntryAllocation => ({
      entryId: d.entryId,
      date: d.date,
      activity: d.activity,
      countedHours: fromHundredths(d.counted),
      parts: d.parts.map((part) => ({ purchaseId: part.purchaseId, hours: fromHundredths(part.hours) })),
      overrunHours: fromHundredths(d.overrun),
    }),
  );

  const sum = (ns: number[]): number => ns.reduce((a, b) => a + b, 0);
  const bought = sum(purchases.map((p) => toHundredths(p.hours)));
  const drawn = sum([...usedByPurchase.values()]);
  const overrun = sum(draws.map((d) => d.overrun));
  const totals: UsageTotals = {
    bought: fromHundredths(bought),
    used: fromHundredths(drawn + overrun),
    drawn: fromHundredths(drawn),
    overrun: fromHundredths(overrun),
    left: fromHundredths(bought - drawn),
  };
  return { purchases: purchaseLines, entries: entryLines, totals, usedFraction: usedFractionOf(totals) };
}
