import type { TurnContext } from '@microsoft/agents-hosting';
import { cardForRequest, notOnStaffListCard, returnedDocumentCards } from '../cards';
import type { BotDeps } from '../botDeps';
import { parseCommand } from '../commands';
import { identify, rememberWhereToReach } from '../identify';
import { sendCard } from '../replies';
import { filesSent } from './files';

/** A chat message: a command (or its plain-language variant) answered with a card; never silence. */
export async function onMessage(deps: BotDeps, context: TurnContext): Promise<void> {
  const staff = await identify(deps, context);
  if (!staff.ok) {
    await sendCard(context, notOnStaffListCard(staff.error.message));
    return;
  }
  // Files sent in chat are the school's returned paperwork: a card per file asks which case and document.
  const files = filesSent(context.activity.attachments);
  if (files.length > 0) {
    deps.log.info({ activity: 'message', request: 'files', files: files.length }, 'chat request');
    const cards = await deps.workflow.batching.oneAction(() => returnedDocumentCards({ deps: deps.workflow, actor: staff.value }, files));
    for (const card of cards) await sendCard(context, card);
    rememberWhereToReach(deps, context, staff.value);
    return;
  }
  const request = parseCommand(context.activity.text ?? '');
  deps.log.info({ activity: 'message', request: request.kind }, 'chat request');
  await sendCard(context, await deps.workflow.batching.oneAction(() => cardForRequest(deps.workflow, staff.value, request)));
  rememberWhereToReach(deps, context, staff.value);
}
