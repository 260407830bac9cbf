import type { TurnContext } from '@microsoft/agents-hosting';
import { notOnStaffListCard, welcomeCard } from '../cards';
import type { BotDeps } from '../botDeps';
import { identify, rememberWhereToReach } from '../identify';
import { sendCard } from '../replies';

/** The app was installed for someone: a welcome card, and where to reach them later. */
export async function onInstalled(deps: BotDeps, context: TurnContext): Promise<void> {
  const staff = await identify(deps, context);
  if (!staff.ok) {
    await sendCard(context, notOnStaffListCard(staff.error.message));
    return;
  }
  deps.log.info({ activity: 'installationUpdate' }, 'installed');
  await sendCard(context, welcomeCard(staff.value));
  rememberWhereToReach(deps, context, staff.value);
}

/** Members added to the chat (Teams sends this beside installationUpdate): only where to reach them. */
export async function onMembersAdded(deps: BotDeps, context: TurnContext): Promise<void> {
  const staff = await identify(deps, context);
  if (staff.ok) rememberWhereToReach(deps, context, staff.value);
}
