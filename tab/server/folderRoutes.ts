import express, { type ErrorRequestHandler, type RequestHandler, type Response } from 'express';
import { z } from 'zod';
import {
  browseCaseFolder,
  ListItemId,
  MAX_UPLOAD_BYTES,
  maxUploadWords,
  uploadToCaseFolder,
  type CaseFolderView,
  type FolderItem,
  type FolderUpload,
  type Staff,
  type WorkflowDeps,
  type WorkflowError,
} from '../../workflow';
import { UploadDocument, type ApiError, type Folder, type FolderEntry, type Uploaded } from '../contract/api';
import { refusalStatus } from './answers';
import { idempotencyKeyRule, uploadRequestKey, validIdempotencyKey } from './uploadKey';

/** What the routes log with (the app's pino logger fits): ids and codes only, never a file's or a child's name. */
export interface FolderLog {
  info(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

const BrowseQuery = z.object({ folder: z.string({ error: 'folder must be one folder id' }).min(1, 'folder must be a folder id').max(400, 'folder must be a folder id').optional() });
const UploadQuery = z.object({
  name: z.string({ error: "name (the file's name, with its extension) is required" }).min(1, "name (the file's name, with its extension) is required").max(1000, 'name is too long'),
  document: z.enum(UploadDocument.options, { error: `document must be one of ${UploadDocument.options.join(', ')}` }),
});


const refuse = (res: Response, status: number, error: string, code?: string): void => {
  const body: ApiError = { error, ...(code ? { code } : {}) };
  res.status(status).setHeader('Cache-Control', 'no-store').json(body);
};

/**
 * The child's folder in the tab, under `/tab/api/cases` behind the sign-in (which leaves the caller's
 * `Staff` in `res.locals.staff`):
 * - GET `/:caseId/folder?folder=<id>`: a folder of the child's (the case's subfolder unless named);
 * - POST `/:caseId/folder/files?name=&document=information-form|pdp|other`, the file as the raw body
 *   (at most 50 MB): filed in the case's subfolder. A retry of the same upload (same case, document,
 *   name and bytes, or the same Idempotency-Key) files once.
 */
export function folderRoutes(workflow: WorkflowDeps, log: FolderLog): express.Router {
  const router = express.Router();

  const browse: RequestHandler = async (req, res) => {
    const staff = staffOf(res);
    const caseId = ListItemId.safeParse(req.params.caseId);
    if (!staff) return refuse(res, 401, 'sign in to see the case folder');
    if (!caseId.success) return refuse(res, 404, 'That case was not found.', 'NotFound');
    const query = BrowseQuery.safeParse(req.query);
    if (!query.success) return refuse(res, 400, query.error.issues[0]?.message ?? 'check the folder id', 'ValidationFailed');
    const folderId = query.data.folder;
    const shown = await attempt(() => workflow.batching.oneAction(() => browseCaseFolder(workflow, staff, { caseId: caseId.data, ...(folderId ? { folderId } : {}) })), (error) => {
      log.error({ caseId: caseId.data, error }, 'case folder could not be read');
      refuse(res, 500, 'The case folder could not be read just now. Try again in a moment.');
    });
    if (!shown) return;
    if (!shown.ok) return answerRefusal(res, log, caseId.data, shown.error, 'case folder refused');
    const body: Folder = folderOf(shown.value);
    res.status(200).setHeader('Cache-Control', 'no-store').json(body);
  };

  const upload: RequestHandler = async (req, res) => {
    const staff = staffOf(res);
    const caseId = ListItemId.safeParse(req.params.caseId);
    if (!staff) return refuse(res, 401, 'sign in to upload to the case folder');
    if (!caseId.success) return refuse(res, 404, 'That case was not found.', 'NotFound');
    const query = UploadQuery.safeParse(req.query);
    if (!query.success) return refuse(res, 400, query.error.issues[0]?.message ?? 'check name and document', 'ValidationFailed');
    const given = req.get('idempotency-key');
    if (given !== undefined && !validIdempotencyKey(given)) return refuse(res, 400, idempotencyKeyRule, 'ValidationFailed');
    const raw: unknown = req.body;
    if (!Buffer.isBuffer(raw) || raw.length === 0) return refuse(res, 400, 'the file is missing: send it as the request body', 'ValidationFailed');
    const bytes = new Uint8Array(raw.buffer, raw.byteOffset, raw.byteLength);
    const { name, document } = query.data;
    const requestKey = uploadRequestKey(given, { caseId: caseId.data, document, name, bytes });
    const filed = await attempt(() => workflow.batching.oneAction(() => uploadToCaseFolder(workflow, staff, { caseId: caseId.data, fileName: name, bytes, document, requestKey })), (error) => {
      log.error({ caseId: caseId.data, document, error }, 'upload could not be filed');
      refuse(res, 500, 'The file could not be filed just now. Upload it again: it is filed once however often it is sent.');
    });
    if (!filed) return;
    if (!filed.ok) return answerRefusal(res, log, caseId.data, filed.error, 'upload refused');
    log.info({ caseId: caseId.data, document, bytes: bytes.byteLength, repeated: filed.value.repeated, marked: filed.value.marked }, 'upload filed');
    const body: Uploaded = uploadedOf(filed.value);
    res.status(filed.value.repeated ? 200 : 201).setHeader('Cache-Control', 'no-store').json(body);
  };

  /** A body over the cap is refused by the parser before it is all read: said in words. */
  const tooLarge: ErrorRequestHandler = (err: unknown, _req, res, next) => {
    const type = typeof err === 'object' && err !== null ? (err as { type?: unknown }).type : undefined;
    if (type !== 'entity.too.large') return next(err);
    refuse(res, 413, `The file is larger than ${maxUploadWords}, the most the service files from the tab. Upload a smaller copy.`, 'FileTooLarge');
  };

  router.get('/:caseId/folder', browse);
  router.post('/:caseId/folder/files', express.raw({ type: () => true, limit: MAX_UPLOAD_BYTES }), upload, tooLarge);
  return router;
}

/** The caller the sign-in left; undefined when the router was mounted without one. */
const staffOf = (res: Response): Staff | undefined => {
  const staff: unknown = res.locals.staff;
  return typeof staff === 'object' && staff !== null && 'userId' in staff ? (staff as Staff) : undefined;
};

/** The use case's answer, or undefined once a failure was answered (its message may quote a folder path, which names the child: not logged). */
/** Runs the use case; a throw (Graph down, a bug) is answered by `failed` with the error's name only (its message may quote a folder path). */
async function attempt<T>(run: () => Promise<T>, failed: (errorName: string) => void): Promise<T | undefined> {
  try {
    return await run();
  } catch (error) {
    failed(error instanceof Error ? error.name : typeof error);
    return undefined;
  }
}

function answerRefusal(res: Response, log: FolderLog, caseId: string, error: WorkflowError, what: string): void {
  const status = refusalStatus(error.code);
  log.info({ caseId, status, code: error.code }, what);
  refuse(res, status, error.message, error.code);
}

const entryOf = (item: FolderItem & { filedBy?: string }): FolderEntry => ({
  id: item.id,
  name: item.name,
  kind: item.kind,
  ...(item.size === undefined ? {} : { size: item.size }),
  ...(item.modifiedBy ? { modifiedBy: item.modifiedBy } : {}),
  ...(item.modifiedAt ? { modifiedAt: item.modifiedAt } : {}),
  ...(item.filedBy ? { filedBy: item.filedBy } : {}),
  url: item.webUrl,
});

const idName = (f: { id: string; name: string }) => ({ id: f.id, name: f.name });

const folderOf = (view: CaseFolderView): Folder => ({
  folder: idName(view.folder),
  path: view.path.map(idName),
  otherCases: view.otherCases.map(idName),
  entries: view.entries.map(entryOf),
  canUpload: view.canUpload,
});

const uploadedOf = (u: FolderUpload): Uploaded => ({
  file: { name: u.file.name, ...(u.file.webUrl ? { url: u.file.webUrl } : {}) },
  marked: u.marked,
  repeated: u.repeated,
  message: u.message,
});
