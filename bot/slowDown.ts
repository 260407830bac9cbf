import type { AdaptiveCardJson } from './cards';

/** What a person who sends faster than the limit allows is told (RATE_LIMIT_PER_PERSON). */

const wait = (seconds: number): string => `wait ${seconds} second${seconds === 1 ? '' : 's'} and try again`;

export const slowDownText = (seconds: number): string => `You're going fast: ${wait(seconds)}. I did not act on that message.`;

/** The click to repeat: the verb and data (with what was typed) of the Action.Execute that was refused. */
export interface RefusedClick {
  verb: string;
  data: Record<string, unknown>;
}

/**
 * The card answering a click over the limit, in place of the one clicked. Nothing was done; its
 * "Try again" sends the same click, so what was typed into the form is not lost.
 */
export function slowDownCard(seconds: number, click?: RefusedClick): AdaptiveCardJson {
  return {
    type: 'AdaptiveCard',
    version: '1.5',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    body: [
      { type: 'TextBlock', text: `You're going fast: ${wait(seconds)}.`, weight: 'Bolder', size: 'Medium', color: 'Warning', wrap: true },
      { type: 'TextBlock', text: click ? 'Nothing was done with that click. "Try again" sends it again, with what you entered.' : 'Nothing was done with that click.', wrap: true },
    ],
    ...(click ? { actions: [{ type: 'Action.Execute', title: 'Try again', verb: click.verb, data: click.data }] } : {}),
  };
}
