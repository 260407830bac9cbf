import type { TurnContext } from '@microsoft/agents-hosting';
import { z } from 'zod';
import { handleCardAction, notOnStaffListCard, workingCard, type AdaptiveCardJson, type CardResponse } from '../cards';
import { outcomeCard } from '../cards/outcomes';
import { errorSummary } from '../backgroundWork';
import type { BotDeps } from '../botDeps';
import { identify } from '../identify';
import { answerInvokeWithCard, answerInvokeWithError, cardMessage, sendCard } from '../replies';

/** The value of an `adaptiveCard/action` invoke (Universal Actions). */
const ExecuteValue = z.object({
  action: z.object({ type: z.literal('Action.Execute'), verb: z.string().min(1), data: z.unknown().optional() }),
});

type Finished = { done: true; response: CardResponse } | { done: false };

/**
 * An Action.Execute: the work runs at once; if it finishes within `interimAfterMs` the invoke
 * answers with the resulting card, otherwise it answers with a "recording it" card and the
 * card is replaced (updateActivity) when the work is done, so Teams never waits past its limit.
 */
export async function onCardAction(deps: BotDeps, context: TurnContext): Promise<void> {
  const value = ExecuteValue.safeParse(context.activity.value);
  if (!value.success) {
    await answerInvokeWithError(context, 400, 'This bot answers Action.Execute from its own cards only.');
    return;
  }
  const { verb, data } = value.data.action;
  // The clock starts with the turn: looking the person up on the Staff list is a Graph call too.
  const started = Date.now();
  const work = (async (): Promise<CardResponse> => {
    const staff = await identify(deps, context);
    if (!staff.ok) return { card: notOnStaffListCard(staff.error.message) };
    return handleCardAction(deps.workflow, staff.value, verb, data);
  })().catch((error: unknown): CardResponse => {
    deps.log.error({ verb, error: errorSummary(error) }, 'card action failed');
    return { card: failedCard() };
  });
  const first = await Promise.race([work.then((response): Finished => ({ done: true, response })), delay(deps.interimAfterMs)]);
  if (first.done) {
    deps.log.info({ verb, ms: Date.now() - started, interim: false }, 'card action');
    await answerInvokeWithCard(context, first.response.card);
    if (first.response.followUp) await sendCard(context, first.response.followUp);
    return;
  }
  await answerInvokeWithCard(context, workingCard(verb));
  const reference = context.activity.getConversationReference();
  const cardMessageId = context.activity.replyToId;
  deps.background.run('finish card action', async () => {
    const response = await work;
    deps.log.info({ verb, ms: Date.now() - started, interim: true }, 'card action');
    await deps.continueConversation(reference, async (later) => {
      if (cardMessageId) await later.updateActivity({ ...cardMessage(response.card), id: cardMessageId, conversation: reference.conversation } as Parameters<TurnContext['updateActivity']>[0]);
      else await sendCard(later, response.card);
      if (response.followUp) await sendCard(later, response.followUp);
    });
  });
}

function delay(ms: number): Promise<Finished> {
  return new Promise((resolve) => setTimeout(() => resolve({ done: false }), ms).unref());
}

function failedCard(): AdaptiveCardJson {
  return outcomeCard({
    headline: 'That could not be finished',
    tone: 'attention',
    detail: 'Something went wrong while saving. Open the case again to see what was recorded; every action is safe to repeat.',
  });
}
