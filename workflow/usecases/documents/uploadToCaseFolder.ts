import { z } from 'zod';
import { workflowError } from '../../errors';
import type { Case } from '../../model/case';
import type { CaseRecord } from '../../model/records';
import type { Staff } from '../../model/staff';
import type { FileRef } from '../../ports/services';
import type { Versioned } from '../../ports/store';
import { fail, ok, type Result } from '../../result';
import { openCaseRule } from '../../rules/closing';
import { documentTypeRule, returnedDocumentTitles, returnedDocuments, type ReturnedDocument } from '../../rules/returnedDocuments';
import type { UseCase, WorkflowDeps } from '../deps';
import { childFolderName } from '../referral/childIdentity';
import { addRecordTo } from '../support/addRecord';
import { audit } from '../support/audit';
import { openCase } from '../support/caseAccess';
import { parseInput } from '../support/input';
import { now } from '../support/time';
import { fileReturnedDocument } from '../steps/fileReturnedDocument';
import { uploadNameRule, uploadSizeRule } from './uploadRules';

const UploadInput = z.object({
  caseId: z.string().min(1),
  fileName: z.string(),
  bytes: z.instanceof(Uint8Array),
  document: z.enum(returnedDocuments),
  /** One per upload: a retry of it files and records nothing twice. */
  requestKey: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'must be the key the upload was made with'),
});

export interface FolderUpload {
  file: { name: string; webUrl: string };
  document: ReturnedDocument;
  /** The school's information form or PDP, recorded as returned on step 2. */
  marked: boolean;
  /** The same upload was filed already: nothing new filed or recorded. */
  repeated: boolean;
  message: string;
  case: Versioned<Case>;
}

/**
 * A file uploaded from the tab into the case's subfolder. The information form or the PDP is filed
 * as the school's returned document (step 2 marked, as when it is sent to the bot); any other file
 * keeps its own name and goes in the case's chronology, by whoever uploaded it. A name the folder
 * holds already, with other content, is refused: nothing is replaced. Once per request key.
 */
export const uploadToCaseFolder: UseCase<unknown, FolderUpload> = async (deps, actor, raw) => {
  const input = parseInput(UploadInput, raw);
  if (!input.ok) return input;
  const { caseId, bytes, document, requestKey } = input.value;
  const name = uploadNameRule(input.value.fileName);
  if (!name.ok) return name;
  const checks = [documentTypeRule(name.value), uploadSizeRule(name.value, bytes.byteLength)].find((r) => !r.ok);
  if (checks && !checks.ok) return checks;
  if (document !== 'other') return returnedDocument(deps, actor, { caseId, requestKey, document, fileName: name.value, source: { from: 'upload', bytes } });
  return otherFile(deps, actor, caseId, name.value, bytes, requestKey);
};

async function returnedDocument(deps: WorkflowDeps, actor: Staff, input: { caseId: string; requestKey: string; document: ReturnedDocument; fileName: string; source: { from: 'upload'; bytes: Uint8Array } }): Promise<Result<FolderUpload>> {
  const filed = await fileReturnedDocument(deps, actor, input);
  if (!filed.ok) return filed;
  const { file, repeated, stillAwaited, case: c } = filed.value;
  const title = returnedDocumentTitles[input.document];
  const awaited = stillAwaited.map((d) => `the ${returnedDocumentTitles[d]}`).join(' and ');
  const status = awaited ? `Still awaited: ${awaited}.` : 'The information form and the PDP are both back.';
  const message = repeated ? `This was filed already as "${file.name}": nothing new was filed.` : `Filed as the ${title} returned on ${c.reference}, "${file.name}". ${status}`;
  return ok({ file, document: input.document, marked: true, repeated, message, case: c });
}

async function otherFile(deps: WorkflowDeps, actor: Staff, caseId: string, name: string, bytes: Uint8Array, requestKey: string): Promise<Result<FolderUpload>> {
  const [opened, earlier] = await Promise.all([openCase(deps, actor, caseId, 'caseload'), deps.stores.records.findByKey(`${caseId}:${requestKey}`)]);
  if (!opened.ok) return opened;
  const c = opened.value.case;
  if (earlier) return ok(repeatOf(c, earlier));
  const open = openCaseRule(c);
  if (!open.ok) return open;
  const file = await fileOnce(deps, c, name, bytes);
  if (!file.ok) return file;
  const note = `${actor.displayName} uploaded "${file.value.name}" to the case folder.`;
  const added = await addRecordTo(deps, actor, c, { kind: 'chronology', on: now(deps).today, category: 'note', note, fileName: file.value.name, fileUrl: file.value.webUrl }, requestKey, {
    alongside: (work, record) => work.add('upload-audit', () => audit(deps, actor, 'document.uploaded', caseId, record.key, { fileId: file.value.id, recordKey: record.key }), ['record']),
  });
  if (!added.ok) return added;
  const message = added.value.repeated ? `This was filed already as "${file.value.name}": nothing new was filed.` : `"${file.value.name}" is in the folder of case ${c.reference}, and in its chronology.`;
  return ok({ file: { name: file.value.name, webUrl: file.value.webUrl }, document: 'other', marked: false, repeated: added.value.repeated, message, case: added.value.case });
}

/** Into the case's subfolder once under its name: a file found there with the same bytes is this upload's (an earlier try); other bytes are refused. */
async function fileOnce(deps: WorkflowDeps, c: Case, name: string, bytes: Uint8Array): Promise<Result<FileRef>> {
  const child = await deps.stores.children.get(c.childId);
  if (!child) return fail(workflowError('NotFound', `The child of case ${c.reference} was not found.`, { field: 'caseId' }));
  const folder = await deps.folders.ensureCaseFolder(childFolderName(child, deps.config.folderNamePattern), c.reference);
  const type = documentTypeRule(name);
  const filed = await deps.folders.uploadOnce(folder, name, bytes, type.ok ? type.value.contentType : 'application/octet-stream');
  if (filed.alreadyThere && !sameBytes(await deps.folders.content(filed), bytes)) {
    return fail(workflowError('FileNameTaken', `The folder of case ${c.reference} already has a different file called "${filed.name}". Nothing was replaced: rename your file and upload it again.`, { field: 'fileName' }));
  }
  return ok({ id: filed.id, name: filed.name, webUrl: filed.webUrl });
}

function repeatOf(c: Versioned<Case>, record: Versioned<CaseRecord>): FolderUpload {
  const body = record.body;
  const file = body.kind === 'chronology' ? { name: body.fileName ?? '', webUrl: body.fileUrl ?? '' } : { name: '', webUrl: '' };
  return { file, document: 'other', marked: false, repeated: true, message: `This was filed already as "${file.name}": nothing new was filed.`, case: c };
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.byteLength !== b.byteLength) return false;
  for (let i = 0; i < a.byteLength; i++) if (a[i] !== b[i]) return false;
  return true;
}
