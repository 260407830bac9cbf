import { IDEMPOTENCY_COLUMN, PAYLOAD_COLUMN, lists } from '../../graph/sharepoint/listDefinitions';
import { closedMonthOf, type Case, type NewItem } from '../../workflow';
import { freshCase } from '../contract/samples';

const DAY_MS = 86_400_000;
/** Closures spread over eight years before `today`, as a service that has run that long. */
const HISTORY_DAYS = 8 * 365;

const dayBefore = (today: string, days: number): string => new Date(Date.parse(`${today}T00:00:00Z`) - days * DAY_MS).toISOString().slice(0, 10);
const reference = (n: number): string => `OC-${String(18 + (n % 9)).padStart(2, '0')}-${n.toString(36).toUpperCase().padStart(5, '0')}`;

/**
 * A long-running service's Cases list: `total` cases shared round-robin by `workers`, one in 25
 * open, one in 100 paused, the rest closed on days spread over eight years up to `today`.
 * `from` numbers them on from an earlier batch (references and keys stay unique).
 */
export function manyCases(total: number, workers: readonly string[], today: string, from = 0): NewItem<Case>[] {
  return Array.from({ length: total }, (_, k) => {
    const n = from + k;
    const base = { ...freshCase(), reference: reference(n), referralKey: `caseload-seed-${n}`, workerId: workers[n % workers.length] as string };
    if (n % 25 === 0) return { ...base, status: 'open' };
    if (n % 100 === 1) return { ...base, status: 'paused' };
    const on = dayBefore(today, (n * 7919) % HISTORY_DAYS);
    return { ...base, status: 'closed', step: 10, closure: { on, by: base.workerId, how: 'review-ended' }, closedMonth: closedMonthOf(on) };
  });
}

/** The Cases list items the SharePoint adapter would write for these cases (for bulk loading into the embedded Graph). */
export function caseListItems(cases: readonly NewItem<Case>[]): Record<string, string | null>[] {
  const { indexed, title } = lists.cases;
  return cases.map((c) => {
    const record = c as unknown as Record<string, unknown>;
    const columns = Object.fromEntries(indexed.map((i) => [i.column, record[i.field] === undefined ? null : String(record[i.field])]));
    return { Title: String(record[title]), [IDEMPOTENCY_COLUMN]: c.referralKey, [PAYLOAD_COLUMN]: JSON.stringify(c), ...columns };
  });
}
