import type { CardContext } from './card';

/** Display names of staff by Entra id, read once per card (the Staff list is small). */
export async function staffNames(ctx: CardContext): Promise<(userId: string | undefined) => string> {
  const staff = await ctx.deps.stores.staff.list();
  const names = new Map(staff.map((s) => [s.userId, s.displayName]));
  return (userId) => (userId ? (names.get(userId) ?? 'someone no longer on the Staff list') : 'nobody yet');
}
