import type { Job } from '../model/job';

/**
 * When a job can next be taken: a queued job at its due time, a running one when its lease
 * expires (its instance may have died), a done or failed one never. One time per job, so that a
 * store can find every job ready to run with one range query on one indexed column.
 */
export function runnableAt(job: Pick<Job, 'status' | 'dueAt' | 'leaseUntil'>): string | undefined {
  if (job.status === 'queued') return job.dueAt;
  if (job.status === 'running') return job.leaseUntil ?? job.dueAt;
  return undefined;
}

/** Whether the job may be claimed at `now`. */
export function isRunnable(job: Pick<Job, 'status' | 'dueAt' | 'leaseUntil'>, now: Date): boolean {
  const at = runnableAt(job);
  return at !== undefined && Date.parse(at) <= now.getTime();
}

/** Earliest first by when they can be taken (instants compared as times: `…:00Z` and `…:00.000Z` are the same). */
export const byRunnableAt = (a: Pick<Job, 'status' | 'dueAt' | 'leaseUntil'>, b: Pick<Job, 'status' | 'dueAt' | 'leaseUntil'>): number =>
  Date.parse(runnableAt(a) ?? '') - Date.parse(runnableAt(b) ?? '');

/** Whether a job is due from `from` (included) up to `to` (not included). */
export const dueWithin = (job: Pick<Job, 'dueAt'>, from: Date, to: Date): boolean => {
  const at = Date.parse(job.dueAt);
  return at >= from.getTime() && at < to.getTime();
};
