import { z } from 'zod';
import { EntraId, Id, Instant } from './common';

/**
 * Where to reach a member of staff in Teams without them writing first: the Bot Framework
 * conversation reference captured on install and on every message. Kept in SharePoint so it
 * survives a restart; marked stale when Teams answers 403/404 (then mail is used instead).
 */
export const ConversationReference = z.object({
  id: Id,
  userId: EntraId,
  /** The Teams user id (`29:...`), needed for Universal Actions `refresh.userIds`. */
  teamsUserId: z.string().min(1),
  /** The conversation reference as the Agents SDK gives it (serviceUrl, conversation, bot, user...). */
  reference: z.record(z.string(), z.unknown()),
  updatedAt: Instant,
  stale: z.boolean(),
  staleSince: Instant.optional(),
});
export type ConversationReference = z.infer<typeof ConversationReference>;
