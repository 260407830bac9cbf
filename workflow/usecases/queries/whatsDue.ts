import { plusDays } from '../../calendar/calendarDate';
import { londonInstant } from '../../calendar';
import type { Case } from '../../model/case';
import type { Job, JobKind } from '../../model/job';
import type { Staff } from '../../model/staff';
import type { Versioned } from '../../ports/store';
import { ok, type Result } from '../../result';
import { requireRole, seesAllCases } from '../../rules/access';
import type { WorkflowDeps } from '../deps';
import { calendarForSchool } from '../support/calendarFor';
import { now } from '../support/time';

/** How far ahead the `due` card looks. */
export const dueSchoolDays = 10;
/** Jobs read at most (the card shows fewer, and says how many there are). */
const readAtMost = 200;

export interface DueJob {
  id: string;
  kind: JobKind;
  dueAt: string;
  /** The case it is for (reference only: never a child's name). */
  caseId?: string;
  reference?: string;
  schoolId?: string;
  /** Attempts so far and the last error's name: a job that gave up, or one failed before and to be tried again. */
  attempts?: number;
  lastError?: string;
  /** Its time has passed and it waits for the next tick (after downtime, or a tick that failed). */
  overdue?: boolean;
}

export interface WhatsDue {
  /** The last day looked at (London date): the 10th school day from today, on the authority's calendar. */
  until: string;
  /** Jobs queued from the start of today (so any overdue shows) until the end of `until`, earliest first. */
  due: DueJob[];
  /** Jobs that gave up (managers and admins only; empty for a worker). */
  failed: DueJob[];
  /** Whether there were more queued jobs than were read. */
  more: boolean;
}

/**
 * What the product will do by itself in the next 10 school days (the `due` card): managers and
 * admins see every job, a worker only those on their own cases (a job for no case, e.g. one per
 * school, is the managers'). Managers also see the jobs that gave up, so none fails silently.
 */
export async function whatsDue(deps: WorkflowDeps, actor: Staff): Promise<Result<WhatsDue>> {
  const allowed = requireRole(actor, ['manager', 'admin', 'worker'], 'see the work due');
  if (!allowed.ok) return allowed;
  const { today } = now(deps);
  const until = lastDayLookedAt(deps, today);
  const from = londonInstant(today, '00:00');
  const at = deps.clock.now().toISOString();
  const to = londonInstant(plusDays(until, 1), '00:00');
  const everyone = seesAllCases(actor);
  const [queued, failed] = await Promise.all([deps.jobs.upcoming(from, to, readAtMost), everyone ? deps.jobs.failed(readAtMost) : Promise.resolve([])]);
  const cases = await casesOf(deps, [...queued, ...failed]);
  const shown = (job: Job): boolean => everyone || cases.get(caseIdOf(job) ?? '')?.workerId === actor.userId;
  const describe = (job: Versioned<Job>): DueJob => {
    const caseId = caseIdOf(job);
    const reference = caseId === undefined ? undefined : cases.get(caseId)?.reference;
    const schoolId = job.payload.schoolId;
    return {
      id: job.id,
      kind: job.kind,
      dueAt: job.dueAt,
      ...(caseId ? { caseId } : {}),
      ...(reference ? { reference } : {}),
      ...(schoolId ? { schoolId } : {}),
      ...(job.status === 'failed' || job.lastError ? { attempts: job.attempts, lastError: job.lastError ?? 'unknown' } : {}),
      ...(job.status === 'queued' && job.dueAt < at ? { overdue: true } : {}),
    };
  };
  return ok({
    until,
    due: queued.filter(shown).map(describe),
    failed: failed.map(describe).sort((a, b) => b.dueAt.localeCompare(a.dueAt)),
    more: queued.length >= readAtMost,
  });
}

const caseIdOf = (job: Job): string | undefined => job.payload.caseId;

/** The 10th school day from today on the authority's calendar; two weeks when the calendar does not reach that far. */
function lastDayLookedAt(deps: WorkflowDeps, today: string): string {
  const calendar = calendarForSchool(deps, {});
  const day = calendar.ok ? calendar.value.addSchoolDays(today, dueSchoolDays) : undefined;
  return day?.ok ? day.value : plusDays(today, 14);
}

/** Each case the jobs are for, read once. */
async function casesOf(deps: WorkflowDeps, jobs: readonly Job[]): Promise<Map<string, Versioned<Case>>> {
  const ids = [...new Set(jobs.map(caseIdOf).filter((id): id is string => id !== undefined))];
  const found = await Promise.all(ids.map((id) => deps.stores.cases.get(id)));
  return new Map(found.filter((c): c is Versioned<Case> => c !== undefined).map((c) => [c.id, c]));
}
