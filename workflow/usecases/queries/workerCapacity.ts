import type { Case } from '../../model/case';
import type { Staff } from '../../model/staff';
import type { Versioned } from '../../ports/store';
import { ok, type Result } from '../../result';
import { hasRole, requireRole } from '../../rules/access';
import { capacityWindow, freeCapacity, freeCapacityReason, isOverCapacity, type CapacityWindow, type CaseCommitmentInput, type FreeCapacity } from '../../rules/freeCapacity';
import type { WorkflowDeps } from '../deps';
import { caseLedgerOf } from '../packages/caseLedger';
import { calendarForSchool } from '../support/calendarFor';
import { now } from '../support/time';

export interface WorkerLoad {
  worker: Staff;
  /** Cases open and not paused. */
  openCases: number;
  pausedCases: number;
  capacityHours: number;
  /** Hours free this half-term; undefined when the term dates do not cover today. */
  free: FreeCapacity | undefined;
  overCapacity: boolean;
  /** Why the worker stands where they do, in plain words: "18 h free this half-term (…)". */
  reason: string;
}

const plural = (n: number, one: string): string => `${n} ${one}${n === 1 ? '' : 's'}`;

/** Package hours left on an open case; undefined with no package drawn on (or a ledger that cannot be worked out). */
async function hoursLeftOn(deps: WorkflowDeps, c: Versioned<Case>): Promise<number | undefined> {
  if (c.status !== 'open' || c.purchaseIds.length === 0) return undefined;
  const ledger = await caseLedgerOf(deps, c);
  return ledger.ok ? ledger.value.totals.left : undefined;
}

async function commitmentsOf(deps: WorkflowDeps, cases: readonly Versioned<Case>[]): Promise<CaseCommitmentInput[]> {
  const left = await Promise.all(cases.map((c) => hoursLeftOn(deps, c)));
  return cases.map((c, i) => ({
    status: c.status === 'paused' ? 'paused' : 'open',
    ...(c.contractInForce ? { contract: { startDate: c.contractInForce.startDate, supportEnds: c.contractInForce.supportEnds } } : {}),
    hoursLeft: left[i],
  }));
}

/**
 * For allocation: each active worker's free hours this half-term (the authority's default term
 * dates), most free first; ties go to fewer open cases, then by name. Without term dates for
 * today, the open cases and weekly hours alone, fewest cases first.
 */
export async function workerLoads(deps: WorkflowDeps, actor: Staff): Promise<Result<WorkerLoad[]>> {
  const allowed = requireRole(actor, ['manager', 'admin'], 'see every worker\'s load');
  if (!allowed.ok) return allowed;
  const calendar = calendarForSchool(deps, {});
  const window: Result<CapacityWindow> = calendar.ok ? capacityWindow(calendar.value, now(deps).today) : calendar;
  const staff = (await deps.stores.staff.find({ active: true })).filter((s) => hasRole(s, 'worker'));
  const loads = await Promise.all(
    staff.map(async (worker): Promise<WorkerLoad> => {
      const [open, paused] = await Promise.all([
        deps.stores.cases.find({ workerId: worker.userId, status: 'open' }),
        deps.stores.cases.find({ workerId: worker.userId, status: 'paused' }),
      ]);
      const base = { worker, openCases: open.length, pausedCases: paused.length, capacityHours: worker.capacityHours };
      if (!calendar.ok || !window.ok) {
        const reason = `${plural(open.length, 'open case')}, ${worker.capacityHours} h a week (no term dates for today, so free time is not worked out)`;
        return { ...base, free: undefined, overCapacity: false, reason };
      }
      const free = freeCapacity(calendar.value, window.value, worker.capacityHours, await commitmentsOf(deps, [...open, ...paused]));
      return { ...base, free, overCapacity: isOverCapacity(free), reason: freeCapacityReason(free) };
    }),
  );
  return ok(loads.sort(mostFreeFirst));
}

const mostFreeFirst = (a: WorkerLoad, b: WorkerLoad): number =>
  (b.free?.free ?? 0) - (a.free?.free ?? 0) || a.openCases - b.openCases || a.worker.displayName.localeCompare(b.worker.displayName);
