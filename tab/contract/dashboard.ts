/**
 * The manager's view as both sides read it: the service's figures as tables (each drawn as a
 * chart and shown as an accessible table), their exports, and the invoicing list. Imports zod only.
 */
import { z } from 'zod';
import { apiBase } from './api';

export const dashboardRoutes = {
  /** GET ?year|from&to&school&worker&package: the figures of a period (managers and admins). */
  figures: `${apiBase}/figures`,
  /** GET ?format=csv|xlsx&table=<table id>|all plus the figures' query: a download. */
  figuresExport: `${apiBase}/figures/export`,
  /** GET ?status=to-invoice|invoiced|all&year=<financial year>: what to invoice, and what was. */
  invoicing: `${apiBase}/invoicing`,
  /** GET ?format=csv|xlsx plus the invoicing query: a download. */
  invoicingExport: `${apiBase}/invoicing/export`,
  /** POST { lineIds }: mark lines invoiced (a line already invoiced is counted, never invoiced twice). */
  markInvoiced: `${apiBase}/invoicing/mark`,
} as const;

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2026-09-01');

/** Query of GET /figures (and its export). A year (academic, "2025-26") or a date range; the rest narrow it. */
export const FiguresQuery = z.object({
  year: z.string().regex(/^\d{4}-\d{2}$/, 'must be an academic year like 2025-26').optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  school: z.string().min(1).optional(),
  worker: z.string().min(1).optional(),
  package: z.string().min(1).optional(),
});
export type FiguresQuery = z.infer<typeof FiguresQuery>;

/** How a column's numbers read: counts, percentages (0-100, one decimal), hours, pounds, days. */
export const ColumnKind = z.enum(['text', 'count', 'percent', 'hours', 'money', 'days']);
export type ColumnKind = z.infer<typeof ColumnKind>;

export const FigureColumn = z.object({ key: z.string(), label: z.string(), kind: ColumnKind });
export type FigureColumn = z.infer<typeof FigureColumn>;

/** How the table is drawn: `label` names the column of category labels, `series` the number columns. */
export const ChartSpec = z.object({
  kind: z.enum(['bar', 'stacked-bar', 'horizontal-bar', 'doughnut', 'line']),
  label: z.string(),
  series: z.array(z.string()).min(1),
});
export type ChartSpec = z.infer<typeof ChartSpec>;

export const FigureTable = z.object({
  /** Stable id: the export's `table` parameter and the sheet's name. */
  id: z.string().regex(/^[a-z0-9-]+$/),
  title: z.string(),
  /** One sentence saying what is counted and how (shown under the title, and as the table's caption). */
  description: z.string(),
  columns: z.array(FigureColumn).min(1),
  rows: z.array(z.record(z.string(), z.union([z.string(), z.number(), z.null()]))),
  /** A totals row, when adding up makes sense. */
  total: z.record(z.string(), z.union([z.string(), z.number(), z.null()])).optional(),
  chart: ChartSpec.optional(),
});
export type FigureTable = z.infer<typeof FigureTable>;

/** A headline number above the charts ("Pupils supported: 68"). */
export const Headline = z.object({ id: z.string(), label: z.string(), value: z.number(), kind: ColumnKind, note: z.string().optional() });
export type Headline = z.infer<typeof Headline>;

const Option = z.object({ value: z.string(), label: z.string() });

export const Figures = z.object({
  period: z.object({ label: z.string(), from: IsoDate, to: IsoDate }),
  /** The filters' choices: academic years with data, schools, workers, packages. */
  options: z.object({ years: z.array(Option), schools: z.array(Option), workers: z.array(Option), packages: z.array(Option) }),
  headlines: z.array(Headline),
  tables: z.array(FigureTable),
  /** When the figures were worked out (an ISO instant). */
  computedAt: z.string(),
});
export type Figures = z.infer<typeof Figures>;

export const InvoicingQuery = z.object({
  status: z.enum(['to-invoice', 'invoiced', 'all']).default('to-invoice'),
  /** A financial year like 2026-27. */
  year: z.string().regex(/^\d{4}-\d{2}$/, 'must be a financial year like 2026-27').optional(),
});
export type InvoicingQuery = z.infer<typeof InvoicingQuery>;

export const InvoicingLine = z.object({
  /** Stable: the same hours over (or purchase) always has the same id, so marking twice is harmless. */
  id: z.string(),
  kind: z.enum(['overrun', 'purchase']),
  schoolId: z.string(),
  schoolName: z.string(),
  purchaseOrderNumber: z.string().optional(),
  packageName: z.string(),
  financialYear: z.string(),
  /** Overrun: the case's reference (never the child's name). */
  caseReference: z.string().optional(),
  hoursOver: z.number().optional(),
  ratePerHour: z.number().optional(),
  amount: z.number(),
  invoiced: z.boolean(),
  invoicedOn: IsoDate.optional(),
  invoicedBy: z.string().optional(),
});
export type InvoicingLine = z.infer<typeof InvoicingLine>;

export const Invoicing = z.object({
  lines: z.array(InvoicingLine),
  totals: z.object({ toInvoice: z.number(), invoiced: z.number() }),
  /** Managers and admins may mark lines invoiced. */
  canMark: z.boolean(),
});
export type Invoicing = z.infer<typeof Invoicing>;

export const MarkInvoicedBody = z.object({ lineIds: z.array(z.string().min(1)).min(1, 'name at least one line').max(500) });
export type MarkInvoicedBody = z.infer<typeof MarkInvoicedBody>;

export const MarkedInvoiced = z.object({ marked: z.number().int(), alreadyInvoiced: z.number().int(), message: z.string() });
export type MarkedInvoiced = z.infer<typeof MarkedInvoiced>;
