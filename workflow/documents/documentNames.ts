// TEMPORARY: replaced by the docs-engine branch.
import type { DocumentKind } from '../ports/documents';

export const documentTitle = (kind: DocumentKind): string => kind.replace(/-/g, ' ');
export const documentFileName = (kind: DocumentKind, caseReference: string, version: number, ext: 'docx' | 'pdf'): string =>
  `${documentTitle(kind)} ${caseReference} v${version}.${ext}`;
