import { caseIdByReference, myCases, type Staff, type WorkflowDeps } from '../../workflow';
import { allVerbs } from './actions/allVerbs';
import { verbNameSchema } from './actions/verbNames';
import { openCase, openChronology } from './actions/viewActions';
import type { AdaptiveCardJson, CardContext, CardRequest, CardResponse } from './card';
import { openVerb, viewVerbs, type VerbName } from './forms/formNames';
import { parseCardData } from './forms/cardData';
import { outcomeCard } from './outcomes';
import { helpCard, unknownTextCard, welcomeCard } from './views/chatViews';
import { dueCard } from './views/dueCard';
import { myCasesCard } from './views/myCasesCard';

export type { AdaptiveCardJson, CardContext, CardRequest, CardResponse } from './card';
export type { VerbName } from './forms/formNames';
export { verbCatalogue } from './actions/verbNames';
export { cardContentType } from './card';
export { chatCommands } from './commands';
export { notOnStaffListCard, welcomeCard, workingCard } from './views/chatViews';
export { notificationCard } from './views/notificationCard';
export { channelCard } from './views/channelCard';
export { liveCard, notificationMessage } from './liveCards';
export { returnedDocumentCards, type SentFile } from './views/returnedDocumentCards';

const byVerb = new Map(allVerbs.map((v) => [v.verb, v]));

/** Every verb the cards carry (for tests and the protocol). */
export const cardVerbs: readonly VerbName[] = allVerbs.map((v) => v.verb);

/** The card that answers a chat request. */
export async function cardForRequest(deps: WorkflowDeps, actor: Staff, request: CardRequest): Promise<AdaptiveCardJson> {
  const ctx: CardContext = { deps, actor };
  switch (request.kind) {
    case 'welcome':
      return welcomeCard(actor);
    case 'help':
      return helpCard();
    case 'my-cases':
      return myCasesCard(ctx);
    case 'due':
      return dueCard(ctx);
    case 'new-referral':
      return (await runVerb(ctx, viewVerbs.newReferral, {})).card;
    case 'case':
      return (await caseByReference(ctx, request.reference, (caseId) => openCase(ctx, caseId))).card;
    case 'chronology':
      return (await caseByReference(ctx, request.reference, (caseId) => openChronology(ctx, caseId))).card;
    case 'log-time':
      if (!request.reference) return logTimeWithoutReference(ctx);
      return (await caseByReference(ctx, request.reference, (caseId) => runVerb(ctx, openVerb('time'), { caseId }))).card;
    case 'unknown':
      return unknownTextCard(request.text);
  }
}

/** With one open case there is nothing to choose: its time sheet opens; with several, the list. */
async function logTimeWithoutReference(ctx: CardContext): Promise<AdaptiveCardJson> {
  const open = await myCases(ctx.deps, ctx.actor);
  const only = open.ok && open.value.length === 1 ? open.value[0] : undefined;
  if (only) return (await runVerb(ctx, openVerb('time'), { caseId: only.id })).card;
  return myCasesCard(ctx, 'Open the case, then choose "More actions" and "Log time".');
}

/**
 * An Action.Execute from any card (`verb` and `data` as Teams sends them). Never throws for bad
 * input: an unknown verb or malformed data answers a card that says so.
 */
export async function handleCardAction(deps: WorkflowDeps, actor: Staff, verb: string, data: unknown): Promise<CardResponse> {
  const parsed = parseCardData(data ?? {});
  if (!parsed.ok) {
    const { field, message } = parsed.problem;
    return {
      card: outcomeCard({
        headline: 'That card sent something I cannot read',
        tone: 'attention',
        detail: `${field}: ${message}. Nothing was recorded. Open the case again and use a fresh card.`,
        facts: [{ title: 'Field', value: field }],
      }),
    };
  }
  const known = verbNameSchema.safeParse(verb);
  if (!known.success) return noLongerWorks(verb);
  return runVerb({ deps, actor }, known.data, parsed.values);
}

async function runVerb(ctx: CardContext, verb: VerbName, values: Record<string, string>): Promise<CardResponse> {
  const handler = byVerb.get(verb);
  if (!handler) return noLongerWorks(verb);
  return handler.handle(ctx, values);
}

function noLongerWorks(verb: string): CardResponse {
  return { card: outcomeCard({ headline: 'That button no longer works', tone: 'warning', detail: `"${verb}" is from an older card. Nothing was recorded: say "my cases" for fresh cards.` }) };
}

async function caseByReference(ctx: CardContext, reference: string, then: (caseId: string) => Promise<CardResponse>): Promise<CardResponse> {
  const caseId = /^OC-\d{2}-[0-9A-Z]{5}$/i.test(reference.trim()) ? await caseIdByReference(ctx.deps, reference) : undefined;
  if (!caseId) {
    return { card: outcomeCard({ headline: `No case ${reference.trim().toUpperCase()}`, tone: 'warning', detail: 'Case references look like OC-26-7KQ2M. Say "my cases" to see yours.' }) };
  }
  return then(caseId);
}
