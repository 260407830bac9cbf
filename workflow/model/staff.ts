import { z } from 'zod';
import { Email, EntraId, Id, Text } from './common';

export const Role = z.enum(['manager', 'admin', 'worker', 'dsl']);
export type Role = z.infer<typeof Role>;

/** A row of the Staff list the administrator keeps: it gives roles to the bot and the tab. */
export const Staff = z.object({
  id: Id,
  /** Their Entra object id: how the bot (`from.aadObjectId`) and the tab (`oid`) know them. */
  userId: EntraId,
  displayName: Text,
  email: Email,
  roles: z.array(Role).min(1, 'a member of staff needs at least one role'),
  active: z.boolean(),
  /** Hours a week available for casework (allocation shows load against it). */
  capacityHours: z.number().min(0).max(60),
});
export type Staff = z.infer<typeof Staff>;
