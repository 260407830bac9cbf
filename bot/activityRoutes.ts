import { ActivityTypes } from '@microsoft/agents-activity';
import type { Activity } from '@microsoft/agents-activity';
import type { TurnContext } from '@microsoft/agents-hosting';
import { onCardAction } from './activities/cardAction';
import { onInstalled, onMembersAdded } from './activities/install';
import { onMessage } from './activities/message';
import type { BotDeps } from './botDeps';
import { answerInvokeWithError } from './replies';

type ActivityHandler = (deps: BotDeps, context: TurnContext) => Promise<void>;

/** The invokes the bot answers, by invoke name. */
export const invokeRoutes = {
  'adaptiveCard/action': onCardAction,
} as const satisfies Record<string, ActivityHandler>;

/** The table's handler for a key that came off the wire (own keys only, so "toString" routes nowhere). */
function routeIn(table: Readonly<Record<string, ActivityHandler>>, key: string | undefined): ActivityHandler | undefined {
  return key !== undefined && Object.hasOwn(table, key) ? table[key] : undefined;
}

const onInvoke: ActivityHandler = (deps, context) => {
  const name = context.activity.name;
  const route = routeIn(invokeRoutes, name);
  if (route) return route(deps, context);
  deps.log.warn({ activity: 'invoke', name }, 'invoke not handled');
  return answerInvokeWithError(context, 400, `The invoke "${name ?? ''}" is not handled by this bot.`);
};

const onInstallationUpdate: ActivityHandler = async (deps, context) => {
  const action = context.activity.action;
  if (action === 'add' || action === 'add-upgrade') await onInstalled(deps, context);
};

const onConversationUpdate: ActivityHandler = async (deps, context) => {
  const activity: Activity = context.activity;
  if (activity.membersAdded?.some((m) => m.id !== activity.recipient?.id)) await onMembersAdded(deps, context);
};

/** The activity families the bot answers in a personal chat; any other type is ignored. */
export const activityRoutes = {
  [ActivityTypes.Message]: onMessage,
  [ActivityTypes.Invoke]: onInvoke,
  [ActivityTypes.InstallationUpdate]: onInstallationUpdate,
  [ActivityTypes.ConversationUpdate]: onConversationUpdate,
} as const satisfies Partial<Record<ActivityTypes, ActivityHandler>>;


export const routeFor = (type: string): ActivityHandler | undefined => routeIn(activityRoutes, type);
