import type { Staff, WorkflowDeps } from '../../workflow';

/** An Adaptive Card 1.5 as plain JSON: what goes in an attachment's `content`. */
export interface AdaptiveCardJson {
  type: 'AdaptiveCard';
  version: '1.5';
  body: unknown[];
  actions?: unknown[];
  refresh?: unknown;
  [key: string]: unknown;
}

/** Who is acting and with what: every card handler gets this. */
export interface CardContext {
  deps: WorkflowDeps;
  actor: Staff;
}

/**
 * The answer to a card action: the card shown in place of the one clicked, and possibly a
 * further card (the case with its next actions) sent as a new message.
 */
export interface CardResponse {
  card: AdaptiveCardJson;
  followUp?: AdaptiveCardJson;
  /**
   * The card answered shows this subject (e.g. `contract:<id>`), which can change after: the bot
   * keeps where the card is so it can be redrawn in place (see `liveCard`).
   */
  live?: string;
  /** Subjects this action changed: every kept copy of a card showing them is redrawn. */
  changed?: string[];
}

/** What the user asked for in chat (the bot turns text into this). */
export type CardRequest =
  | { kind: 'welcome' }
  | { kind: 'help' }
  | { kind: 'new-referral' }
  | { kind: 'my-cases' }
  | { kind: 'due' }
  | { kind: 'case'; reference: string }
  | { kind: 'chronology'; reference: string }
  | { kind: 'log-time'; reference?: string }
  | { kind: 'unknown'; text: string };

export const cardContentType = 'application/vnd.microsoft.card.adaptive';
