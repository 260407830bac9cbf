import { viewCase } from '../../../workflow';
import type { CardContext, CardResponse } from '../card';
import { viewVerbs } from '../forms/formNames';
import { refusal } from '../forms/caseForm';
import type { FormValues } from '../forms/formValues';
import { caseCard } from '../views/caseCard';
import { chronologyCard, recordCard } from '../views/chronologyCard';
import { helpCard } from '../views/chatViews';
import { myCasesCard } from '../views/myCasesCard';
import { noticeFromData, notificationCard } from '../views/notificationCard';
import type { CardVerb } from './cardVerb';

export async function openCase(ctx: CardContext, caseId: string): Promise<CardResponse> {
  const view = await viewCase(ctx.deps, ctx.actor, { caseId });
  if (!view.ok) return { card: refusal(view.error) };
  return { card: await caseCard(ctx, view.value) };
}

/** Every record of the case by the date it happened; the read is checked and audited as viewCase. */
export async function openChronology(ctx: CardContext, caseId: string, page?: string): Promise<CardResponse> {
  const view = await viewCase(ctx.deps, ctx.actor, { caseId });
  if (!view.ok) return { card: refusal(view.error) };
  return { card: await chronologyCard(ctx, view.value, page) };
}

async function openRecord(ctx: CardContext, caseId: string, recordId: string | undefined): Promise<CardResponse> {
  const view = await viewCase(ctx.deps, ctx.actor, { caseId });
  if (!view.ok) return { card: refusal(view.error) };
  const card = await recordCard(ctx, view.value, recordId);
  return { card: card ?? (await chronologyCard(ctx, view.value, undefined)) };
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
  { verb: viewVerbs.chronology, handle: (ctx, values: FormValues) => openChronology(ctx, values.caseId ?? '', values.page) },
  { verb: viewVerbs.viewRecord, handle: (ctx, values: FormValues) => openRecord(ctx, values.caseId ?? '', values.recordId) },
  { verb: viewVerbs.help, handle: async () => ({ card: helpCard() }) },
];
