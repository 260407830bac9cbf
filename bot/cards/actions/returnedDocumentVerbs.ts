import { z } from 'zod';
import { casesAwaitingInformation, fileReturnedDocument, returnedDocumentTitles, type DocumentFiled, type WorkflowError } from '../../../workflow';
import { alreadyRecorded } from '../alreadyRecorded';
import type { CardContext, CardResponse } from '../card';
import { refusal } from '../forms/caseForm';
import { viewVerbs } from '../forms/formNames';
import type { FormValues } from '../forms/formValues';
import { composeCard, outcomeBlock, type Outcome } from '../outcomes';
import { recordedBy } from '../recordedBy';
import { returnedDocumentCard } from '../views/returnedDocumentCards';
import type { CardVerb } from './cardVerb';

/** What the file's card carries from the chat message to its submit (the chosen case and document come from its inputs). */
const CarriedFile = z.object({
  requestKey: z.string().min(1),
  fileName: z.string().trim().min(1).max(255),
  downloadUrl: z.string().min(1),
  size: z.string().regex(/^\d{1,12}$/).optional(),
});

/** Errors the person can fix on the same card (a choice left empty, or the case moved on and another fits): the card again. */
const onTheCardAgain = new Set<WorkflowError['code']>(['ValidationFailed', 'InformationNotAwaited']);

async function fileIt(ctx: CardContext, values: FormValues): Promise<CardResponse> {
  const carried = CarriedFile.safeParse(values);
  if (!carried.success) {
    const field = carried.error.issues[0]?.path.join('.') || 'fileName';
    return { card: refusal({ code: 'ValidationFailed', message: `${field}: missing or not valid, so this card does not say which file it is for. Send the file to the bot again.`, field }) };
  }
  const { requestKey, fileName, downloadUrl, size } = carried.data;
  const chosen = { caseId: values.caseId?.trim() ?? '', document: values.document?.trim() ?? '' };
  const filed = await fileReturnedDocument(ctx.deps, ctx.actor, {
    caseId: chosen.caseId,
    requestKey,
    document: chosen.document,
    fileName,
    source: { from: 'teams', downloadUrl, ...(size !== undefined ? { size: Number(size) } : {}) },
  });
  if (filed.ok) {
    const outcome = await filedOutcome(ctx, filed.value);
    return { card: composeCard({ body: [outcomeBlock(filed.value.repeated ? alreadyRecorded(outcome) : outcome)] }) };
  }
  if (!onTheCardAgain.has(filed.error.code)) return { card: refusal(filed.error) };
  const waiting = await casesAwaitingInformation(ctx.deps, ctx.actor);
  if (!waiting.ok || waiting.value.length === 0) return { card: refusal(filed.error) };
  return { card: returnedDocumentCard({ ok: true, name: fileName, downloadUrl, ...(size !== undefined ? { size: Number(size) } : {}) }, waiting.value, requestKey, chosen, filed.error) };
}

async function filedOutcome(ctx: CardContext, filed: DocumentFiled): Promise<Outcome> {
  const reference = filed.case.reference;
  const title = filed.document === 'other' ? 'A document from the school' : `The ${returnedDocumentTitles[filed.document]}`;
  const awaited = filed.stillAwaited.map((d) => `the ${returnedDocumentTitles[d]}`).join(' and ');
  const step = filed.document === 'other' ? '' : awaited ? `Still awaited from the school: ${awaited}.` : 'The information form and PDP are both back: step 2\'s information is recorded as returned.';
  return {
    headline: `${title} filed on ${reference}`,
    tone: 'good',
    detail: [step, filed.file.webUrl ? `[Open the filed copy](${filed.file.webUrl})` : ''].filter(Boolean).join('\n\n'),
    facts: [
      { title: 'Case', value: reference },
      { title: 'Filed as', value: filed.file.name },
    ],
    by: await recordedBy(ctx, filed.record.createdBy, filed.record.createdAt, 'Filed'),
  };
}

/** A file sent in chat, filed on the case chosen as the document chosen. */
export const returnedDocumentVerbs: readonly CardVerb[] = [{ verb: viewVerbs.fileReturnedDocument, handle: fileIt }];
