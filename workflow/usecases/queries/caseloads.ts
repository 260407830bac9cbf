import type { Case } from '../../model/case';
import type { Child } from '../../model/child';
import type { Staff } from '../../model/staff';
import type { Versioned } from '../../ports/store';
import { ok, type Result } from '../../result';
import { seesAllCases } from '../../rules/access';
import type { WorkflowDeps } from '../deps';
import { auditRead } from '../support/audit';
import { now } from '../support/time';

/** The actor's open and paused cases; managers and admins see every open case. */
export async function myCases(deps: WorkflowDeps, actor: Staff): Promise<Result<Versioned<Case>[]>> {
  const statuses = ['open', 'paused'] as const;
  const found = await Promise.all(
    statuses.map((status) => (seesAllCases(actor) ? deps.stores.cases.find({ status }) : deps.stores.cases.find({ workerId: actor.userId, status }))),
  );
  return ok(found.flat().sort((a, b) => a.referralDate.localeCompare(b.referralDate)));
}

export interface ListedCase {
  case: Versioned<Case>;
  child: Versioned<Child> | undefined;
}

/** The same date a year earlier (29 February compares correctly as text). */
const yearBefore = (day: string): string => `${String(Number(day.slice(0, 4)) - 1).padStart(4, '0')}${day.slice(4)}`;

/** A day's month counted from year 0, so months can be stepped through as whole numbers. */
const monthIndex = (day: string): number => Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7)) - 1;
const monthAt = (index: number): string => `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;

/** The closedMonth of every month from the one holding `first` to the one holding `last`. */
const monthsBetween = (first: string, last: string): string[] =>
  Array.from({ length: monthIndex(last) - monthIndex(first) + 1 }, (_, k) => monthAt(monthIndex(first) + k));

/**
 * The actor's cases closed in the last 12 months, latest closure first; managers and admins see every one.
 * One indexed query per closure month, sent together: each matches a month's closures, far under SharePoint's
 * list view threshold however long the service has run, where `status eq 'closed'` fails past 5,000 closed cases.
 */
export async function closedCases(deps: WorkflowDeps, actor: Staff): Promise<Result<Versioned<Case>[]>> {
  const today = now(deps).today;
  const since = yearBefore(today);
  const everyone = seesAllCases(actor);
  const found = await Promise.all(
    monthsBetween(since, today).map((closedMonth) => deps.stores.cases.find(everyone ? { closedMonth } : { closedMonth, workerId: actor.userId })),
  );
  const recent = found.flat().filter((c) => c.status === 'closed' && (c.closure?.on ?? '') >= since);
  return ok(recent.sort((a, b) => (b.closure?.on ?? '').localeCompare(a.closure?.on ?? '')));
}

/**
 * The actor's cases as a list shows them, with each child's name: the first `atMost` of
 * myCases, then the first `atMost` closed in the last 12 months. Each case listed is a read of
 * that child's name, so each gets a read entry.
 */
export async function listMyCases(
  deps: WorkflowDeps,
  actor: Staff,
  atMost: number,
): Promise<Result<{ total: number; shown: ListedCase[]; closedTotal: number; closed: ListedCase[] }>> {
  const [found, closed] = await Promise.all([myCases(deps, actor), closedCases(deps, actor)]);
  if (!found.ok) return found;
  if (!closed.ok) return closed;
  const [shown, closedShown] = await Promise.all([withChildren(deps, actor, found.value.slice(0, atMost)), withChildren(deps, actor, closed.value.slice(0, atMost))]);
  return ok({ total: found.value.length, shown, closedTotal: closed.value.length, closed: closedShown });
}

async function withChildren(deps: WorkflowDeps, actor: Staff, cases: Versioned<Case>[]): Promise<ListedCase[]> {
  const children = await Promise.all(cases.map((c) => deps.stores.children.get(c.childId)));
  await Promise.all(cases.map((c) => auditRead(deps, actor, 'case.listed', c.id)));
  return cases.map((c, i) => ({ case: c, child: children[i] }));
}
