import { VersionConflict } from '../errors';
import type { Job } from '../model/job';
import type { JobQueue } from '../ports/jobQueue';
import type { Created, EntityStore, NewItem, Versioned } from '../ports/store';
import { byRunnableAt, dueWithin, isRunnable } from './jobTimes';

/**
 * The job queue on a list store (memory in tests; on SharePoint, GraphJobQueue asks the list for
 * the due jobs in one query instead). A claim and a settle are updates under the version read: a
 * 412 means another instance got there first.
 */
export class StoreJobQueue implements JobQueue {
  constructor(private readonly store: EntityStore<Job, 'status'>) {}

  enqueue(job: NewItem<Job>, key: string): Promise<Created<Job>> {
    return this.store.create(job, key);
  }

  async due(now: Date, limit: number): Promise<Versioned<Job>[]> {
    // Queued and running jobs only (the Status column is indexed); done and failed ones are never read again.
    const [queued, running] = await Promise.all([this.store.find({ status: 'queued' }), this.store.find({ status: 'running' })]);
    const ready = [...queued, ...running].filter((j) => isRunnable(j, now));
    return ready.sort(byRunnableAt).slice(0, limit);
  }

  async upcoming(from: Date, to: Date, limit: number): Promise<Versioned<Job>[]> {
    const queued = await this.store.find({ status: 'queued' });
    return queued.filter((j) => dueWithin(j, from, to)).sort(byRunnableAt).slice(0, limit);
  }

  queued(): Promise<Versioned<Job>[]> {
    return this.store.find({ status: 'queued' });
  }

  async failed(limit: number): Promise<Versioned<Job>[]> {
    const gaveUp = await this.store.find({ status: 'failed' });
    return gaveUp.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)).slice(0, limit);
  }

  claim(job: Versioned<Job>, owner: string, leaseUntil: Date, at: Date): Promise<Versioned<Job> | undefined> {
    // A lease that expired is a run that never finished (the instance died): it counts as an attempt.
    const attempts = job.status === 'running' ? job.attempts + 1 : job.attempts;
    return this.orLost(this.store.update(job.id, { status: 'running', attempts, leaseOwner: owner, leaseUntil: leaseUntil.toISOString(), updatedAt: at.toISOString() }, job.etag));
  }

  settle(job: Versioned<Job>, outcome: Pick<Job, 'status' | 'dueAt' | 'attempts'> & { lastError?: string }, at: Date): Promise<Versioned<Job> | undefined> {
    const patch = { ...outcome, leaseOwner: undefined, leaseUntil: undefined, updatedAt: at.toISOString() };
    return this.orLost(this.store.update(job.id, patch, job.etag));
  }

  /** A 412: another instance claimed or changed the job since it was read. */
  private async orLost(update: Promise<Versioned<Job>>): Promise<Versioned<Job> | undefined> {
    try {
      return await update;
    } catch (error) {
      if (error instanceof VersionConflict) return undefined;
      throw error;
    }
  }
}
