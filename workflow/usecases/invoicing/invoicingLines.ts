import { z } from 'zod';
import { financialYearOf } from '../../calendar';
import type { Case } from '../../model/case';
import type { Invoice } from '../../model/invoice';
import type { PriceList } from '../../model/priceList';
import type { Purchase } from '../../model/purchase';
import { invoicingList, ledgerForCase, type CaseForInvoicing } from '../../packages';
import { fromHundredths, pencePerHours, toHundredths } from '../../packages/units';
import { storeServiceHistory, type HistorySnapshot } from '../../ports/serviceHistory';
import { ok, type Result } from '../../result';
import { requireRole } from '../../rules/access';
import type { UseCase, WorkflowDeps } from '../deps';
import { parseInput } from '../support/input';
import { ledgerEntryOf } from '../packages/caseLedger';
import { overrunInvoiceKey, overrunLineId, purchaseInvoiceKey, purchaseLineId } from './lineIds';

/** One line of the invoicing list (the contract's InvoicingLine, and what marking it needs). */
export interface InvoicingEntry {
  readonly id: string;
  readonly kind: 'overrun' | 'purchase';
  readonly schoolId: string;
  readonly schoolName: string;
  readonly purchaseOrderNumber?: string;
  readonly packageName: string;
  readonly financialYear: string;
  readonly caseId?: string;
  /** Overrun: the case's reference, never the child's name. */
  readonly caseReference?: string;
  readonly purchaseId?: string;
  readonly hoursOver?: number;
  readonly ratePerHour?: number;
  /** Pounds. */
  readonly amount: number;
  readonly invoiced: boolean;
  readonly invoicedOn?: string;
  /** The display name of who marked it (their user id when no longer on the Staff list). */
  readonly invoicedBy?: string;
  /** To mark it: the invoice's idempotency key, and (overrun) where its stretch of hours starts. */
  readonly invoiceKey: string;
  readonly fromHours?: number;
}

export const InvoicingLinesQuery = z.object({
  status: z.enum(['to-invoice', 'invoiced', 'all']).default('to-invoice'),
  year: z.string().regex(/^\d{4}-\d{2}$/, 'must be a financial year like 2026-27').optional(),
});
export type InvoicingLinesQuery = z.input<typeof InvoicingLinesQuery>;

export interface InvoicingLines {
  lines: InvoicingEntry[];
  /** Pounds, over the year asked for (every status). */
  totals: { toInvoice: number; invoiced: number };
  canMark: boolean;
}

/**
 * What to invoice and what was (managers and admins): every purchase, and every case's hours over
 * what was bought per financial year at that year's consultancy rate, less what was marked invoiced.
 */
export const invoicingLines: UseCase<unknown, InvoicingLines> = async (deps, actor, raw) => {
  const allowed = requireRole(actor, ['manager', 'admin'], 'see the invoicing list');
  if (!allowed.ok) return allowed;
  const query = parseInput(InvoicingLinesQuery, raw ?? {});
  if (!query.ok) return query;
  const all = await allInvoicingLines(deps);
  if (!all.ok) return all;
  const { status, year } = query.value;
  const ofYear = all.value.filter((l) => !year || l.financialYear === year);
  const sum = (lines: InvoicingEntry[]): number => fromHundredths(lines.reduce((total, l) => total + toHundredths(l.amount), 0));
  const shown = ofYear.filter((l) => status === 'all' || (status === 'invoiced') === l.invoiced);
  return ok({
    lines: shown,
    totals: { toInvoice: sum(ofYear.filter((l) => !l.invoiced)), invoiced: sum(ofYear.filter((l) => l.invoiced)) },
    canMark: true,
  });
};

