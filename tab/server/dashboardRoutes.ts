import express, { type RequestHandler, type Response } from 'express';
import { z } from 'zod';
import { invoicingLines, markInvoiced, requireRole, type InvoicingEntry, type Result, type Staff, type WorkflowDeps } from '../../workflow';
import {
  FiguresQuery,
  InvoicingQuery,
  MarkInvoicedBody,
  type Figures,
  type Invoicing,
  type InvoicingLine,
  type MarkedInvoiced,
} from '../contract/dashboard';
import type { ApiError } from '../contract/api';
import { badInput, refused, send } from './answers';
import { fileStem, sendDownload } from './exports/download';
import { invoicingTable } from './exports/invoicingTable';
import { staffOf } from './signedIn';
import { errorName, type TabLog } from './tabLog';
import { idempotencyKeyRule, validIdempotencyKey } from './uploadKey';

/** Works out the figures of a period (the figures use case: `dashboardFigures`). */
export type FiguresSource = (deps: WorkflowDeps, actor: Staff, query: FiguresQuery) => Promise<Result<Figures>>;

const Format = z.enum(['csv', 'xlsx'], { error: 'format must be csv or xlsx' });
const FiguresExportQuery = FiguresQuery.extend({ format: Format, table: z.string().min(1).default('all') }).strict();
const InvoicingListQuery = InvoicingQuery.strict();
const InvoicingExportQuery = InvoicingQuery.extend({ format: Format }).strict();

const managersOnly = (res: Response, staff: Staff, action: string): boolean => {
  const allowed = requireRole(staff, ['manager', 'admin'], action);
  if (!allowed.ok) refused(res, allowed.error);
  return allowed.ok;
};

/**
 * The manager's view, behind the sign-in (managers and admins; anyone else is refused in words):
 * GET /figures, GET /figures/export, GET /invoicing, GET /invoicing/export, POST /invoicing/mark.
 * `figures`: the figures use case (absent: the figures routes answer 503 saying they are not there yet).
 */
