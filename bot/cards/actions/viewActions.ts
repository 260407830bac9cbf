import { viewCase } from '../../../workflow';
import type { CardContext, CardResponse } from '../card';
import { viewVerbs } from '../forms/formNames';
import { refusal } from '../forms/caseForm';
import type { FormValues } from '../forms/formValues';
import { caseCard } from '../views/caseCard';
import { helpCard } from '../views/chatViews';
import { myCasesCard } from '../views/myCasesCard';
import type { CardVerb } from './cardVerb';

export async function openCase(ctx: CardContext, caseId: string): Promise<CardResponse> {
  const view = await viewCase(ctx.deps, ctx.actor, { caseId });
  if (!view.ok) return { card: refusal(view.error) };
  return { card: await caseCard(ctx, view.value) };
}

/** Buttons that show something rather than record it. */
export const viewActions: CardVerb[] = [
  { verb: viewVerbs.openCase, handle: (ctx, values: FormValues) => openCase(ctx, values.caseId ?? '') },
  { verb: viewVerbs.myCases, handle: async (ctx) => ({ card: await myCasesCard(ctx) }) },
  { verb: viewVerbs.help, handle: async () => ({ card: helpCard() }) },
];
