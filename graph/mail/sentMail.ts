import { z } from 'zod';
import type { EntityStore } from '../../workflow';

/**
 * One mail's idempotency key in the SentMail list (the key itself is the list's unique
 * IdempotencyKey column). `claimToken` tells the request that holds the key from any other.
 */
export const SentMailEntry = z.object({
  id: z.string(),
  status: z.enum(['sending', 'sent', 'failed']),
  /** Case reference only (subjects never carry a child's name); used to find the mail in Sent Items. */
  subject: z.string(),
  to: z.array(z.string()),
  claimToken: z.string().min(1),
  /** When the holder claimed the key (ISO instant, this process's clock). */
  claimedAt: z.string().datetime(),
  attempts: z.number().int().min(1),
  sentAt: z.string().datetime().optional(),
});
export type SentMailEntry = z.infer<typeof SentMailEntry>;

export type SentMailLog = EntityStore<SentMailEntry, 'status'>;
