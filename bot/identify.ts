import type { TurnContext } from '@microsoft/agents-hosting';
import { identifyStaff, rememberConversation, type Result, type Staff } from '../workflow';
import type { BotDeps } from './botDeps';

/** The member of staff behind the activity: `from.aadObjectId` looked up on the Staff list. */
export function identify(deps: BotDeps, context: TurnContext): Promise<Result<Staff>> {
  return identifyStaff(deps.workflow.stores.staff, context.activity.from?.aadObjectId);
}

/** Stores where to reach this person later (on install and every message), after the reply. */
export function rememberWhereToReach(deps: BotDeps, context: TurnContext, staff: Staff): void {
  const teamsUserId = context.activity.from?.id;
  if (!teamsUserId) return;
  const reference = JSON.parse(JSON.stringify(context.activity.getConversationReference())) as Record<string, unknown>;
  deps.background.run('remember conversation', async () => {
    await rememberConversation(deps.workflow, staff.userId, teamsUserId, reference);
  });
}
