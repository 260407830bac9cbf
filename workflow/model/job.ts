import { z } from 'zod';
import { Id, Instant } from './common';

/**
 * Work the product does by itself at a set time (issue 14). Kinds so far:
 * - `check-out-missed`: 30 minutes after a visit's planned end, managers are alerted if the worker has not checked out;
 * - `join-link`: a meeting booked without a Teams link has its link read again, and the worker is told if it stays empty.
 * - `information-chaser`: the school is reminded of the information form 5 and 10 school days after the request;
 * - `review-due`: the worker is told 5 school days before a review is due, and the worker and managers when it is overdue;
 * - `support-ending`: the worker is told 5 school days before the six weeks of support end;
 * - `daily-plan`: at 07:00 each day, the reminders a case should have and has not are queued.
 * - `meeting-reminder`: 08:00 on the working day before a meeting, its organiser reminded (with the Teams link);
 * - `meeting-changes`: every 15 minutes, the calendars of organisers with meetings ahead read for moves and cancellations made in Outlook;
 * - `term-evaluation`: at the end of a school's term (its own term dates), the evaluation request mailed to the school.
 */
export const JobKind = z.enum(['check-out-missed', 'join-link', 'information-chaser', 'review-due', 'support-ending', 'daily-plan', 'meeting-reminder', 'meeting-changes', 'term-evaluation']);
export type JobKind = z.infer<typeof JobKind>;

/** queued (waiting for its time, or to be tried again), running (claimed under a lease), done, failed (gave up: shown, never silent). */
export const JobStatus = z.enum(['queued', 'running', 'done', 'failed']);
export type JobStatus = z.infer<typeof JobStatus>;

export const Job = z.object({
  id: Id,
  kind: JobKind,
  /** When it is due (UTC). */
  dueAt: Instant,
  /** Ids only, never a child's data. */
  payload: z.record(z.string(), z.string().max(100)),
  status: JobStatus,
  attempts: z.number().int().min(0),
  /** The instance running it, and until when its claim holds: an expired lease may be claimed again. */
  leaseOwner: z.string().optional(),
  leaseUntil: Instant.optional(),
  /** What went wrong last time, as an error's name or code (no request or response bodies). */
  lastError: z.string().max(200).optional(),
  createdAt: Instant,
  updatedAt: Instant,
});
export type Job = z.infer<typeof Job>;