export function dashboardRoutes(workflow: WorkflowDeps, log: TabLog, figures?: FiguresSource): express.Router {
  const router = express.Router();

  const figuresOf = async (res: Response, staff: Staff, query: FiguresQuery): Promise<Figures | undefined> => {
    if (!figures) {
      const body: ApiError = { error: 'The figures are not available on this server yet.', code: 'NotAvailable' };
      res.status(503).json(body);
      return undefined;
    }
    const worked = await workflow.batching.oneAction(() => figures(workflow, staff, query));
    if (!worked.ok) return void refused(res, worked.error);
    return worked.value;
  };

  const showFigures: RequestHandler = async (req, res) => {
    const staff = staffOf(res);
    if (!managersOnly(res, staff, 'see the service\'s figures')) return;
    const query = FiguresQuery.strict().safeParse(req.query);
    if (!query.success) return badInput(res, 'query', query.error);
    const shown = await figuresOf(res, staff, query.data);
    if (shown) send<Figures>(res, shown);
  };

  const exportFigures: RequestHandler = async (req, res) => {
    const staff = staffOf(res);
    if (!managersOnly(res, staff, 'export the service\'s figures')) return;
    const parsed = FiguresExportQuery.safeParse(req.query);
    if (!parsed.success) return badInput(res, 'query', parsed.error);
    const { format, table, ...query } = parsed.data;
    const shown = await figuresOf(res, staff, query);
    if (!shown) return;
    const tables = table === 'all' ? shown.tables : shown.tables.filter((t) => t.id === table);
    if (tables.length === 0) {
      const body: ApiError = { error: `Check the query: table: there is no table "${table}"; the tables are ${shown.tables.map((t) => t.id).join(', ')} (or all).`, code: 'ValidationFailed' };
      return void res.status(400).json(body);
    }
    const stem = fileStem('outreach-figures', query.year ?? shown.period.label, table === 'all' ? '' : table);
    await download(res, log, () => sendDownload(res, format, stem, tables, `Outreach figures: ${shown.period.label}`), 'figures');
  };

  const invoicingOf = async (res: Response, staff: Staff, query: InvoicingQuery): Promise<Invoicing | undefined> => {
    const listed = await workflow.batching.oneAction(() => invoicingLines(workflow, staff, query));
    if (!listed.ok) return void refused(res, listed.error);
    return { lines: listed.value.lines.map(contractLine), totals: listed.value.totals, canMark: listed.value.canMark };
  };

  const showInvoicing: RequestHandler = async (req, res) => {
    const staff = staffOf(res);
    if (!managersOnly(res, staff, 'see the invoicing list')) return;
    const query = InvoicingListQuery.safeParse(req.query);
    if (!query.success) return badInput(res, 'query', query.error);
    const invoicing = await invoicingOf(res, staff, query.data);
    if (invoicing) send<Invoicing>(res, invoicing);
  };

  const exportInvoicing: RequestHandler = async (req, res) => {
    const staff = staffOf(res);
    if (!managersOnly(res, staff, 'export the invoicing list')) return;
    const parsed = InvoicingExportQuery.safeParse(req.query);
    if (!parsed.success) return badInput(res, 'query', parsed.error);
    const { format, ...query } = parsed.data;
    const invoicing = await invoicingOf(res, staff, query);
    if (!invoicing) return;
    const year = query.year ?? 'all-years';
    const title = `Invoicing ${query.year ?? 'all years'} (${query.status})`;
    await download(res, log, () => sendDownload(res, format, fileStem('outreach-invoicing', year, query.status), [invoicingTable(invoicing, title)], title), 'invoicing');
  };

  const mark: RequestHandler = async (req, res) => {
    const staff = staffOf(res);
    if (!managersOnly(res, staff, 'mark lines invoiced')) return;
    const given = req.get('idempotency-key');
    if (given !== undefined && !validIdempotencyKey(given)) {
      const body: ApiError = { error: idempotencyKeyRule, code: 'ValidationFailed' };
      return void res.status(400).json(body);
    }
    const body = MarkInvoicedBody.safeParse(req.body);
    if (!body.success) return badInput(res, 'body', body.error);
    const done = await markInvoiced(workflow, staff, body.data.lineIds, given);
    if (!done.ok) return refused(res, done.error);
    log.info({ marked: done.value.marked, alreadyInvoiced: done.value.alreadyInvoiced }, 'invoicing lines marked');
    send<MarkedInvoiced>(res, done.value);
  };

  router.get('/figures', showFigures);
  router.get('/figures/export', exportFigures);
  router.get('/invoicing', showInvoicing);
  router.get('/invoicing/export', exportInvoicing);
  router.post('/invoicing/mark', express.json({ limit: '64kb' }), mark);
  return router;
}

/** A download, its failure logged (by the error's name): a 500 in words if nothing was sent yet, else the download cut short. */
async function download(res: Response, log: TabLog, write: () => Promise<void>, what: string): Promise<void> {
  try {
    await write();
  } catch (error) {
    log.error({ export: what, ...errorName(error) }, 'export failed');
    if (!res.headersSent) {
      const body: ApiError = { error: 'The export could not be made just now. Try again in a moment.' };
      res.status(500).json(body);
    } else {
      res.destroy();
    }
  }
}

function contractLine(l: InvoicingEntry): InvoicingLine {
  return {
    id: l.id,
    kind: l.kind,
    schoolId: l.schoolId,
    schoolName: l.schoolName,
    ...(l.purchaseOrderNumber !== undefined ? { purchaseOrderNumber: l.purchaseOrderNumber } : {}),
    packageName: l.packageName,
    financialYear: l.financialYear,
    ...(l.caseReference !== undefined ? { caseReference: l.caseReference } : {}),
    ...(l.hoursOver !== undefined ? { hoursOver: l.hoursOver } : {}),
    ...(l.ratePerHour !== undefined ? { ratePerHour: l.ratePerHour } : {}),
    amount: l.amount,
    invoiced: l.invoiced,
    ...(l.invoicedOn !== undefined ? { invoicedOn: l.invoicedOn } : {}),
    ...(l.invoicedBy !== undefined ? { invoicedBy: l.invoicedBy } : {}),
  };
}
