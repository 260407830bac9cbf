import { ActivityTypes } from '@microsoft/agents-activity';
import type { TurnContext } from '@microsoft/agents-hosting';
import { routeFor } from './activityRoutes';
import { onChannelMessage } from './activities/channel';
import { rememberChannel } from './channelConversation';
import type { BotDeps } from './botDeps';

/** One turn of the bot: routes each activity family to its handler (the table in activityRoutes.ts). */
export async function handleTurn(deps: BotDeps, context: TurnContext): Promise<void> {
  const activity = context.activity;
  // In the team channel the bot only posts case updates (by reference): it never shows case cards there.
  if (rememberChannel(deps, context)) {
    if (activity.type === ActivityTypes.Message) return onChannelMessage(context);
    return;
  }
  await routeFor(activity.type)?.(deps, context);
}
