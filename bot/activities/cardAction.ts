import type { TurnContext } from '@microsoft/agents-hosting';
import { z } from 'zod';
import { handleCardAction, notOnStaffListCard, workingCard, type AdaptiveCardJson, type CardResponse } from '../cards';
import { outcomeCard } from '../cards/outcomes';
import { MailTooLarge, RecordTooLarge, type Staff } from '../../workflow';
import { errorSummary } from '../backgroundWork';
import { keepCardCopy, redrawCardCopies } from '../cardCopies';
import type { BotDeps } from '../botDeps';
import { identify } from '../identify';
import { answerInvokeWithCard, answerInvokeWithError, cardMessage, sendCard } from '../replies';

/** The value of an `adaptiveCard/action` invoke (Universal Actions). */
const ExecuteValue = z.object({
  action: z.object({ type: z.literal('Action.Execute'), verb: z.string().min(1), data: z.unknown().optional() }),
});

interface Answered {
  response: CardResponse;
  actor?: Staff;
}

type Finished = { done: true; answered: Answered } | { done: false };

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
  const work = deps.workflow.batching.oneAction(async (): Promise<Answered> => {
    const staff = await identify(deps, context);
    if (!staff.ok) return { response: { card: notOnStaffListCard(staff.error.message) } };
    const act = () => handleCardAction(deps.workflow, staff.value, verb, data);
    const caseId = caseWritten(verb, data);
    // Another write on this case in flight: this one waits its turn and then sees what that one wrote.
    return { response: await (caseId ? deps.caseLocks.withCase(caseId, act) : act()), actor: staff.value };
  }).catch((error: unknown): Answered => {
    if (error instanceof RecordTooLarge) {
      deps.log.warn({ verb, entity: error.entity, characters: error.characters }, 'card action refused: record too large');
      return { response: { card: tooLargeCard(error) } };
    }
    if (error instanceof MailTooLarge) {
      deps.log.warn({ verb, bytes: error.bytes, limit: error.limitBytes }, 'card action refused: mail too large');
      return { response: { card: outcomeCard({ headline: 'That mail is too large to send', tone: 'attention', detail: `${error.message} Nothing was sent.` }) } };
    }
    deps.log.error({ verb, error: errorSummary(error) }, 'card action failed');
    return { response: { card: failedCard() } };
  });
  const reference = context.activity.getConversationReference();
  const cardMessageId = context.activity.replyToId;
  const first = await Promise.race([work.then((answered): Finished => ({ done: true, answered })), delay(deps.interimAfterMs)]);
  if (first.done) {
    deps.log.info({ verb, ms: Date.now() - started, interim: false }, 'card action');
    await answerInvokeWithCard(context, first.answered.response.card);
    // Before the follow-up: a chat that refuses it must not stop the other copies being redrawn.
    followLiveCards(deps, first.answered, reference, cardMessageId);
    if (first.answered.response.followUp) await sendCard(context, first.answered.response.followUp);
    return;
  }
  await answerInvokeWithCard(context, workingCard(verb));
  deps.background.run('finish card action', async () => {
    const answered = await work;
    const response = answered.response;
    followLiveCards(deps, answered, reference, cardMessageId);
    deps.log.info({ verb, ms: Date.now() - started, interim: true }, 'card action');
    await deps.continueConversation(reference, async (later) => {
      if (cardMessageId) await later.updateActivity({ ...cardMessage(response.card), id: cardMessageId, conversation: reference.conversation } as Parameters<TurnContext['updateActivity']>[0]);
      else await sendCard(later, response.card);
      if (response.followUp) await sendCard(later, response.followUp);
    });
  });
}

/**
 * After the answer: a card showing something that can change is kept (this message, in this chat)
 * so it can be redrawn; a change redraws every other kept copy, for whoever's chat holds it.
 */
function followLiveCards(deps: BotDeps, answered: Answered, reference: ReturnType<TurnContext['activity']['getConversationReference']>, cardMessageId: string | undefined): void {
  const { response, actor } = answered;
  const conversationId = reference.conversation?.id ?? '';
  if (response.live && actor && cardMessageId) {
    const subject = response.live;
    deps.background.run('keep card copy', () => keepCardCopy(deps.workflow, reference, actor.userId, subject, cardMessageId));
  }
  if (response.changed && response.changed.length > 0) {
    const changed = response.changed;
    deps.background.run('redraw card copies', () => redrawCardCopies(deps, changed, cardMessageId ? { conversationId, activityId: cardMessageId } : undefined));
  }
}

/** The case a submit writes on (its card data's caseId), or undefined for reads and writes on no case yet. */
function caseWritten(verb: string, data: unknown): string | undefined {
  if (!verb.endsWith('.submit')) return undefined;
  const caseId = z.object({ caseId: z.string().min(1) }).safeParse(data);
  return caseId.success ? caseId.data.caseId : undefined;
}

function delay(ms: number): Promise<Finished> {
  return new Promise((resolve) => setTimeout(() => resolve({ done: false }), ms).unref());
}

function tooLargeCard(error: RecordTooLarge): AdaptiveCardJson {
  return outcomeCard({
    headline: 'That is too long to store',
    tone: 'attention',
    detail: `SharePoint keeps at most ${error.limit.toLocaleString('en-GB')} characters in one record, and this one would be ${error.characters.toLocaleString('en-GB')}. Shorten the longest text and send it again; nothing of it was saved.`,
  });
}

function failedCard(): AdaptiveCardJson {
  return outcomeCard({
    headline: 'That could not be finished',
    tone: 'attention',
    detail: 'Something went wrong while saving. Open the case again to see what was recorded; every action is safe to repeat.',
  });
}
