import type { RequestHandler } from 'express';
import { z } from 'zod';
import { handleCardAction, type AdaptiveCardJson, type CardResponse } from '../../bot/cards';
import { outcomeCard } from '../../bot/cards/outcomes';
import { viewVerbs } from '../../bot/cards/forms/formNames';
import { ListItemId, MailTooLarge, mayOpenCase, RecordTooLarge, type CaseLocks, type Staff, type WorkflowDeps } from '../../workflow';
import { CardActionBody, type CardAnswer } from '../contract/api';
import { badInput, refused, send } from './answers';
import { staffOf } from './signedIn';
import { errorName, type TabLog } from './tabLog';

export interface CardRouteDeps {
  workflow: WorkflowDeps;
  log: TabLog;
  /** The bot's own lock: chat and tab take turns on a case. */
  caseLocks: CaseLocks;
  /** After an action changed these subjects (a contract decided...): the copies of their cards in chat are redrawn. */
  onChanged?: (changed: readonly string[]) => void;
}

const answerOf = (response: CardResponse): CardAnswer => ({ card: response.card, ...(response.followUp ? { followUp: response.followUp } : {}) });

/** GET /cases/:caseId/card: the case's card as the bot shows it to this person, with its actions. */
export function caseCardRoute({ workflow }: CardRouteDeps): RequestHandler {
  return async (req, res) => {
    const caseId = ListItemId.safeParse(req.params.caseId);
    if (!caseId.success) return badInput(res, 'path', caseId.error);
    const actor = staffOf(res);
    // The access check reads what the card's view reads next, in the same action: no extra round trip.
    const answer = await workflow.batching.oneAction(async () => {
      const may = await mayOpenCase(workflow, actor, caseId.data);
      return may.ok ? { ok: true as const, response: await handleCardAction(workflow, actor, viewVerbs.openCase, { caseId: caseId.data }) } : may;
    });
    if (!answer.ok) return refused(res, answer.error);
    send<CardAnswer>(res, answerOf(answer.response));
  };
}

/**
 * POST /cards/action {verb, data}: an Action.Execute from a card shown in the tab, through the
 * bot's own dispatcher, in one action, a submit on a case under the bot's lock of that case.
 * Refusals and repeats answer cards (as in chat); a failure answers a card saying so, logged by
 * the verb and the error's name only.
 */
export function cardActionRoute({ workflow, log, caseLocks, onChanged }: CardRouteDeps): RequestHandler {
  return async (req, res) => {
    const body = CardActionBody.safeParse(req.body);
    if (!body.success) return badInput(res, 'body', body.error);
    const { verb, data } = body.data;
    const actor: Staff = staffOf(res);
    const started = Date.now();
    const response = await workflow.batching
      .oneAction(() => {
        const act = () => handleCardAction(workflow, actor, verb, data ?? {});
        const caseId = caseWritten(verb, data);
        return caseId ? caseLocks.withCase(caseId, act) : act();
      })
      .catch((error: unknown): CardResponse => ({ card: failureCard(error, verb, log) }));
    log.info({ verb, ms: Date.now() - started }, 'tab card action');
    if (response.changed && response.changed.length > 0) onChanged?.(response.changed);
    send<CardAnswer>(res, answerOf(response));
  };
}

/** The case a submit writes on (its card data's caseId): as the bot decides it (bot/activities/cardAction.ts). */
function caseWritten(verb: string, data: unknown): string | undefined {
  if (!verb.endsWith('.submit')) return undefined;
  const caseId = z.object({ caseId: z.string().min(1) }).safeParse(data);
  return caseId.success ? caseId.data.caseId : undefined;
}

function failureCard(error: unknown, verb: string, log: TabLog): AdaptiveCardJson {
  if (error instanceof RecordTooLarge) {
    log.warn({ verb, entity: error.entity, characters: error.characters }, 'tab card action refused: record too large');
    return outcomeCard({
      headline: 'That is too long to store',
      tone: 'attention',
      detail: `SharePoint keeps at most ${error.limit.toLocaleString('en-GB')} characters in one record, and this one would be ${error.characters.toLocaleString('en-GB')}. Shorten the longest text and send it again; nothing of it was saved.`,
    });
  }
  if (error instanceof MailTooLarge) {
    log.warn({ verb, bytes: error.bytes, limit: error.limitBytes }, 'tab card action refused: mail too large');
    return outcomeCard({ headline: 'That mail is too large to send', tone: 'attention', detail: `${error.message} Nothing was sent.` });
  }
  log.error({ verb, ...errorName(error) }, 'tab card action failed');
  return outcomeCard({
    headline: 'That could not be finished',
    tone: 'attention',
    detail: 'Something went wrong while saving. Open the case again to see what was recorded; every action is safe to repeat.',
  });
}
