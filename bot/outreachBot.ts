import { ActivityTypes } from '@microsoft/agents-activity';
import type { TurnContext } from '@microsoft/agents-hosting';
import { onCardAction } from './activities/cardAction';
import { onInstalled, onMembersAdded } from './activities/install';
import { onChannelMessage } from './activities/channel';
import { onMessage } from './activities/message';
import { rememberChannel } from './channelConversation';
import type { BotDeps } from './botDeps';
import { answerInvokeWithError } from './replies';

/** One turn of the bot: routes each activity family to its handler. */
export async function handleTurn(deps: BotDeps, context: TurnContext): Promise<void> {
  const activity = context.activity;
  // In the team channel the bot only posts case updates (by reference): it never shows case cards there.
  if (rememberChannel(deps, context)) {
    if (activity.type === ActivityTypes.Message) return onChannelMessage(context);
    return;
  }
  switch (activity.type) {
    case ActivityTypes.Message:
      return onMessage(deps, context);
    case ActivityTypes.Invoke:
      if (activity.name === 'adaptiveCard/action') return onCardAction(deps, context);
      deps.log.warn({ activity: 'invoke', name: activity.name }, 'invoke not handled');
      return answerInvokeWithError(context, 400, `The invoke "${activity.name ?? ''}" is not handled by this bot.`);
    case ActivityTypes.InstallationUpdate:
      if (activity.action === 'add' || activity.action === 'add-upgrade') return onInstalled(deps, context);
      return;
    case ActivityTypes.ConversationUpdate:
      if (activity.membersAdded?.some((m) => m.id !== activity.recipient?.id)) return onMembersAdded(deps, context);
      return;
    default:
      return;
  }
}
