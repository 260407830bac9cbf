import type { ConversationReference } from '@microsoft/agents-activity';
import { notificationMessage } from '../../bot/cards';
import { keepCardCopy } from '../../bot/cardCopies';
import { isGoneStatus } from '../../bot/httpStatus';
import { cardMessage } from '../../bot/replies';
import type { Notification, WorkflowDeps } from '../../workflow';
import type { TeamsSender } from '../notifications/teamsOrMailNotifier';
import type { BotAdapter } from './botAdapter';

/**
 * Sends a notification card proactively through a stored conversation reference. A card that
 * shows something still open (a contract awaiting approval) is kept, so it is redrawn in place
 * when that is decided.
 */
export function teamsSender(bot: BotAdapter, workflow: () => WorkflowDeps): TeamsSender {
  return {
    async send(reference, notification: Notification) {
      const deps = workflow();
      const message = await notificationMessage(deps, notification);
      try {
        await bot.continueConversation(reference as unknown as ConversationReference, async (context) => {
          const sent = await context.sendActivity(cardMessage(message.card));
          if (message.live && sent?.id) await keepCardCopy(deps, context.activity.getConversationReference(), notification.recipientId, message.live, sent.id);
        });
        return 'sent';
      } catch (error) {
        if (isGoneStatus(error)) return 'stale';
        throw error;
      }
    },
  };
}
