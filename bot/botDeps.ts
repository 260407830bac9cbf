import type { TurnContext } from '@microsoft/agents-hosting';
import type { ConversationReference } from '@microsoft/agents-activity';
import type { CaseLocks, WorkflowDeps } from '../workflow';
import type { BackgroundWork } from './backgroundWork';
import type { BotLog } from './botLog';

export interface BotDeps {
  workflow: WorkflowDeps;
  log: BotLog;
  /** How long a card action may take before the invoke answers with an interim card (Teams retries after ~5 s). */
  interimAfterMs: number;
  background: BackgroundWork;
  /** A write on a case waits for the one in flight on the same case (one app instance). */
  caseLocks: CaseLocks;
  /** Opens a turn on a conversation after the current one has ended (to update a card when slow work is done). */
  continueConversation(reference: ConversationReference, logic: (context: TurnContext) => Promise<void>): Promise<void>;
}
