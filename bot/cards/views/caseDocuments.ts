import type { CaseRecord } from '../../../workflow';

/** Documents listed under "More actions", newest first; the child's folder holds every one. */
const documentsShown = 12;
/** Teams shows at most 6 actions in a set. */
const actionsPerSet = 6;

/**
 * "Documents (n)" under "More actions": every document the product filed for the case (the newest
 * twelve), each opening from the card (its .docx, and its PDF beside it). None when there are none.
 */
export function caseDocumentBlocks(records: readonly CaseRecord[]): unknown[] {
  const all = records.flatMap((r) => (r.body.kind === 'document' ? [{ at: r.createdAt, ...r.body }] : [])).sort((a, b) => b.at.localeCompare(a.at));
  if (all.length === 0) return [];
  const opens = all.slice(0, documentsShown).flatMap((d) => [
    { type: 'Action.OpenUrl', title: d.fileName, url: d.fileUrl },
    ...(d.pdfUrl && d.pdfName ? [{ type: 'Action.OpenUrl', title: d.pdfName, url: d.pdfUrl }] : []),
  ]);
  const sets = [];
  for (let i = 0; i < opens.length; i += actionsPerSet) sets.push({ type: 'ActionSet', actions: opens.slice(i, i + actionsPerSet) });
  const heading = all.length > documentsShown ? `Documents (the ${documentsShown} newest of ${all.length}; the child's folder holds them all)` : `Documents (${all.length})`;
  return [{ type: 'TextBlock', text: heading, weight: 'Bolder', spacing: 'Medium', wrap: true }, ...sets];
}
