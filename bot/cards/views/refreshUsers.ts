import type { CardContext } from '../card';

/** Teams takes at most 60 ids in `refresh.userIds`. */
const MAX_REFRESH_USERS = 60;

/**
 * The Teams user ids (`29:...`) of these members of staff, from where the bot last reached them.
 * Someone the bot has never reached has none yet: they get the card by notification instead.
 */
export async function teamsUserIdsOf(ctx: CardContext, userIds: readonly string[]): Promise<string[]> {
  const found = await Promise.all([...new Set(userIds)].map((userId) => ctx.deps.stores.conversations.find({ userId })));
  return found.flatMap((refs) => refs.filter((r) => !r.stale).map((r) => r.teamsUserId)).slice(0, MAX_REFRESH_USERS);
}
