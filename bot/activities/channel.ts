import type { TurnContext } from '@microsoft/agents-hosting';
import { composeCard } from '../cards/outcomes';
import { sendCard } from '../replies';

/** Someone wrote to the bot in a team channel: casework stays in personal chats, where names may be shown. */
export async function onChannelMessage(context: TurnContext): Promise<void> {
  await sendCard(
    context,
    composeCard({
      body: [
        { type: 'TextBlock', text: 'Case work happens in your personal chat with me', weight: 'Bolder', wrap: true },
        { type: 'TextBlock', text: 'In this channel I only post new referrals, allocations and contract decisions, by case reference. Open a chat with Outreach Cases to log referrals and work on cases.', wrap: true },
      ],
    }),
  );
}
