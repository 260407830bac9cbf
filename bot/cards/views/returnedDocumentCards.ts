import {
  casesAwaitingInformation,
  documentSizeRule,
  documentTypeRule,
  returnedDocumentTitles,
  returnedDocuments,
  type AwaitingCase,
  type ReturnedDocument,
  type WorkflowError,
} from '../../../workflow';
import type { AdaptiveCardJson, CardContext } from '../card';
import { viewVerbs } from '../forms/formNames';
import { refusal } from '../forms/caseForm';
import { composeCard, outcomeCard } from '../outcomes';

/** A file sent to the bot in chat, or one whose attachment could not be read (its name when it had one). */
export type SentFile = { ok: true; name: string; downloadUrl: string; size?: number } | { ok: false; name: string };

const documentChoices: Record<ReturnedDocument, string> = {
  'information-form': returnedDocumentTitles['information-form'],
  pdp: returnedDocumentTitles.pdp,
  other: 'Another document for the case',
};

/**
 * The answer to files sent in chat: one card per file asking which waiting case and which document
 * it is; a file that is not a document, or too large, is refused by name; with no case waiting,
 * one card saying so.
 */
export async function returnedDocumentCards(ctx: CardContext, files: readonly SentFile[]): Promise<AdaptiveCardJson[]> {
  const checked = files.map((file) => ({ file, problem: problemOf(file) }));
  const refused = checked.flatMap(({ problem }) => (problem ? [refusal(problem)] : []));
  const wanted = checked.flatMap(({ file, problem }) => (!problem && file.ok ? [file] : []));
  if (wanted.length === 0) return refused;
  const waiting = await casesAwaitingInformation(ctx.deps, ctx.actor);
  if (!waiting.ok) return [...refused, refusal(waiting.error)];
  if (waiting.value.length === 0) return [...refused, noCaseWaiting(wanted)];
  return [...refused, ...wanted.map((file) => returnedDocumentCard(file, waiting.value, ctx.deps.ids.randomCode(16)))];
}

function problemOf(file: SentFile): Pick<WorkflowError, 'code' | 'message' | 'rule' | 'field'> | undefined {
  if (!file.ok) return { code: 'FileUnavailable', message: `"${file.name}" came without the details needed to fetch it. Send it to the bot again.`, field: 'file' };
  const type = documentTypeRule(file.name);
  if (!type.ok) return type.error;
  const size = file.size === undefined ? undefined : documentSizeRule(file.name, file.size);
  return size && !size.ok ? size.error : undefined;
}

function noCaseWaiting(files: readonly SentFile[]): AdaptiveCardJson {
  const names = files.map((f) => `"${f.name}"`).join(', ');
  return outcomeCard({
    headline: 'No case of yours is waiting for the school\'s information',
    tone: 'warning',
    detail: `Files sent here are filed on a case whose information form or PDP is still awaited, and none is. Nothing was filed (${names}). Say "my cases" to see your cases.`,
  });
}

/** One file: which case (reference and school only) and which document; the submit files it once (its request key). */
export function returnedDocumentCard(
  file: Extract<SentFile, { ok: true }>,
  waiting: readonly AwaitingCase[],
  requestKey: string,
  chosen: { caseId?: string; document?: string } = {},
  problem?: Pick<WorkflowError, 'message' | 'rule' | 'field'>,
): AdaptiveCardJson {
  const only = waiting.length === 1 ? waiting[0] : undefined;
  const caseId = chosen.caseId ?? only?.caseId ?? '';
  const document = chosen.document ?? (only?.awaited.length === 1 ? only.awaited[0] : '') ?? '';
  const awaitedWords = (c: AwaitingCase) => c.awaited.map((d) => (d === 'pdp' ? 'PDP' : 'information form')).join(' and ');
  return composeCard({
    ...(problem ? { problem } : {}),
    body: [
      { type: 'TextBlock', text: `Which case is "${file.name}" for?`, weight: 'Bolder', size: 'Medium', wrap: true },
      { type: 'TextBlock', text: 'Cases waiting for the school\'s information:', wrap: true, isSubtle: true },
      {
        type: 'Input.ChoiceSet', id: 'caseId', label: 'Case', style: 'expanded', isRequired: true, errorMessage: 'Choose the case', value: caseId,
        choices: waiting.map((c) => ({ title: `${c.reference} · ${c.schoolName} (awaiting the ${awaitedWords(c)})`, value: c.caseId })),
      },
      {
        type: 'Input.ChoiceSet', id: 'document', label: 'Document', style: 'expanded', isRequired: true, errorMessage: 'Choose which document it is', value: document,
        choices: returnedDocuments.map((d) => ({ title: documentChoices[d], value: d })),
      },
    ],
    actions: [
      {
        type: 'Action.Execute', title: 'File it on the case', verb: viewVerbs.fileReturnedDocument, style: 'positive',
        data: { requestKey, fileName: file.name, downloadUrl: file.downloadUrl, ...(file.size !== undefined ? { size: String(file.size) } : {}) },
      },
    ],
  });
}
