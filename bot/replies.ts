import { Activity, ActivityTypes } from '@microsoft/agents-activity';
import { CardFactory, MessageFactory, type TurnContext } from '@microsoft/agents-hosting';
import type { AdaptiveCardJson } from './cards';

/** A message carrying one Adaptive Card. */
export function cardMessage(card: AdaptiveCardJson): Activity {
  return MessageFactory.attachment(CardFactory.adaptiveCard(card));
}

export async function sendCard(context: TurnContext, card: AdaptiveCardJson): Promise<string | undefined> {
  const sent = await context.sendActivity(cardMessage(card));
  return sent?.id;
}

/** The answer to an `adaptiveCard/action` invoke: the card to show in place of the one clicked. */
export async function answerInvokeWithCard(context: TurnContext, card: AdaptiveCardJson): Promise<void> {
  await context.sendActivity(
    Activity.fromObject({
      type: ActivityTypes.InvokeResponse,
      value: { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card } },
    }),
  );
}

/** An invoke the bot cannot read at all: a 4xx naming the problem (Universal Actions error shape). */
export async function answerInvokeWithError(context: TurnContext, status: 400 | 401 | 403 | 404, message: string): Promise<void> {
  await context.sendActivity(
    Activity.fromObject({
      type: ActivityTypes.InvokeResponse,
      value: { status: 200, body: { statusCode: status, type: 'application/vnd.microsoft.error', value: { code: String(status), message } } },
    }),
  );
}
