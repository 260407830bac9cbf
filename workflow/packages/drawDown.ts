import type { PriceList, PriceListItem } from '../model/priceList';
import type { Purchase } from '../model/purchase';
import type { TimeActivity } from './timeActivity';
import { toHundredths } from './units';

/** The part of a time entry the ledger needs. */
export interface LedgerTimeEntry {
  readonly id: string;
  readonly date: string;
  readonly hours: number;
  readonly activity: TimeActivity;
}

/** How one time entry was paid for, in hundredths of an hour. */
export interface EntryDraw {
  readonly entryId: string;
  readonly date: string;
  readonly activity: TimeActivity;
  /** Hours that count toward what was bought (0 for travel unless the price list turns it on). */
  readonly counted: number;
  readonly parts: readonly { readonly purchaseId: string; readonly hours: number }[];
  readonly overrun: number;
}

export const countsTowardHours = (activity: TimeActivity, priceList: PriceList): boolean =>
  activity !== 'travel' || priceList.travelCountsTowardHours;

/**
 * The purchases an activity may draw on, in the order to draw them: first those whose item is
 * dedicated to the activity (Parent Support for parent-support), then general ones; each group
 * in the order the purchases were attached. A purchase whose code is not on the price list is
 * treated as general.
 */
export function drawOrder(activity: TimeActivity, purchases: readonly Purchase[], priceList: PriceList): Purchase[] {
  const itemOf = (p: Purchase): PriceListItem | undefined => priceList.items.find((i) => i.code === p.packageCode);
  const dedicated = purchases.filter((p) => itemOf(p)?.drawsFor?.includes(activity) === true);
  const general = purchases.filter((p) => itemOf(p)?.drawsFor === undefined);
  return [...dedicated, ...general];
}

/** Stable by date: entries of the same day keep the order they were given in. */
const byDate = (entries: readonly LedgerTimeEntry[]): LedgerTimeEntry[] =>
  entries
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => (a.entry.date < b.entry.date ? -1 : a.entry.date > b.entry.date ? 1 : a.index - b.index))
    .map(({ entry }) => entry);

/**
 * Draws each entry's counted hours from the purchases, filling the first before the next; an
 * entry may split across purchases; what no purchase can cover is overrun. Works in hundredths.
 */
export function drawDown(
  purchases: readonly Purchase[],
  entries: readonly LedgerTimeEntry[],
  priceList: PriceList,
): { draws: EntryDraw[]; usedByPurchase: ReadonlyMap<string, number> } {
  const used = new Map<string, number>(purchases.map((p) => [p.id, 0]));
  const draws = byDate(entries).map((entry): EntryDraw => {
    const counted = countsTowardHours(entry.activity, priceList) ? toHundredths(entry.hours) : 0;
    let wanted = counted;
    const parts: { purchaseId: string; hours: number }[] = [];
    for (const purchase of drawOrder(entry.activity, purchases, priceList)) {
      if (wanted === 0) break;
      const already = used.get(purchase.id) ?? 0;
      const take = Math.min(wanted, toHundredths(purchase.hours) - already);
      if (take <= 0) continue;
      used.set(purchase.id, already + take);
      parts.push({ purchaseId: purchase.id, hours: take });
      wanted -= take;
    }
    return { entryId: entry.id, date: entry.date, activity: entry.activity, counted, parts, overrun: wanted };
  });
  return { draws, usedByPurchase: used };
}
