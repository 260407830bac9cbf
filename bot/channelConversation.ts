import type { TurnContext } from '@microsoft/agents-hosting';
import { rememberConversation } from '../workflow';
import type { BotDeps } from './botDeps';

/** Channel conversations are stored beside people's, under this owner id. */
export const channelConversationUser = (channelId: string): string => `channel:${channelId}`;

/** The channel an activity came from (Teams puts it in channelData; a reply thread adds `;messageid=` to the conversation id). */
export function channelOf(context: TurnContext): string | undefined {
  const activity = context.activity;
  const data = activity.channelData as { channel?: { id?: unknown } } | undefined;
  const fromData = typeof data?.channel?.id === 'string' ? data.channel.id : undefined;
  if (fromData) return fromData;
  return activity.conversation?.conversationType === 'channel' ? activity.conversation.id.split(';')[0] : undefined;
}

/** Stores how to post to this channel later (when the app is added to a team, or mentioned in a channel). */
export function rememberChannel(deps: BotDeps, context: TurnContext): boolean {
  const channelId = channelOf(context);
  if (!channelId) return false;
  const reference = JSON.parse(JSON.stringify(context.activity.getConversationReference())) as Record<string, unknown> & { conversation?: Record<string, unknown> };
  // Post to the channel itself, not into the thread of the message that was received.
  reference.conversation = { ...(reference.conversation ?? {}), id: channelId };
  delete reference.activityId;
  deps.background.run('remember channel', async () => {
    await rememberConversation(deps.workflow, channelConversationUser(channelId), channelId, reference);
  });
  return true;
}
