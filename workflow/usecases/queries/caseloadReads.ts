import type { Case, CaseStatus } from '../../model/case';
import type { Child } from '../../model/child';
import type { CaseRecord } from '../../model/records';
import type { Staff } from '../../model/staff';
import type { Versioned } from '../../ports/store';
import { hasRole, seesAllCases } from '../../rules/access';
import type { WorkflowDeps } from '../deps';
import { caseLedgerOf } from '../packages/caseLedger';
import { groupBy } from './caseloadOrder';

/* The caseload's reads beyond the whole-list ones: which cases, the children's names, the hours. */

export type ListedStatus = 'active' | 'open' | 'paused' | 'closed' | 'all';
export type RecordsOf = (caseId: string) => Promise<Versioned<CaseRecord>[]>;

export interface Found {
  case: Versioned<Case>;
  asDsl: boolean;
}

/**
 * The cases the actor may list with this status. Closed ones are those closed in the last 12
 * months, found month by month (a query on status "closed" fails past SharePoint's threshold).
 * The DSL's cases with a concern: the Records list has no index on the flag, so the records of
 * each case not already listed are read (one query per case, sent together as $batch).
 */
export async function casesListed(
  deps: WorkflowDeps,
  actor: Staff,
  status: ListedStatus,
  worker: string | undefined,
  today: string,
  recordsOf: RecordsOf,
): Promise<Found[]> {
  const open: CaseStatus[] = status === 'active' || status === 'all' ? ['open', 'paused'] : status === 'closed' ? [] : [status];
  const closed = status === 'closed' || status === 'all';
  const find = (who: string | undefined) =>
    Promise.all([
      ...open.map((s) => deps.stores.cases.find(who ? { status: s, workerId: who } : { status: s })),
      ...(closed ? closedMonthsSince(today).map((m) => deps.stores.cases.find(who ? { closedMonth: m, workerId: who } : { closedMonth: m })) : []),
    ]).then((found) => dedupe(found.flat().filter((c) => open.includes(c.status) || (closed && c.status === 'closed' && (c.closure?.on ?? '') >= yearBefore(today)))));
  if (seesAllCases(actor)) return (await find(worker)).map((c) => ({ case: c, asDsl: false }));
  const own = hasRole(actor, 'worker') ? await find(actor.userId) : [];
  if (!hasRole(actor, 'dsl')) return own.map((c) => ({ case: c, asDsl: false }));
  const ownIds = new Set(own.map((c) => c.id));
  const others = (await find(undefined)).filter((c) => !ownIds.has(c.id));
  const concerns = await Promise.all(others.map(async (c) => (await recordsOf(c.id)).some((r) => r.safeguarding)));
  return [...own.map((c) => ({ case: c, asDsl: false })), ...others.filter((_, i) => concerns[i]).map((c) => ({ case: c, asDsl: true }))];
}

const yearBefore = (day: string): string => `${String(Number(day.slice(0, 4)) - 1).padStart(4, '0')}${day.slice(4)}`;

/** The closedMonth (YYYY-MM) of every month from a year before `today` to today's. */
function closedMonthsSince(today: string): string[] {
  const index = (day: string) => Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7)) - 1;
  const first = index(yearBefore(today));
  return Array.from({ length: index(today) - first + 1 }, (_, k) => `${String(Math.floor((first + k) / 12)).padStart(4, '0')}-${String(((first + k) % 12) + 1).padStart(2, '0')}`);
}

const dedupe = <T extends { id: string }>(items: T[]): T[] => [...new Map(items.map((i) => [i.id, i])).values()];

/** From this many cases at one school, its children are read with one query (by the indexed SchoolId) rather than one by one. */
const CHILDREN_BY_SCHOOL_FROM = 20;

/**
 * The child's name of each case, by case id. A few cases: each child read by id (sent together as
 * $batch). Many at one school (a search or a sort over the whole caseload): that school's children
 * in one query, a child not found there (moved school since) read by id.
 */
export async function childNames(deps: WorkflowDeps, cases: readonly Case[]): Promise<Map<string, string>> {
  const bySchool = groupBy(cases, (c) => c.schoolId);
  const children = new Map<string, Child>();
  await Promise.all(
    [...bySchool].filter(([, some]) => some.length >= CHILDREN_BY_SCHOOL_FROM).map(async ([schoolId]) => {
      for (const child of await deps.stores.children.find({ schoolId })) children.set(child.id, child);
    }),
  );
  await Promise.all(
    cases.filter((c) => !children.has(c.childId)).map(async (c) => {
      const child = await deps.stores.children.get(c.childId);
      if (child) children.set(child.id, child);
    }),
  );
  return new Map(cases.map((c) => {
    const child = children.get(c.childId);
    return [c.id, child ? `${child.firstName} ${child.lastName}` : ''];
  }));
}

/** null: the case draws on no package yet, or its ledger cannot be worked out. */
export async function hoursOf(deps: WorkflowDeps, c: Versioned<Case>, recordsOf: RecordsOf): Promise<{ bought: number; used: number; left: number } | null> {
  if (c.purchaseIds.length === 0) return null;
  const ledger = await caseLedgerOf(deps, c, await recordsOf(c.id));
  return ledger.ok ? { bought: ledger.value.totals.bought, used: ledger.value.totals.used, left: ledger.value.totals.left } : null;
}
