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
  return at !== undefined && at <= now.toISOString();
}
