import { z } from 'zod';
import { EntraId, Id, Instant } from './common';

/** One line of the append-only audit log: who read or changed which case, and when. No personal data. */
export const AuditEntry = z.object({
  at: Instant,
  actorId: EntraId,
  action: z.string().min(1),
  caseId: Id.optional(),
  /** Ids and codes only (record id, step, outcome): never a child's name or notes. */
  detail: z.record(z.string(), z.string()).default({}),
});
export type AuditEntry = z.infer<typeof AuditEntry>;
