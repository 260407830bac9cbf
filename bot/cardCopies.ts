import type { ConversationReference } from '@microsoft/agents-activity';
import type { TurnContext } from '@microsoft/agents-hosting';
import type { CardCopy, Versioned, WorkflowDeps } from '../workflow';
import { errorSummary } from './backgroundWork';
import type { BotDeps } from './botDeps';
import { liveCard } from './cards';
import { isGoneStatus } from './httpStatus';
import { cardMessage } from './replies';

type Reference = Record<string, unknown>;

const plain = (reference: Partial<ConversationReference>): Reference => JSON.parse(JSON.stringify(reference)) as Reference;
const conversationIdOf = (reference: Reference): string => String((reference.conversation as { id?: unknown } | undefined)?.id ?? '');

/**
 * Keeps where a live card is (this chat, this message), for the person it was drawn for, so it
 * can be redrawn in place when what it shows changes. Kept once per message: a refresh of the
 * same card adds nothing.
 */
export async function keepCardCopy(
  workflow: Pick<WorkflowDeps, 'stores' | 'clock'>,
  reference: Partial<ConversationReference>,
  viewerId: string,
  subject: string,
  activityId: string,
): Promise<void> {
  const stored = plain(reference);
  await workflow.stores.cardCopies.create(
    { subject, viewerId, reference: stored, activityId, createdAt: workflow.clock.now().toISOString(), stale: false },
    `copy:${subject}:${conversationIdOf(stored)}:${activityId}`,
  );
}

/**
 * Redraws every kept copy of these subjects, each for the person whose chat holds it
 * (`updateActivity` on the stored message). `answered` is the message the current turn already
 * replaced through its invoke response. A copy Teams no longer has (403/404) is marked stale.
 */
export async function redrawCardCopies(deps: BotDeps, subjects: readonly string[], answered?: { conversationId: string; activityId: string }): Promise<void> {
  for (const subject of subjects) {
    const copies = await deps.workflow.stores.cardCopies.find({ subject });
    const others = copies.filter((copy) => !copy.stale && !(answered && copy.activityId === answered.activityId && conversationIdOf(copy.reference) === answered.conversationId));
    // Each copy is in its own chat: redraw them side by side, so one slow chat holds up no other.
    await Promise.all(others.map((copy) => redrawCopy(deps, subject, copy)));
  }
}

async function redrawCopy(deps: BotDeps, subject: string, copy: Versioned<CardCopy>): Promise<void> {
  const [viewer] = await deps.workflow.stores.staff.find({ userId: copy.viewerId });
  const card = viewer ? await liveCard(deps.workflow, viewer, subject) : undefined;
  if (!card) return;
  const reference = copy.reference as Partial<ConversationReference>;
  try {
    await deps.continueConversation(reference as ConversationReference, async (context) => {
      await context.updateActivity({ ...cardMessage(card), id: copy.activityId, conversation: reference.conversation } as Parameters<TurnContext['updateActivity']>[0]);
    });
  } catch (error) {
    if (!isGoneStatus(error)) {
      deps.log.warn({ subject, copyId: copy.id, error: errorSummary(error) }, 'a card copy could not be redrawn');
      return;
    }
    await deps.workflow.stores.cardCopies.update(copy.id, { stale: true }, copy.etag);
  }
}
