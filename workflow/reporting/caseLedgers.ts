import { financialYearOf } from '../calendar/years';
import type { Case } from '../model/case';
import type { PriceList } from '../model/priceList';
import type { Purchase } from '../model/purchase';
import { ledgerForCase, type CaseLedger, type LedgerTimeEntry } from '../packages/caseLedger';
import { ledgerEntryOf } from '../usecases/packages/caseLedger';
import type { ReportIndex } from './scope';

/**
 * A case's ledger worked out as the case's card works it out (usecases/packages/caseLedger):
 * its purchases in the order attached, its time entries and support sessions in date order, the
 * price list of its first purchase's financial year. `upTo`: only entries dated on or before it.
 * Undefined when there is no price list for that year.
 */
export function caseLedgerFor(c: Case, index: ReportIndex, priceLists: readonly PriceList[], upTo?: string): CaseLedger | undefined {
  const purchases = c.purchaseIds.map((id) => index.purchaseById.get(id)).filter((p): p is Purchase => p !== undefined);
  const year = purchases[0]?.financialYear ?? financialYearOf(c.referralDate);
  const priceList = priceLists.find((l) => l.financialYear === year);
  if (!priceList) return undefined;
  const entries = (index.recordsByCase.get(c.id) ?? [])
    .flatMap((r): LedgerTimeEntry[] => {
      const entry = ledgerEntryOf(r);
      return entry && (upTo === undefined || entry.date <= upTo) ? [entry] : [];
    })
    .sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id, undefined, { numeric: true }));
  return ledgerForCase(purchases, entries, priceList);
}
