import type { ConversationReference } from '@microsoft/agents-activity';
import { CloudAdapter, type AuthConfiguration, type TurnContext } from '@microsoft/agents-hosting';
import type { TenantCredential } from '../config';

export type BotAuth =
  /** Bot Framework tokens validated on every request (a tenant); the bot is CLIENT_ID's app registration. */
  | { mode: 'tenant'; clientId: string; tenantId: string; credential: TenantCredential }
  /** Only with the embedded Graph: requests without a token are accepted (the Playground sends none). */
  | { mode: 'anonymous' };

export interface BotAdapter {
  auth: BotAuth;
  authConfig: AuthConfiguration;
  adapter: CloudAdapter;
  /** Opens a turn on a stored conversation (proactive messages, card updates after a turn). */
  continueConversation(reference: ConversationReference, logic: (context: TurnContext) => Promise<void>): Promise<void>;
}

/**
 * The Agents SDK's settings for the bot as CLIENT_ID: with a secret, or with the managed identity's
 * token as a federated credential. `federatedClientId` is the SDK's current name for `FICClientId`
 * (its deprecated alias); either makes it resolve to AuthType.FederatedCredentials, which asks the
 * identity (msal-node ManagedIdentityApplication) for an api://AzureADTokenExchange token.
 */
function tenantAuthConfig(auth: Extract<BotAuth, { mode: 'tenant' }>): AuthConfiguration {
  const { clientId, tenantId, credential } = auth;
  return credential.kind === 'secret' ? { clientId, tenantId, clientSecret: credential.secret } : { clientId, tenantId, federatedClientId: credential.clientId };
}

/** The Agents SDK adapter, made once: the bot endpoint and proactive messages share it. */
export function createBotAdapter(auth: BotAuth): BotAdapter {
  const authConfig: AuthConfiguration = auth.mode === 'tenant' ? tenantAuthConfig(auth) : { clientId: '' };
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
