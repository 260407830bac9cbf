import type { CardContext } from './card';
import { staffNames } from './staffNames';

/** "Recorded by <name>, <when>" for an outcome card: the actor's own name needs no lookup. */
export async function recordedBy(ctx: CardContext, userId: string, at: string, verb?: string): Promise<{ name: string; at: string; verb?: string }> {
  const name = userId === ctx.actor.userId ? ctx.actor.displayName : (await staffNames(ctx))(userId);
  return { name, at, ...(verb ? { verb } : {}) };
}
