import { dateHappened, documentLinksIn, inOrderHappened, type CaseRecord, type CaseView, type DocumentLink } from '../../../workflow';
import { documentBlocks } from '../documentLinks';
import type { AdaptiveCardJson, CardContext } from '../card';
import { headingOf } from '../caseHeading';
import { showDate, showInstant } from '../format';
import { viewVerbs } from '../forms/formNames';
import { composeCard, type Fact } from '../outcomes';
import { staffNames } from '../staffNames';
import { recordLabels } from './recordLabels';

export const recordsPerPage = 10;

const pageOf = (asked: string | undefined, pages: number): number => {
  const n = Number.parseInt(asked ?? '1', 10);
  return Number.isInteger(n) ? Math.min(Math.max(n, 1), pages) : 1;
};

/** Every record of a case in the order it happened, a page at a time, each with a button to open it. */
export async function chronologyCard(ctx: CardContext, view: CaseView, askedPage: string | undefined): Promise<AdaptiveCardJson> {
  const nameOf = await staffNames(ctx);
  const caseId = view.case.id;
  const all = inOrderHappened(view.records);
  const pages = Math.max(1, Math.ceil(all.length / recordsPerPage));
  const page = pageOf(askedPage, pages);
  const shown = all.slice((page - 1) * recordsPerPage, page * recordsPerPage);
  const rows = shown.map((r) => ({
    type: 'ColumnSet',
    spacing: 'Small',
    columns: [
      {
        type: 'Column',
        width: 'stretch',
        items: [{ type: 'TextBlock', wrap: true, color: r.safeguarding ? 'Attention' : 'Default', text: `${showDate(dateHappened(r))} · ${recordLabels[r.body.kind]}${r.locked ? ' (locked)' : ''} · ${nameOf(r.createdBy)}` }],
      },
      { type: 'Column', width: 'auto', items: [{ type: 'ActionSet', actions: [{ type: 'Action.Execute', title: 'Open', verb: viewVerbs.viewRecord, data: { caseId, recordId: r.id } }] }] },
    ],
  }));
  const turn = (title: string, to: number) => ({ type: 'Action.Execute', title, verb: viewVerbs.chronology, data: { caseId, page: String(to) } });
  return composeCard({
    heading: headingOf(view),
    body: [
      { type: 'TextBlock', text: 'Chronology', weight: 'Bolder', size: 'Medium' },
      {
        type: 'TextBlock',
        wrap: true,
        isSubtle: true,
        text: all.length === 0 ? 'Nothing has been recorded on this case yet.' : `${all.length} ${all.length === 1 ? 'record' : 'records'}, by the date each happened. Page ${page} of ${pages}.`,
      },
      ...rows,
    ],
    actions: [...(page > 1 ? [turn('Previous', page - 1)] : []), ...(page < pages ? [turn('Next', page + 1)] : []), { type: 'Action.Execute', title: 'Back to the case', verb: viewVerbs.openCase, data: { caseId } }],
  });
}

const labelOf = (key: string): string => {
  const words = key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const isoInstant = /^\d{4}-\d{2}-\d{2}T/;

const showValue = (value: unknown): string => {
  if (typeof value === 'string') return isoDate.test(value) ? showDate(value) : isoInstant.test(value) ? showInstant(value) : value.replace(/-/g, ' ');
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (Array.isArray(value)) return value.map(showValue).filter((v) => v !== '').join('; ');
  if (value && typeof value === 'object') return Object.values(value).map(showValue).filter((v) => v !== '').join(', ');
  return '';
};

/** Fields shown as buttons (a file's address), or not shown at all (a stored key). */
const notFacts = new Set(['kind', 'fileUrl', 'pdfUrl', 'aboutRecordKey']);
/** Fields shown as typed (file names and addresses: a hyphen in them is not a word break). */
const verbatim = new Set(['fileName', 'pdfName', 'requestedByEmail', 'sentTo']);
const shownAsTyped = (value: unknown): string => (Array.isArray(value) ? value.map(String).join('; ') : String(value));

/** The files a record links: a document record's file and PDF, a report's file, a returned document. */
function linksOf(record: CaseRecord): DocumentLink[] {
  const body = record.body;
  if (body.kind === 'report' && body.fileUrl) return [{ title: 'report', fileName: '', url: body.fileUrl }];
  // A returned form or PDP, as the school sent it.
  if (body.kind === 'information-returned' && body.fileUrl) return [{ title: 'filed copy', fileName: body.fileName ?? '', url: body.fileUrl }];
  return documentLinksIn([record]);
}

/** One record as it was written: what, when it happened, who recorded it and when. */
export async function recordCard(ctx: CardContext, view: CaseView, recordId: string | undefined): Promise<AdaptiveCardJson | undefined> {
  const record = view.records.find((r) => r.id === recordId);
  if (!record) return undefined;
  const nameOf = await staffNames(ctx);
  const facts: Fact[] = [
    { title: 'Happened', value: showDate(dateHappened(record)) },
    { title: 'Recorded', value: `by ${nameOf(record.createdBy)}, ${showInstant(record.createdAt)}` },
    ...Object.entries(record.body)
      .filter(([k]) => !notFacts.has(k))
      .map(([k, v]) => ({ title: labelOf(k), value: verbatim.has(k) ? shownAsTyped(v) : showValue(v) }))
      .filter((f) => f.value !== ''),
  ];
  return composeCard({
    heading: headingOf(view),
    body: [
      { type: 'TextBlock', text: `${recordLabels[record.body.kind]}${record.locked ? ' (locked)' : ''}`, weight: 'Bolder', size: 'Medium', wrap: true },
      { type: 'FactSet', facts: facts.map((f) => ({ title: f.title, value: f.value })) },
      ...documentBlocks(linksOf(record)),
    ],
    actions: [
      { type: 'Action.Execute', title: 'Chronology', verb: viewVerbs.chronology, data: { caseId: view.case.id } },
      { type: 'Action.Execute', title: 'Back to the case', verb: viewVerbs.openCase, data: { caseId: view.case.id } },
    ],
  });
}