/** Every line, invoiced or not, worked out from one read of the service's history and the Invoices list. */
export async function allInvoicingLines(deps: WorkflowDeps): Promise<Result<InvoicingEntry[]>> {
  const history = deps.history ?? storeServiceHistory(deps.stores);
  const [snapshot, invoices, schools, staff] = await Promise.all([
    history.read(),
    deps.stores.invoices.list(),
    deps.stores.schools.list(),
    deps.stores.staff.list(),
  ]);
  const schoolName = new Map(schools.map((s) => [s.id, s.name]));
  const staffName = new Map(staff.map((s) => [s.userId, s.displayName]));
  const named = (schoolId: string): string => schoolName.get(schoolId) ?? 'A school no longer on the Schools list';
  const marked = (invoice: Invoice | undefined) =>
    invoice ? { invoiced: true, invoicedOn: invoice.invoicedOn, invoicedBy: staffName.get(invoice.invoicedBy) ?? invoice.invoicedBy } : { invoiced: false };

  const cases = casesForInvoicing(snapshot, deps.config.priceLists);
  // Purchases already invoiced are listed too (invoicingList lists only those not invoiced).
  const unmarked = snapshot.purchases.map((p) => ({ ...p, invoiceStatus: 'not-invoiced' as const }));
  const base = invoicingList(cases, unmarked, deps.config.priceLists);
  if (!base.ok) return base;

  const purchaseById = new Map(snapshot.purchases.map((p) => [p.id, p]));
  const caseById = new Map(snapshot.cases.map((c) => [c.id, c]));
  const invoiceByLine = new Map(invoices.map((i) => [i.lineId, i]));
  const overrunCommon = (caseId: string, schoolId: string, financialYear: string) => {
    const c = caseById.get(caseId);
    const drawn = (c?.purchaseIds ?? []).flatMap((id) => purchaseById.get(id) ?? []);
    return {
      kind: 'overrun' as const,
      schoolId,
      schoolName: named(schoolId),
      ...purchaseOrderOf(drawn),
      packageName: overrunName(drawn, deps.config.priceLists),
      financialYear,
      caseId,
      ...(c ? { caseReference: c.reference } : {}),
    };
  };
  const lines: InvoicingEntry[] = [];
  for (const line of base.value) {
    if (line.kind === 'purchase') {
      const id = purchaseLineId(line.purchaseId);
      const invoice = invoiceByLine.get(id);
      const purchase = purchaseById.get(line.purchaseId);
      // Invoiced by hand before the list kept invoices: shown invoiced, without when or by whom.
      const byHand = !invoice && purchase !== undefined && purchase.invoiceStatus !== 'not-invoiced';
      lines.push({
        id,
        kind: 'purchase',
        schoolId: line.schoolId,
        schoolName: named(line.schoolId),
        ...(line.purchaseOrderNumber !== undefined ? { purchaseOrderNumber: line.purchaseOrderNumber } : {}),
        packageName: line.packageName,
        financialYear: line.financialYear,
        purchaseId: line.purchaseId,
        amount: line.amount,
        ...(byHand ? { invoiced: true } : marked(invoice)),
        invoiceKey: purchaseInvoiceKey(line.purchaseId),
      });
      continue;
    }
    const total = toHundredths(line.hours);
    const invoicedTo = invoicedOverrunTo(invoices, line.caseId, line.financialYear);
    if (total <= invoicedTo) continue;
    const hours = total - invoicedTo;
    lines.push({
      ...overrunCommon(line.caseId, line.schoolId, line.financialYear),
      id: overrunLineId(line.caseId, line.financialYear, invoicedTo, total),
      hoursOver: fromHundredths(hours),
      ratePerHour: line.ratePerHour,
      amount: fromHundredths(pencePerHours(hours, line.ratePerHour)),
      invoiced: false,
      invoiceKey: overrunInvoiceKey(line.caseId, line.financialYear, invoicedTo),
      fromHours: fromHundredths(invoicedTo),
    });
  }
  // The stretches of overrun already invoiced, as they were invoiced.
  for (const invoice of invoices) {
    if (invoice.kind !== 'overrun' || invoice.caseId === undefined) continue;
    const from = toHundredths(invoice.fromHours ?? 0);
    lines.push({
      ...overrunCommon(invoice.caseId, invoice.schoolId, invoice.financialYear),
      id: invoice.lineId,
      hoursOver: invoice.hours ?? 0,
      ...(invoice.ratePerHour !== undefined ? { ratePerHour: invoice.ratePerHour } : {}),
      amount: invoice.amount,
      ...marked(invoice),
      invoiceKey: overrunInvoiceKey(invoice.caseId, invoice.financialYear, from),
      fromHours: fromHundredths(from),
    });
  }
  return ok(lines.sort(byYearSchoolThenLine));
}

const byYearSchoolThenLine = (a: InvoicingEntry, b: InvoicingEntry): number =>
  a.financialYear.localeCompare(b.financialYear) || a.schoolName.localeCompare(b.schoolName) || a.id.localeCompare(b.id, undefined, { numeric: true });

/** Where the invoiced stretches of a case's overrun in a year end (hundredths of an hour). */
function invoicedOverrunTo(invoices: readonly Invoice[], caseId: string, financialYear: string): number {
  return invoices
    .filter((i) => i.kind === 'overrun' && i.caseId === caseId && i.financialYear === financialYear)
    .reduce((to, i) => Math.max(to, toHundredths(i.fromHours ?? 0) + toHundredths(i.hours ?? 0)), 0);
}

/** Each case's ledger from the snapshot (as caseLedgerOf works it out, without reading again). */
function casesForInvoicing(snapshot: HistorySnapshot, priceLists: readonly PriceList[]): CaseForInvoicing[] {
  const purchaseById = new Map(snapshot.purchases.map((p) => [p.id, p]));
  const entriesByCase = new Map<string, NonNullable<ReturnType<typeof ledgerEntryOf>>[]>();
  for (const r of snapshot.records) {
    const entry = ledgerEntryOf(r);
    if (!entry) continue;
    const list = entriesByCase.get(r.caseId) ?? [];
    list.push(entry);
    entriesByCase.set(r.caseId, list);
  }
  return snapshot.cases.flatMap((c: Case) => {
    const entries = (entriesByCase.get(c.id) ?? []).sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id, undefined, { numeric: true }));
    if (entries.length === 0) return [];
    const drawn = c.purchaseIds.flatMap((id) => purchaseById.get(id) ?? []);
    const year = drawn[0]?.financialYear ?? financialYearOf(c.referralDate);
    const priceList = priceLists.find((l) => l.financialYear === year);
    if (!priceList) return [];
    return [{ caseId: c.id, schoolId: c.schoolId, ledger: ledgerForCase(drawn, entries, priceList) }];
  });
}

/** The purchase order the school gave for the packages the case draws on (the latest one given). */
function purchaseOrderOf(drawn: readonly Purchase[]): { purchaseOrderNumber?: string } {
  const po = [...drawn].reverse().find((p) => p.purchaseOrderNumber !== undefined)?.purchaseOrderNumber;
  return po !== undefined ? { purchaseOrderNumber: po } : {};
}

function overrunName(drawn: readonly Purchase[], priceLists: readonly PriceList[]): string {
  const names = drawn.map((p) => priceLists.find((l) => l.financialYear === p.financialYear)?.items.find((i) => i.code === p.packageCode)?.name ?? p.packageCode);
  return names.length > 0 ? `Hours over ${[...new Set(names)].join(' + ')}` : 'Hours with no package bought';
}
