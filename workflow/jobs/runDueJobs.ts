import type { Job, JobKind } from '../model/job';
import type { JobQueue } from '../ports/jobQueue';
import type { Versioned } from '../ports/store';
import type { WorkflowDeps } from '../usecases/deps';

/** What a handler says: done, or to be run again at a later time (e.g. a Teams link still pending). */
export type JobOutcome = { done: true } | { retryAt: Date };
/** Does a job's work; must be safe to run again (a crash between the work and `settle` runs it twice). */
export type JobHandler = (deps: WorkflowDeps, job: Job) => Promise<JobOutcome>;
export type JobHandlers = Record<JobKind, JobHandler>;

export interface TickReport {
  due: number;
  claimed: number;
  done: number;
  later: number;
  retried: number;
  failed: number;
}

/** How long a claim holds: longer than any handler runs, short enough for another instance to take over soon after a crash. */
export const LEASE_MINUTES = 5;
/** Jobs taken in one tick (the rest wait for the next). */
export const JOBS_PER_TICK = 50;
/** Failures before a job is marked failed (shown, never dropped). */
export const MAX_ATTEMPTS = 6;

/** 1, 2, 4, 8... minutes after a failure, at most an hour. */
export const backoffMinutes = (attempts: number): number => Math.min(60, 2 ** Math.max(0, attempts - 1));

/**
 * One tick: the jobs due are claimed (one update each under the version read, so of several
 * instances only one wins a job), run, and settled. A job due while the app was down is simply
 * due: it runs once, however many ticks were missed.
 */
export async function runDueJobs(deps: WorkflowDeps, queue: JobQueue, handlers: JobHandlers, owner: string): Promise<TickReport> {
  const now = deps.clock.now();
  const due = await queue.due(now, JOBS_PER_TICK);
  const leaseUntil = new Date(now.getTime() + LEASE_MINUTES * 60_000);
  const claimed = (await Promise.all(due.map((job) => queue.claim(job, owner, leaseUntil, now)))).filter((j): j is Versioned<Job> => j !== undefined);
  const outcomes = await Promise.all(claimed.map((job) => runOne(deps, queue, handlers, job)));
  const count = (o: Settled) => outcomes.filter((x) => x === o).length;
  return { due: due.length, claimed: claimed.length, done: count('done'), later: count('later'), retried: count('retried'), failed: count('failed') };
}

type Settled = 'done' | 'later' | 'retried' | 'failed';

async function runOne(deps: WorkflowDeps, queue: JobQueue, handlers: JobHandlers, job: Versioned<Job>): Promise<Settled> {
  if (job.attempts >= MAX_ATTEMPTS) {
    // Its runs keep dying with their instance (each left its lease to expire): not tried again.
    await queue.settle(job, { status: 'failed', dueAt: job.dueAt, attempts: job.attempts, lastError: job.lastError ?? 'LeaseExpired' }, deps.clock.now());
    return 'failed';
  }
  let outcome: JobOutcome;
  try {
    outcome = await handlers[job.kind](deps, job);
  } catch (error) {
    const attempts = job.attempts + 1;
    const lastError = errorName(error);
    const at = deps.clock.now();
    if (attempts >= MAX_ATTEMPTS) {
      await queue.settle(job, { status: 'failed', dueAt: job.dueAt, attempts, lastError }, at);
      return 'failed';
    }
    await queue.settle(job, { status: 'queued', dueAt: new Date(at.getTime() + backoffMinutes(attempts) * 60_000).toISOString(), attempts, lastError }, at);
    return 'retried';
  }
  const at = deps.clock.now();
  if ('retryAt' in outcome) {
    await queue.settle(job, { status: 'queued', dueAt: outcome.retryAt.toISOString(), attempts: job.attempts }, at);
    return 'later';
  }
  await queue.settle(job, { status: 'done', dueAt: job.dueAt, attempts: job.attempts }, at);
  return 'done';
}

/** An error's name and code: enough to see what failed, with no request or response bodies (no child's data). */
function errorName(error: unknown): string {
  if (!(error instanceof Error)) return typeof error;
  const code = (error as { code?: unknown; statusCode?: unknown }).code ?? (error as { statusCode?: unknown }).statusCode;
  return `${error.name}${code !== undefined ? ` ${String(code)}` : ''}`.slice(0, 200);
}
