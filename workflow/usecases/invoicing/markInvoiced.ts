import { z } from 'zod';
import { VersionConflict, workflowError } from '../../errors';
import { fail, ok, type Result } from '../../result';
import { requireRole } from '../../rules/access';
import { counted, listed } from '../../words';
import type { WorkflowDeps } from '../deps';
import { audit } from '../support/audit';
import { parseInput } from '../support/input';
import { now } from '../support/time';
import type { Staff } from '../../model/staff';
import { allInvoicingLines, type InvoicingEntry } from './invoicingLines';

export const MarkInvoicedInput = z.object({ lineIds: z.array(z.string().min(1)).min(1, 'name at least one line').max(500) });

export interface InvoicesMarked {
  /** Lines this request marked invoiced. */
  marked: number;
  /** Lines named that were invoiced already (by an earlier click, or by someone else meanwhile). */
  alreadyInvoiced: number;
  message: string;
}

/** Tries at an update of a purchase's invoice status before giving up (each after re-reading it). */
const STATUS_ATTEMPTS = 3;

/**
 * Marks lines of the invoicing list invoiced (managers and admins). Each line becomes one Invoice
 * item whose idempotency key comes from the line, so a double click, a retry or two managers at
 * once invoice it once; a purchase's invoice status becomes "invoiced" (If-Match, re-read on a
 * conflict). Every line named is checked before anything is written: an unknown line, or one whose
 * hours changed since the list was read, refuses the whole request and says which.
 */
export async function markInvoiced(deps: WorkflowDeps, actor: Staff, lineIds: unknown, requestKey?: string): Promise<Result<InvoicesMarked>> {
  const allowed = requireRole(actor, ['manager', 'admin'], 'mark lines invoiced');
  if (!allowed.ok) return allowed;
  const input = parseInput(MarkInvoicedInput, { lineIds });
  if (!input.ok) return input;
  const all = await allInvoicingLines(deps);
  if (!all.ok) return all;

  const byId = new Map(all.value.map((l) => [l.id, l]));
  const named = [...new Set(input.value.lineIds)];
  const missing = named.filter((id) => !byId.has(id));
  if (missing.length > 0) return fail(notOnList(missing, all.value));

  const { at, today } = now(deps);
  let marked = 0;
  let already = 0;
  let amount = 0;
  for (const line of named.map((id) => byId.get(id)).filter((l): l is InvoicingEntry => l !== undefined)) {
    if (line.invoiced) {
      already += 1;
      // An invoice kept while its purchase's status was not yet changed (a failure between the two) is finished now.
      if (line.purchaseId) await statusInvoiced(deps, line.purchaseId);
      continue;
    }
    const { item, created } = await deps.stores.invoices.create(
      {
        lineId: line.id,
        kind: line.kind,
        schoolId: line.schoolId,
        financialYear: line.financialYear,
        ...(line.purchaseId ? { purchaseId: line.purchaseId } : {}),
        ...(line.caseId ? { caseId: line.caseId } : {}),
        ...(line.kind === 'overrun' ? { fromHours: line.fromHours ?? 0, hours: line.hoursOver ?? 0 } : {}),
        ...(line.ratePerHour !== undefined ? { ratePerHour: line.ratePerHour } : {}),
        amount: line.amount,
        invoicedOn: today,
        invoicedBy: actor.userId,
        invoicedAt: at,
      },
      line.invoiceKey,
    );
    if (line.purchaseId) {
      const done = await statusInvoiced(deps, line.purchaseId);
      if (!done.ok) return done;
    }
    if (!created) {
      already += 1;
      continue;
    }
    marked += 1;
    amount += Math.round(item.amount * 100);
    await audit(deps, actor, 'invoice.marked', item.caseId, item.lineId, {
      lineId: item.lineId,
      invoiceId: item.id,
      ...(item.purchaseId ? { purchaseId: item.purchaseId } : {}),
      ...(requestKey ? { requestKey } : {}),
    });
  }
  return ok({ marked, alreadyInvoiced: already, message: sentence(marked, already, amount / 100) });
}

/** The purchase's invoice status set to invoiced, unless it is already (or paid): re-read and re-checked when someone changed it meanwhile. */
async function statusInvoiced(deps: WorkflowDeps, purchaseId: string): Promise<Result<void>> {
  for (let attempt = 0; attempt < STATUS_ATTEMPTS; attempt += 1) {
    const purchase = await deps.stores.purchases.get(purchaseId);
    if (!purchase || purchase.invoiceStatus !== 'not-invoiced') return ok(undefined);
    try {
      await deps.stores.purchases.update(purchase.id, { invoiceStatus: 'invoiced' }, purchase.etag);
      return ok(undefined);
    } catch (error) {
      if (!(error instanceof VersionConflict)) throw error;
    }
  }
  return fail(workflowError('ConcurrentChange', `Purchase ${purchaseId} kept changing while it was being marked invoiced: its invoice is kept; mark it again in a moment to finish.`));
}

function notOnList(missing: readonly string[], lines: readonly InvoicingEntry[]) {
  const stale = missing.filter((id) => {
    const [kind, caseId, year] = id.split(':');
    return kind === 'overrun' && lines.some((l) => l.kind === 'overrun' && l.caseId === caseId && l.financialYear === year);
  });
  if (stale.length > 0) {
    return workflowError(
      'ConcurrentChange',
      `The hours of ${listed(stale)} changed since the invoicing list was read: nothing was marked. Reload the list and mark again.`,
      { field: 'lineIds' },
    );
  }
  return workflowError('NotFound', `${listed(missing)} ${missing.length === 1 ? 'is' : 'are'} not on the invoicing list: nothing was marked.`, { field: 'lineIds' });
}

const pounds = (n: number): string => `£${n.toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

function sentence(marked: number, already: number, amount: number): string {
  const done = marked > 0 ? `${counted(marked, 'line')} marked invoiced (${pounds(amount)}).` : 'Nothing new was marked invoiced.';
  return already > 0 ? `${done} ${counted(already, 'line')} ${already === 1 ? 'was' : 'were'} invoiced already, and not again.` : done;
}
