import type { CardContext } from './card';
import { staffNames } from './staffNames';

/** "Recorded by <name>, <when>" for an outcome card: the actor's own name needs no lookup. */
export async function recordedBy(ctx: CardContext, userId: string, at: string, verb?: string): Promise<{ name: string; at: string; verb?: string; self: boolean }> {
  const self = userId === ctx.actor.userId;
  const name = self ? ctx.actor.displayName : (await staffNames(ctx))(userId);
  return { name, at, self, ...(verb ? { verb } : {}) };
}
