import { viewCase } from '../../../workflow';
import type { CardContext, CardResponse } from '../card';
import { viewVerbs } from '../forms/formNames';
import { refusal } from '../forms/caseForm';
import type { FormValues } from '../forms/formValues';
import { caseCard } from '../views/caseCard';
import { helpCard } from '../views/chatViews';
import { myCasesCard } from '../views/myCasesCard';
import { noticeFromData, notificationCard } from '../views/notificationCard';
import type { CardVerb } from './cardVerb';

export async function openCase(ctx: CardContext, caseId: string): Promise<CardResponse> {
  const view = await viewCase(ctx.deps, ctx.actor, { caseId });
  if (!view.ok) return { card: refusal(view.error) };
  return { card: await caseCard(ctx, view.value) };
}

/**
 * "Open the case" on a notice: the notice stays as it was (the answer to the click replaces the
 * card clicked) and the case comes as a new message.
 */
async function openCaseFromNotice(ctx: CardContext, values: FormValues): Promise<CardResponse> {
  const opened = await openCase(ctx, values.caseId ?? '');
  const notice = noticeFromData(values);
  return notice ? { card: notificationCard(notice), followUp: opened.card } : opened;
}

/** Buttons that show something rather than record it. */
export const viewActions: CardVerb[] = [
  { verb: viewVerbs.openCase, handle: openCaseFromNotice },
  { verb: viewVerbs.myCases, handle: async (ctx) => ({ card: await myCasesCard(ctx) }) },
  { verb: viewVerbs.help, handle: async () => ({ card: helpCard() }) },
];
