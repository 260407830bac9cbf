import { financialYearOf } from '../../calendar';
import { workflowError } from '../../errors';
import type { Case } from '../../model/case';
import type { Purchase } from '../../model/purchase';
import type { CaseRecord } from '../../model/records';
import { ledgerForCase, type CaseLedger, type LedgerTimeEntry } from '../../packages';
import { fail, ok, type Result } from '../../result';
import type { WorkflowDeps } from '../deps';

/**
 * The hours a record puts on the ledger: a time entry's, and a support session's as direct work
 * (the session is its own time entry, one record, so its hours are counted once).
 */
export function ledgerEntryOf(r: Pick<CaseRecord, 'id' | 'body'>): LedgerTimeEntry | undefined {
  if (r.body.kind === 'time') return { id: r.id, date: r.body.on, hours: r.body.hours, activity: r.body.activity };
  if (r.body.kind === 'support-session') return { id: r.id, date: r.body.deliveredOn, hours: r.body.hours, activity: 'direct-work' };
  return undefined;
}

/**
 * Bought / used / left for a case, from its purchases (in the order attached), its time entries and its support sessions.
 * `records`: the case's records when the caller has just read them (no second read).
 */
export async function caseLedgerOf(
  deps: WorkflowDeps,
  c: Pick<Case, 'id' | 'purchaseIds' | 'referralDate'>,
  records?: readonly Pick<CaseRecord, 'id' | 'body'>[],
): Promise<Result<CaseLedger>> {
  const [purchases, read] = await Promise.all([
    Promise.all(c.purchaseIds.map((id) => deps.stores.purchases.get(id))),
    records ?? deps.stores.records.find({ caseId: c.id }),
  ]);
  const drawn = purchases.filter((p): p is NonNullable<typeof p> & Purchase => Boolean(p));
  const year = drawn[0]?.financialYear ?? financialYearOf(c.referralDate);
  const priceList = deps.config.priceLists.find((l) => l.financialYear === year);
  if (!priceList) return fail(workflowError('PackageNotOnPriceList', `There is no price list for ${year}.`));
  const entries = read
    .flatMap((r) => {
      const entry = ledgerEntryOf(r);
      return entry ? [entry] : [];
    })
    .sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id, undefined, { numeric: true }));
  return ok(ledgerForCase(drawn, entries, priceList));
}
