import type { DocumentKind } from '../ports/documents';

const titles: Record<DocumentKind, string> = {
  'information-letter': 'Information Request Letter',
  'information-form': 'School Initial Information Gathering Form',
  pdp: 'Personal Development Plan',
  'observation-form': 'Observation Form',
  'meeting-record': 'Meeting Record',
  'outreach-contract': 'Outreach Contract',
  'chronology-log': 'Chronology Log',
  'summary-record': 'Summary Record',
  'end-of-outreach-report': 'End of Outreach Report',
  'outreach-report': 'Outreach Report',
  'fap-report': 'Fair Access Panel Report',
  'evaluation-form': 'School Evaluation Form',
  'early-closure-letter': 'Case Closure Letter',
  'parents-contract-letter': 'Outreach Contract Letter to Parents',
};

/** The document's name as people know it ("Outreach Contract"). */
export const documentTitle = (kind: DocumentKind): string => titles[kind];

export type DocumentExtension = 'docx' | 'pdf';

/** Without the characters SharePoint refuses in a file name (" * : < > ? / \ |), control characters, or a trailing dot or space. */
export function safeFileNamePart(text: string): string {
  return text
    .replace(/["*:<>?/\\|]/g, ' ')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[. ]+$/, '');
}

/**
 * "Outreach Contract OC-26-ABCDE v2.docx": the document, the case reference and the version. No
 * child's name: a file name shows in lists, links and mail.
 */
export function documentFileName(kind: DocumentKind, caseReference: string, version: number, ext: DocumentExtension): string {
  return `${documentTitle(kind)} ${safeFileNamePart(caseReference)} v${version}.${ext}`;
}

/** "School Evaluation Form Alderbrook Primary School Autumn 2026.docx": a school's form for a term. */
export function schoolDocumentFileName(kind: DocumentKind, schoolName: string, term: string, ext: DocumentExtension): string {
  return `${safeFileNamePart(`${documentTitle(kind)} ${schoolName} ${term}`)}.${ext}`;
}
