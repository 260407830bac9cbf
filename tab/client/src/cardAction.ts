/** What a card action asks of the tab, read from the `adaptivecards` SDK's action object. */
import { ExecuteAction, OpenUrlAction, SubmitAction, type Action } from 'adaptivecards';

export type CardRequest = { kind: 'post'; verb: string; data: Record<string, unknown> } | { kind: 'open'; url: string } | { kind: 'none' };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Action.Execute carries its verb; a plain Action.Submit carries it in its data (as the bot's
 * dispatcher reads it). `action.data` already holds the card's input values: the SDK merges them in
 * when it prepares the action (after validating the inputs).
 */
export function cardRequest(action: Action): CardRequest {
  if (action instanceof OpenUrlAction) return action.url ? { kind: 'open', url: action.url } : { kind: 'none' };
  if (action instanceof ExecuteAction || action instanceof SubmitAction) {
    const data = isRecord(action.data) ? { ...action.data } : {};
    const verb = action instanceof ExecuteAction && action.verb ? action.verb : typeof data.verb === 'string' ? data.verb : undefined;
    return verb ? { kind: 'post', verb, data } : { kind: 'none' };
  }
  return { kind: 'none' };
}
