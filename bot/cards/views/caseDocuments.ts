import type { CaseRecord } from '../../../workflow';

/** Documents listed on the case card, newest first; the folder holds every one. */
const documentsShown = 12;
/** Teams shows at most 6 actions in a set. */
const actionsPerSet = 6;

/**
 * "Documents (n)": every document the product filed for the case, each opening from the card (its
 * .docx, and its PDF beside it), newest first. Undefined when the case has none yet.
 */
export function caseDocumentsAction(records: readonly CaseRecord[]): unknown {
  const documents = records
    .flatMap((r) => (r.body.kind === 'document' ? [{ at: r.createdAt, ...r.body }] : []))
    .sort((a, b) => b.at.localeCompare(a.at))
    .slice(0, documentsShown);
  if (documents.length === 0) return undefined;
  const opens = documents.flatMap((d) => [
    { type: 'Action.OpenUrl', title: d.fileName, url: d.fileUrl },
    ...(d.pdfUrl && d.pdfName ? [{ type: 'Action.OpenUrl', title: d.pdfName, url: d.pdfUrl }] : []),
  ]);
  const sets = [];
  for (let i = 0; i < opens.length; i += actionsPerSet) sets.push({ type: 'ActionSet', actions: opens.slice(i, i + actionsPerSet) });
  const total = records.filter((r) => r.body.kind === 'document').length;
  const note = total > documents.length ? [{ type: 'TextBlock', text: `The ${documents.length} latest of ${total}: the child's folder holds them all.`, wrap: true, isSubtle: true }] : [];
  return { type: 'Action.ShowCard', title: `Documents (${total})`, card: { type: 'AdaptiveCard', version: '1.5', body: [...note, ...sets] } };
}
