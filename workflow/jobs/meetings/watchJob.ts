import { londonDate } from '../../calendar/londonTime';
import type { Job } from '../../model/job';
import type { NewItem } from '../../ports/store';

/** How often Outlook calendars are read for meetings moved or cancelled there. */
export const POLL_MINUTES = 15;

/**
 * The poll is one job a London day (`meeting-changes:{date}`), run again every 15 minutes through
 * that day; its last run queues the next day's while meetings lie ahead. Booking a meeting queues
 * the day's job too (once per key), so the chain restarts if it ever ended or failed.
 */
export function watchJob(now: Date, due = new Date(now.getTime() + POLL_MINUTES * 60_000)): { job: NewItem<Job>; key: string } {
  const day = londonDate(due);
  const at = now.toISOString();
  return {
    job: { kind: 'meeting-changes', dueAt: due.toISOString(), payload: { day }, status: 'queued', attempts: 0, createdAt: at, updatedAt: at },
    key: `meeting-changes:${day}`,
  };
}
