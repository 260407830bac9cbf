/**
 * The paperwork port: a Word document (.docx) filled from what the case holds. The adapter
 * (documents/) fills the service's template for the kind: the site's "Templates" library copy
 * when there is one, else the one shipped with the product.
 */

/** Every document the process names (seed 000), plus the two letters it implies. */
export const documentKinds = [
  /** Step 2: to the school, with the information form and the PDP. */
  'information-letter',
  /** School Initial Information Gathering form: what the case knows filled in, the rest for the school. */
  'information-form',
  /** The pupil's Pastoral/Personal Development Plan, as a template for the school. */
  'pdp',
  'observation-form',
  'meeting-record',
  'outreach-contract',
  'chronology-log',
  'summary-record',
  'end-of-outreach-report',
  /** Step 10: an Outreach Report for another agency. */
  'outreach-report',
  /** Step 10: the report for the Fair Access Panel. */
  'fap-report',
  /** The school's evaluation of the service (case end, term end). */
  'evaluation-form',
  /** To the school when a case closes early. */
  'early-closure-letter',
  /** To the parents: the contract's outcome. */
  'parents-contract-letter',
] as const;
export type DocumentKind = (typeof documentKinds)[number];

/** What a template is filled with: text, yes/no for conditions, and lists of rows for loops. */
export type DocumentFieldValue = string | boolean | ReadonlyArray<Readonly<Record<string, string | boolean>>>;
export type DocumentFields = Readonly<Record<string, DocumentFieldValue>>;

export interface Documents {
  /**
   * The kind's template filled with the fields, as .docx bytes. Throws TemplateProblem when the
   * template cannot be used (broken, or asking for a field the product does not give): never a
   * half-filled document.
   */
  make(kind: DocumentKind, fields: DocumentFields): Promise<Uint8Array>;
}

/** A template that cannot be used, in words the person who edits templates understands. */
export class TemplateProblem extends Error {
  constructor(
    readonly kind: DocumentKind,
    /** Where the template came from: "shipped" or the site's Templates library. */
    readonly source: 'shipped' | 'site',
    readonly explanation: string,
  ) {
    super(`The ${kind} template (${source === 'site' ? "the site's Templates library" : 'shipped with the product'}) cannot be used: ${explanation}`);
    this.name = 'TemplateProblem';
  }
}

/** An override of a shipped template: the site's "Templates" library, read by file name. */
export interface TemplateOverrides {
  /** The file's bytes, or undefined when the library has no file of that name. */
  find(fileName: string): Promise<Uint8Array | undefined>;
}

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const PDF_TYPE = 'application/pdf';
