import type { DocumentLink } from '../../workflow';

/** Teams shows at most 6 actions in a set. */
const perSet = 6;

/** Buttons that open each document in SharePoint (Word online), and its PDF when there is one. */
export function documentButtons(documents: readonly DocumentLink[]): unknown[] {
  return documents.flatMap((d) => [
    ...(isWebLink(d.url) ? [{ type: 'Action.OpenUrl', title: `Open the ${d.title}`, url: d.url }] : []),
    ...(d.pdfUrl && isWebLink(d.pdfUrl) ? [{ type: 'Action.OpenUrl', title: `${capitalised(d.title)} (PDF)`, url: d.pdfUrl }] : []),
  ]);
}

/** The documents' buttons as blocks of the card's body (none when there is nothing to open). */
export function documentBlocks(documents: readonly DocumentLink[]): unknown[] {
  const buttons = documentButtons(documents);
  const sets: unknown[] = [];
  for (let i = 0; i < buttons.length; i += perSet) sets.push({ type: 'ActionSet', actions: buttons.slice(i, i + perSet) });
  return sets;
}

const isWebLink = (url: string): boolean => /^https?:\/\//.test(url);
const capitalised = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
