import { z } from 'zod';
import { Attribution, Email, Id, Instant } from './common';

/**
 * The meetings the process books:
 * - `school-meeting`: the initial meeting with the school (step 4), in school hours;
 * - `home-visit`: a visit to the family at home (step 5), in working hours, with travel time kept;
 * - `parent-call`: a Teams call with the parent instead (step 5), in working hours;
 * - `contract-meeting`: agreeing the contract with the school (step 7), in school hours;
 * - `review`: reviewing the contract (step 9), in school hours.
 */
export const MeetingKind = z.enum(['school-meeting', 'home-visit', 'parent-call', 'contract-meeting', 'review']);
export type MeetingKind = z.infer<typeof MeetingKind>;

/** proposed: offered, not booked; booked; moved (rebooked at another time, same event); cancelled; held (its record is written). */
export const MeetingStatus = z.enum(['proposed', 'booked', 'moved', 'cancelled', 'held']);
export type MeetingStatus = z.infer<typeof MeetingStatus>;

/** Who an invitation goes to; a parent and school staff are never invited to the same event. */
export const MeetingAttendee = z.object({
  email: Email,
  name: z.string().trim().min(1).optional(),
  role: z.enum(['senco', 'school-staff', 'parent', 'staff']),
});
export type MeetingAttendee = z.infer<typeof MeetingAttendee>;

export const Meeting = z.object({
  id: Id,
  caseId: Id,
  kind: MeetingKind,
  status: MeetingStatus,
  /** Entra id of the member of staff whose calendar holds the event (the case's worker). */
  organiserId: Id,
  /** The Outlook event; missing only between the event's creation and its id being kept. */
  eventId: z.string().min(1).optional(),
  /** The event's transactionId: the meeting's idempotency key, so a retried create makes no second event. */
  transactionId: z.string().min(8),
  start: Instant,
  end: Instant,
  online: z.boolean(),
  /** The Teams join link; absent on an online meeting while Teams has not given one ("Teams link pending"). */
  joinUrl: z.url().optional(),
  location: z.string().trim().min(1).max(255).optional(),
  attendees: z.array(MeetingAttendee).default([]),
  /** Shown on the booked card for a parent the product could not invite: phone them. */
  phoneInstead: z.boolean().default(false),
  cancelledReason: z.string().trim().max(500).optional(),
}).extend(Attribution.shape);
export type Meeting = z.infer<typeof Meeting>;

/** An online meeting whose Teams link has not come back yet. */
export const linkPending = (m: Pick<Meeting, 'online' | 'joinUrl' | 'status'>): boolean => m.online && !m.joinUrl && m.status !== 'cancelled';

/** Meetings that still stand (booked or moved): what the case card and the record forms use. */
export const standing = (m: Pick<Meeting, 'status'>): boolean => m.status === 'booked' || m.status === 'moved';
