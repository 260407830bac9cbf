import type { ConversationReference } from '@microsoft/agents-activity';
import { CloudAdapter, type AuthConfiguration, type TurnContext } from '@microsoft/agents-hosting';

export type BotAuth =
  /** Bot Framework tokens validated on every request (a tenant). */
  | { mode: 'tenant'; clientId: string; clientSecret: string; tenantId: string }
  /** Only with the embedded Graph: requests without a token are accepted (the Playground sends none). */
  | { mode: 'anonymous' };

export interface BotAdapter {
  auth: BotAuth;
  authConfig: AuthConfiguration;
  adapter: CloudAdapter;
  /** Opens a turn on a stored conversation (proactive messages, card updates after a turn). */
  continueConversation(reference: ConversationReference, logic: (context: TurnContext) => Promise<void>): Promise<void>;
}

/** The Agents SDK adapter, made once: the bot endpoint and proactive messages share it. */
export function createBotAdapter(auth: BotAuth): BotAdapter {
  const authConfig: AuthConfiguration = auth.mode === 'tenant' ? { clientId: auth.clientId, clientSecret: auth.clientSecret, tenantId: auth.tenantId } : { clientId: '' };
  const adapter = new CloudAdapter(authConfig);
  const identity = auth.mode === 'tenant' ? auth.clientId : { name: 'anonymous' };
  return {
    auth,
    authConfig,
    adapter,
    async continueConversation(reference, logic) {
      // The adapter's turn-error handler would swallow a failure (a 403 from Teams): hand it to the caller instead.
      let failure: { error: unknown } | undefined;
      await adapter.continueConversation(identity, reference, async (context) => {
        try {
          await logic(context);
        } catch (error) {
          failure = { error };
        }
      });
      if (failure) throw failure.error;
    },
  };
}
