import type { ConversationReference } from '@microsoft/agents-activity';
import { notificationCard } from '../../bot/cards';
import { cardMessage } from '../../bot/replies';
import type { Notification } from '../../workflow';
import type { TeamsSender } from '../notifications/teamsOrMailNotifier';
import type { BotAdapter } from './botAdapter';

/** Teams answers these when a conversation is gone or the app was removed: the reference is stale. */
const staleStatuses = new Set([403, 404]);

const statusOf = (error: unknown): number | undefined => {
  const status = typeof error === 'object' && error !== null ? (error as { status?: unknown }).status : undefined;
  return typeof status === 'number' ? status : undefined;
};

/** Sends a notification card proactively through a stored conversation reference. */
export function teamsSender(bot: BotAdapter): TeamsSender {
  return {
    async send(reference, notification: Notification) {
      try {
        await bot.continueConversation(reference as unknown as ConversationReference, async (context) => {
          await context.sendActivity(cardMessage(notificationCard(notification)));
        });
        return 'sent';
      } catch (error) {
        if (staleStatuses.has(statusOf(error) ?? 0)) return 'stale';
        throw error;
      }
    },
  };
}
