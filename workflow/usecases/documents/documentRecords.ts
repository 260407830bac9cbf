import { documentTitle } from '../../documents/documentNames';
import { workflowError } from '../../errors';
import type { Case } from '../../model/case';
import type { Staff } from '../../model/staff';
import { TemplateProblem } from '../../ports/documents';
import { fail, ok, type Result } from '../../result';
import type { StepNumber } from '../../process/steps';
import type { WorkflowDeps } from '../deps';
import type { UnitOfWork } from '../support/unitOfWork';
import type { FiledDocument } from './fileCaseDocument';

/** The key of a document's record: one record per filed file, however often the step is repeated. */
export const documentRecordKey = (caseId: string, fileName: string): string => `${caseId}:document:${fileName}`;

/**
 * The case's records of the documents filed (each links to its file, and its PDF), written with the
 * step's own writes (after those named in `after`): the case record links to every document made.
 */
export function addDocumentRecords(
  work: UnitOfWork,
  deps: WorkflowDeps,
  actor: Staff,
  c: Pick<Case, 'id'>,
  filed: readonly FiledDocument[],
  step: StepNumber,
  options: { after?: readonly string[]; aboutRecordKey?: string; sentTo?: (document: FiledDocument) => string[] | undefined } = {},
): void {
  const at = deps.clock.now().toISOString();
  for (const document of filed) {
    const sentTo = options.sentTo?.(document);
    work.add(
      `document:${document.docx.name}`,
      () =>
        deps.stores.records.create(
          {
            caseId: c.id,
            step,
            safeguarding: false,
            locked: false,
            body: {
              kind: 'document',
              document: document.kind,
              title: document.title,
              fileName: document.docx.name,
              fileUrl: document.docx.webUrl,
              version: document.version,
              ...(document.pdf ? { pdfName: document.pdf.file.name, pdfUrl: document.pdf.file.webUrl } : {}),
              ...(options.aboutRecordKey ? { aboutRecordKey: options.aboutRecordKey } : {}),
              ...(sentTo?.length ? { sentTo } : {}),
            },
            createdBy: actor.userId,
            createdAt: at,
            updatedBy: actor.userId,
            updatedAt: at,
          },
          documentRecordKey(c.id, document.docx.name),
        ),
      options.after ?? [],
    );
  }
}

/** Paperwork made before a step's writes: a template that cannot be used refuses the step in words, with nothing sent or recorded. */
export async function paperwork<T>(make: () => Promise<T>): Promise<Result<T>> {
  try {
    return ok(await make());
  } catch (error) {
    if (!(error instanceof TemplateProblem)) throw error;
    // The document by its title (a card shows this; the kind is a stored key).
    const where = error.source === 'site' ? "the site's Templates library" : 'shipped with the product';
    const what = `The ${documentTitle(error.kind)} template (${where}) cannot be used: ${error.explanation}`;
    return fail(workflowError('DocumentNotMade', `${what} Nothing was sent or recorded: ask whoever looks after the service's templates to fix it, then try again.`));
  }
}
