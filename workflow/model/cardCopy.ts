import { z } from 'zod';
import { EntraId, Id, Instant } from './common';

/**
 * A card the bot has shown in someone's Teams chat that shows something which can change after
 * (a contract awaiting approval). Kept in SharePoint so that, when it changes, every copy of the
 * card is updated in place, even after a restart.
 */
export const CardCopy = z.object({
  id: Id,
  /** What the card shows, e.g. `contract:<id>`. */
  subject: z.string().min(1),
  /** The member of staff whose chat holds the copy: the card is drawn for them. */
  viewerId: EntraId,
  /** The conversation reference of that chat, as the Agents SDK gives it. */
  reference: z.record(z.string(), z.unknown()),
  /** The message (activity) id of the card in that chat. */
  activityId: z.string().min(1),
  createdAt: Instant,
  /** Teams answered 403/404 on an update: the chat or message is gone. */
  stale: z.boolean(),
});
export type CardCopy = z.infer<typeof CardCopy>;
