import { z } from 'zod';
import { workflowError } from '../../errors';
import type { Case } from '../../model/case';
import type { Contract } from '../../model/contract';
import type { CaseRecord, RecordBody } from '../../model/records';
import type { Staff } from '../../model/staff';
import type { FileRef } from '../../ports/services';
import type { Versioned } from '../../ports/store';
import { fail, ok, type Result } from '../../result';
import { openCaseRule } from '../../rules/closing';
import {
  MAX_RETURNED_FILE_BYTES,
  documentAwaitedRule,
  documentSizeRule,
  documentTypeRule,
  filedName,
  returnedDocumentTitles,
  returnedDocuments,
  tooLarge,
  type DocumentType,
  type ReturnedDocument,
} from '../../rules/returnedDocuments';
import type { UseCase, WorkflowDeps } from '../deps';
import { childFolderName } from '../referral/childIdentity';
import { addRecordTo, type PlannedRecord } from '../support/addRecord';
import { audit } from '../support/audit';
import { openCase } from '../support/caseAccess';
import { parseInput } from '../support/input';
import { notifyAll } from '../support/notify';
import { progressOf } from '../support/progressOf';
import { now } from '../support/time';

const ReturnedDocumentInput = z.object({
  caseId: z.string().min(1),
  /** One per card or upload: a repeat files and records nothing twice. */
  requestKey: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'must be the key the card or upload was made with'),
  document: z.enum(returnedDocuments),
  fileName: z.string().trim().min(1).max(200),
  /** Where the bytes are: a Teams download URL (fetched here), or the bytes themselves (uploaded). */
  source: z.discriminatedUnion('from', [
    z.object({ from: z.literal('teams'), downloadUrl: z.string().url(), size: z.number().int().nonnegative().optional() }),
    z.object({ from: z.literal('upload'), bytes: z.instanceof(Uint8Array) }),
  ]),
});
export type ReturnedDocumentInput = z.input<typeof ReturnedDocumentInput>;

export interface DocumentFiled {
  document: ReturnedDocument;
  file: { name: string; webUrl: string };
  case: Versioned<Case>;
  record: Versioned<CaseRecord>;
  /** Of the form and the PDP, what the school still has to send (none once both are back). */
  stillAwaited: ReturnedDocument[];
  /** The same request was filed already (double click, retry): nothing new fetched, filed or written. */
  repeated: boolean;
}

/**
 * A document the school returned, filed in the case's folder and recorded: the information form or
 * the PDP marks step 2's information returned (complete once both are back), anything else is a
 * chronology entry. The case's worker is told. Once per request key.
 */
export const fileReturnedDocument: UseCase<unknown, DocumentFiled> = async (deps, actor, raw) => {
  const input = parseInput(ReturnedDocumentInput, raw);
  if (!input.ok) return input;
  const { caseId, requestKey, document, fileName, source } = input.value;
  const type = acceptedFile(fileName, source.from === 'teams' ? source.size : source.bytes.byteLength);
  if (!type.ok) return type;
  // The contracts, for the next action the worker is told, travel with the case's read (one $batch on Graph).
  const [opened, earlier, contracts] = await Promise.all([openCase(deps, actor, caseId, 'caseload'), deps.stores.records.findByKey(`${caseId}:${requestKey}`), deps.stores.contracts.find({ caseId })]);
  if (!opened.ok) return opened;
  const c = opened.value.case;
  // A repeat (double click, retry): nothing is fetched, filed or written again.
  if (earlier) return ok(filedAlready(c, document, earlier));
  const takes = [openCaseRule(c), documentAwaitedRule(c, document)].find((r) => !r.ok);
  if (takes && !takes.ok) return takes;
  const bytes = source.from === 'upload' ? ok(source.bytes) : await download(deps, source.downloadUrl, fileName);
  if (!bytes.ok) return bytes;
  const name = filedName(document, c.reference, now(deps).today, type.value.extension, requestKey, alreadyBack(c).includes(document));
  const file = await fileInCaseFolder(deps, c, name, bytes.value, type.value.contentType);
  if (!file.ok) return file;
  const added = await addRecordTo(deps, actor, c, recordOf(deps, c, document, file.value), requestKey, {
    milestone: (latest, record) => returnedMilestone(latest, document, record),
    workerToldElsewhere: true,
    alongside: (work, record) => work.add('filed-audit', () => audit(deps, actor, 'document.filed', caseId, record.key, { document, fileId: file.value.id, recordKey: record.key }), ['record']),
  });
  if (!added.ok) return added;
  const filed: DocumentFiled = { document, file: { name: file.value.name, webUrl: file.value.webUrl }, case: added.value.case, record: added.value.record, stillAwaited: stillAwaited(added.value.case), repeated: added.value.repeated };
  if (!filed.repeated) await tellWorker(deps, actor, filed, contracts);
  return ok(filed);
};

