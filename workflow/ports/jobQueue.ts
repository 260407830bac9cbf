import type { Job } from '../model/job';
import type { Created, NewItem, Versioned } from './store';

/**
 * Jobs kept durably (the SharePoint Jobs list; a larger deployment could put Azure Service Bus
 * scheduled messages behind the same port). Every instance may run the due jobs: a claim is an
 * update under the version read, so only one instance wins it.
 */
export interface JobQueue {
  /** Queues a job once per key: a repeat (a retry, a second click) returns the first. */
  enqueue(job: NewItem<Job>, key: string): Promise<Created<Job>>;
  /** Jobs due by `now`: queued ones whose time has come, and running ones whose lease has expired; at most `limit`, earliest first. */
  due(now: Date, limit: number): Promise<Versioned<Job>[]>;
  /** Queued jobs due from `from` up to `to` (what's due: the `due` card); at most `limit`, earliest first. */
  upcoming(from: Date, to: Date, limit: number): Promise<Versioned<Job>[]>;
  /** Every queued job, page by page (by the indexed Status column): once a day for the daily plan, never per tick. */
  queued(): Promise<Versioned<Job>[]>;
  /** Jobs that gave up (status failed), latest first, at most `limit` (the `due` card shows them to managers). */
  failed(limit: number): Promise<Versioned<Job>[]>;
  /** Takes the job under a lease; undefined when another instance claimed or changed it first. */
  claim(job: Versioned<Job>, owner: string, leaseUntil: Date, at: Date): Promise<Versioned<Job> | undefined>;
  /** Records how the run ended (done, queued again for later, failed); undefined when the lease was lost meanwhile. */
  settle(job: Versioned<Job>, outcome: Pick<Job, 'status' | 'dueAt' | 'attempts'> & { lastError?: string }, at: Date): Promise<Versioned<Job> | undefined>;
}
