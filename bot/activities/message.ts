import type { TurnContext } from '@microsoft/agents-hosting';
import { cardForRequest, notOnStaffListCard } from '../cards';
import type { BotDeps } from '../botDeps';
import { parseCommand } from '../commands';
import { identify, rememberWhereToReach } from '../identify';
import { sendCard } from '../replies';

/** A chat message: a command (or its plain-language variant) answered with a card; never silence. */
export async function onMessage(deps: BotDeps, context: TurnContext): Promise<void> {
  const staff = await identify(deps, context);
  if (!staff.ok) {
    await sendCard(context, notOnStaffListCard(staff.error.message));
    return;
  }
  const request = parseCommand(context.activity.text ?? '');
  deps.log.info({ activity: 'message', request: request.kind }, 'chat request');
  await sendCard(context, await deps.workflow.batching.oneAction(() => cardForRequest(deps.workflow, staff.value, request)));
  rememberWhereToReach(deps, context, staff.value);
}
