import { dueWithin, isRunnable, StoreJobQueue, VersionConflict, type Created, type Job, type JobQueue, type NewItem, type Versioned } from '../../workflow';
import type { SharePointListStore } from '../sharepoint/listStore';

type Outcome = Pick<Job, 'status' | 'dueAt' | 'attempts'> & { lastError?: string };

/** An instant as SharePoint compares date-times: whole seconds, UTC, rounded down or up. */
const seconds = (at: Date, round: (n: number) => number = Math.floor): string => new Date(round(at.getTime() / 1000) * 1000).toISOString().replace('.000Z', 'Z');

/**
 * The job queue on the SharePoint Jobs list. The jobs ready to run are one request however many
 * the list holds: a range on the indexed DueAt column (a queued job's due time, a running one's
 * lease end, empty once done or failed), ordered by it, with `$top`. Claims and settles are
 * If-Match updates; claims started together travel in one `$batch` (the client's batching).
 */
export class GraphJobQueue implements JobQueue {
  private readonly writes: StoreJobQueue;

  constructor(private readonly list: SharePointListStore<Job, 'status'>) {
    this.writes = new StoreJobQueue(list);
  }

  enqueue(job: NewItem<Job>, key: string): Promise<Created<Job>> {
    return this.writes.enqueue(job, key);
  }

  async due(now: Date, limit: number): Promise<Versioned<Job>[]> {
    // DueAt is rounded up to the second, so `le` the current second never takes a job early; the check after is for items edited by hand.
    const found = await this.list.firstPage(`fields/DueAt le '${seconds(now)}'`, 'fields/DueAt', limit);
    return found.filter((job) => isRunnable(job, now));
  }

  async upcoming(from: Date, to: Date, limit: number): Promise<Versioned<Job>[]> {
    // The end first: SharePoint selects by the first clause, and "by the end of the window" holds fewer open jobs than "after now".
    const filter = `fields/DueAt le '${seconds(to, Math.ceil)}' and fields/DueAt ge '${seconds(from)}' and fields/Status eq 'queued'`;
    return (await this.list.firstPage(filter, 'fields/DueAt', limit)).filter((job) => dueWithin(job, from, to));
  }

  queued(): Promise<Versioned<Job>[]> {
    return this.writes.queued();
  }

  /** Failed jobs are few (kept until someone looks): found by the indexed Status column. */
  failed(limit: number): Promise<Versioned<Job>[]> {
    return this.writes.failed(limit);
  }

  claim(job: Versioned<Job>, owner: string, leaseUntil: Date, at: Date): Promise<Versioned<Job> | undefined> {
    return this.writes.claim(job, owner, leaseUntil, at);
  }

  settle(job: Versioned<Job>, outcome: Outcome, at: Date): Promise<Versioned<Job> | undefined> {
    return this.writes.settle(job, outcome, at);
  }

  /**
   * Writes every queued and running job again, so that its DueAt column holds its time: for jobs
   * queued before the column existed (run by provisioning's migration). A job another instance
   * changed meanwhile already has it. Answers how many were written.
   */
  async fillDueAt(): Promise<number> {
    const open = [...(await this.list.find({ status: 'queued' })), ...(await this.list.find({ status: 'running' }))];
    let written = 0;
    for (const job of open) {
      try {
        await this.list.update(job.id, {}, job.etag);
        written += 1;
      } catch (error) {
        if (!(error instanceof VersionConflict)) throw error;
      }
    }
    return written;
  }
}
