import { workflowError } from '../errors';
import type { PriceList } from '../model/priceList';
import type { Purchase } from '../model/purchase';
import { fail, ok, type Result } from '../result';
import type { CaseLedger } from './caseLedger';
import { financialYearOf } from './financialYear';
import { fromHundredths, pencePerHours, toHundredths } from './units';

/** Hours a case used beyond what was bought, charged at the consultancy rate of the year they were worked. */
export interface OverrunInvoiceLine {
  readonly kind: 'overrun';
  readonly schoolId: string;
  readonly caseId: string;
  readonly financialYear: string;
  readonly hours: number;
  readonly ratePerHour: number;
  /** Pounds. */
  readonly amount: number;
}

/** A purchase not yet invoiced. */
export interface PurchaseInvoiceLine {
  readonly kind: 'purchase';
  readonly schoolId: string;
  readonly purchaseId: string;
  readonly packageCode: string;
  /** The item's name on that year's price list, or the code if the list no longer has it. */
  readonly packageName: string;
  readonly financialYear: string;
  readonly purchaseOrderNumber?: string;
  /** Pounds. */
  readonly amount: number;
}

export type InvoiceLine = OverrunInvoiceLine | PurchaseInvoiceLine;

export interface CaseForInvoicing {
  readonly caseId: string;
  readonly schoolId: string;
  readonly ledger: CaseLedger;
}

/**
 * What to invoice: every case's overrun (per financial year of the time worked) at that year's
 * consultancy rate, then every purchase whose invoice status is "not-invoiced". Fails when
 * overrun falls in a year with no price list, since there is no rate to charge.
 */
export function invoicingList(
  cases: readonly CaseForInvoicing[],
  purchases: readonly Purchase[],
  priceLists: readonly PriceList[],
): Result<InvoiceLine[]> {
  const listFor = (year: string): PriceList | undefined => priceLists.find((l) => l.financialYear === year);
  const lines: InvoiceLine[] = [];

  for (const c of cases) {
    const overrunByYear = new Map<string, number>();
    for (const entry of c.ledger.entries) {
      if (entry.overrunHours <= 0) continue;
      const year = financialYearOf(entry.date);
      overrunByYear.set(year, (overrunByYear.get(year) ?? 0) + toHundredths(entry.overrunHours));
    }
    for (const [financialYear, hundredths] of [...overrunByYear.entries()].sort(([a], [b]) => a.localeCompare(b))) {
      const list = listFor(financialYear);
      if (!list) {
        return fail(
          workflowError('NotFound', `There is no price list for ${financialYear}, so case ${c.caseId}'s extra hours cannot be priced.`, {
            field: 'financialYear',
          }),
        );
      }
      lines.push({
        kind: 'overrun',
        schoolId: c.schoolId,
        caseId: c.caseId,
        financialYear,
        hours: fromHundredths(hundredths),
        ratePerHour: list.consultancyRatePerHour,
        amount: fromHundredths(pencePerHours(hundredths, list.consultancyRatePerHour)),
      });
    }
  }

  for (const p of purchases) {
    if (p.invoiceStatus !== 'not-invoiced') continue;
    const item = listFor(p.financialYear)?.items.find((i) => i.code === p.packageCode);
    lines.push({
      kind: 'purchase',
      schoolId: p.schoolId,
      purchaseId: p.id,
      packageCode: p.packageCode,
      packageName: item?.name ?? p.packageCode,
      financialYear: p.financialYear,
      ...(p.purchaseOrderNumber !== undefined ? { purchaseOrderNumber: p.purchaseOrderNumber } : {}),
      amount: p.price,
    });
  }
  return ok(lines);
}