/** A document of a type the service files, no larger than it files (the size when known before fetching). */
function acceptedFile(fileName: string, size: number | undefined): Result<DocumentType> {
  const type = documentTypeRule(fileName);
  if (!type.ok || size === undefined) return type;
  const small = documentSizeRule(fileName, size);
  return small.ok ? type : small;
}

/** Into the case's subfolder of the child's folder, once under its name. */
async function fileInCaseFolder(deps: WorkflowDeps, c: Case, name: string, bytes: Uint8Array, contentType: string): Promise<Result<FileRef>> {
  const child = await deps.stores.children.get(c.childId);
  if (!child) return fail(workflowError('NotFound', `The child of case ${c.reference} was not found.`, { field: 'caseId' }));
  const folder = await deps.folders.ensureCaseFolder(childFolderName(child, deps.config.folderNamePattern), c.reference);
  return ok(await deps.folders.uploadOnce(folder, name, bytes, contentType));
}

async function download(deps: WorkflowDeps, downloadUrl: string, fileName: string): Promise<Result<Uint8Array>> {
  const got = await deps.incomingFiles.download(downloadUrl, MAX_RETURNED_FILE_BYTES);
  if (got.ok) return ok(got.bytes);
  if (got.reason === 'too-large') return fail(tooLarge(fileName));
  const why = got.reason === 'not-allowed' ? 'it is not a file Teams keeps for this chat' : 'Teams did not hand it over in time';
  return fail(workflowError('FileUnavailable', `"${fileName}" could not be fetched: ${why}. Send it to the bot again; nothing was filed.`, { field: 'file' }));
}

/** The form or the PDP: step 2's information record, saying what is back so far; anything else: a chronology entry. */
function recordOf(deps: WorkflowDeps, c: Case, document: ReturnedDocument, file: { name: string; webUrl: string }): RecordBody {
  const today = now(deps).today;
  if (document === 'other') {
    return { kind: 'chronology', on: today, category: 'contact', note: `The school sent a document, filed in the case folder as "${file.name}".`, fileName: file.name, fileUrl: file.webUrl };
  }
  const back = new Set([...alreadyBack(c), document]);
  return { kind: 'information-returned', returnedOn: today, formReturned: back.has('information-form'), pdpReturned: back.has('pdp'), notes: `Filed in the case folder as "${file.name}".`, fileName: file.name, fileUrl: file.webUrl };
}

/** The part this document returns; once the form and the PDP are both back, step 2's information is returned. */
function returnedMilestone(latest: Case, document: ReturnedDocument, record: PlannedRecord) {
  const m = latest.milestones;
  if (document === 'other' || m.informationReturned) return undefined;
  const done = { at: record.createdAt, by: record.createdBy, recordKey: record.key };
  const parts = { ...m.informationPartlyReturned, [document === 'pdp' ? 'pdp' : 'form']: done };
  return { milestones: { ...m, informationPartlyReturned: parts, ...(parts.form && parts.pdp ? { informationReturned: done } : {}) } };
}

function alreadyBack(c: Case): ReturnedDocument[] {
  const parts = c.milestones.informationPartlyReturned;
  return [...(parts?.form ? (['information-form'] as const) : []), ...(parts?.pdp ? (['pdp'] as const) : [])];
}

function stillAwaited(c: Case): ReturnedDocument[] {
  if (c.milestones.informationReturned || !c.milestones.informationRequested) return [];
  const back = alreadyBack(c);
  return (['information-form', 'pdp'] as const).filter((d) => !back.includes(d));
}

function filedAlready(c: Versioned<Case>, document: ReturnedDocument, record: Versioned<CaseRecord>): DocumentFiled {
  const body = record.body;
  const filed = body.kind === 'information-returned' || body.kind === 'chronology' ? body : undefined;
  const name = filed?.fileName ?? '';
  const webUrl = filed?.fileUrl ?? '';
  return { document, file: { name, webUrl }, case: c, record, stillAwaited: stillAwaited(c), repeated: true };
}

/** The worker hears what came back and what is still awaited (case reference only), unless they filed it. */
async function tellWorker(deps: WorkflowDeps, actor: Staff, filed: DocumentFiled, contracts: readonly Contract[]): Promise<void> {
  const c = filed.case;
  if (!c.workerId || c.workerId === actor.userId) return;
  const what = filed.document === 'other' ? 'a document' : `the ${returnedDocumentTitles[filed.document]}`;
  const awaited = filed.stillAwaited.map((d) => `the ${returnedDocumentTitles[d]}`).join(' and ');
  const status = filed.document === 'other' ? '' : awaited ? ` Still awaited: ${awaited}.` : ' The information form and PDP are both back.';
  const next = (await progressOf(deps, c, contracts)).nextAction;
  await notifyAll(deps, 'document-returned', c, `${actor.displayName} filed ${what} the school returned on case ${c.reference}.${status} Next: ${next}.`, [c.workerId], filed.record.id);
}
