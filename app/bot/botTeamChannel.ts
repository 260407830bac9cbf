import type { ConversationReference } from '@microsoft/agents-activity';
import { channelCard } from '../../bot/cards';
import { channelConversationUser } from '../../bot/channelConversation';
import { httpStatusOf, isGoneStatus } from '../../bot/httpStatus';
import { cardMessage } from '../../bot/replies';
import { markConversationStale, type TeamChannel, type WorkflowDeps } from '../../workflow';
import type { AppLogger } from '../logger';
import { SentKeys } from '../notifications/sentKeys';
import type { BotAdapter } from './botAdapter';

/**
 * Posts case events to the configured team channel through the bot. The channel's conversation
 * is known once the app has been added to the team (the bot stores it then); until then a post
 * is logged as undelivered, never dropped silently.
 */
export function botTeamChannel(
  deps: Pick<WorkflowDeps, 'stores' | 'clock'>,
  bot: BotAdapter,
  // A function: the channel as the settings stand at each post (an admin may change it while the app runs).
  channel: string | undefined | (() => string | undefined),
  logger: AppLogger,
): TeamChannel {
  const sent = new SentKeys();
  return {
    async post(update) {
      const channelId = typeof channel === 'function' ? channel() : channel;
      if (!channelId || sent.seen(update.key)) return;
      const owner = channelConversationUser(channelId);
      const [stored] = await deps.stores.conversations.find({ userId: owner });
      if (!stored || stored.stale) {
        logger.warn({ channelUpdate: update.kind, caseId: update.caseId }, 'team channel not reachable yet: add the app to the team that holds the channel');
        return;
      }
      try {
        await bot.continueConversation(stored.reference as unknown as ConversationReference, async (context) => {
          await context.sendActivity(cardMessage(channelCard(update)));
        });
      } catch (error) {
        if (!isGoneStatus(error)) throw error;
        const status = httpStatusOf(error);
        await markConversationStale(deps, owner);
        logger.warn({ channelUpdate: update.kind, caseId: update.caseId, status }, 'team channel refused the post: the app may have been removed from the team');
      }
    },
  };
}
