/** The invoicing page's filter (in the hash's query), its financial years, and what a selection adds up to. */
import { InvoicingQuery, type InvoicingLine } from '../../../../contract/dashboard';

export type InvoicingView = InvoicingQuery;

export function invoicingViewFromSearch(search: string): InvoicingView {
  const params = new URLSearchParams(search.replace(/^\?/, ''));
  const status = InvoicingQuery.shape.status.safeParse(params.get('status') ?? undefined);
  const year = InvoicingQuery.shape.year.safeParse(params.get('year') ?? undefined);
  return { status: status.success ? status.data : 'to-invoice', ...(year.success && year.data ? { year: year.data } : {}) };
}

export function searchOfInvoicingView(view: InvoicingView): string {
  const params = new URLSearchParams();
  if (view.status !== 'to-invoice') params.set('status', view.status);
  if (view.year) params.set('year', view.year);
  const s = params.toString();
  return s ? `?${s}` : '';
}

/** The UK financial year a day falls in: 1 April to 31 March, written "2026-27". */
export function financialYearOf(day: Date): string {
  const start = day.getUTCMonth() >= 3 ? day.getUTCFullYear() : day.getUTCFullYear() - 1;
  return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
}

/** This financial year and the three before, plus any year the lines (or the filter) name; newest first. */
export function yearChoices(now: Date, lines: readonly InvoicingLine[], chosen?: string): string[] {
  const current = Number(financialYearOf(now).slice(0, 4));
  const years = new Set<string>([0, 1, 2, 3].map((back) => financialYearOf(new Date(Date.UTC(current - back, 5, 1)))));
  for (const line of lines) years.add(line.financialYear);
  if (chosen) years.add(chosen);
  return [...years].sort().reverse();
}

/** The lines that can still be marked. */
export const markable = (lines: readonly InvoicingLine[]): InvoicingLine[] => lines.filter((l) => !l.invoiced);

/** The chosen lines that are still to invoice, and their amount (pence added as whole numbers, no float drift). */
export function selectionOf(lines: readonly InvoicingLine[], selected: ReadonlySet<string>): { ids: string[]; count: number; total: number } {
  const chosen = markable(lines).filter((l) => selected.has(l.id));
  const pence = chosen.reduce((sum, l) => sum + Math.round(l.amount * 100), 0);
  return { ids: chosen.map((l) => l.id), count: chosen.length, total: pence / 100 };
}

export const statusLabels: Record<InvoicingView['status'], string> = { 'to-invoice': 'To invoice', invoiced: 'Invoiced', all: 'All' };
