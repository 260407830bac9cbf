import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import { z } from 'zod';
import { fileReturnedDocument, ListItemId, MAX_RETURNED_FILE_BYTES, maxReturnedFileWords, returnedDocuments, type Staff, type WorkflowDeps } from '../../workflow';
import type { AppLogger } from '../logger';
import type { Mount } from '../server';
import { isLoopback } from '../server';
import type { TabAuth } from '../../tab/server/tabAuth';
import { staffCaller } from '../../tab/server/signedIn';
import { refusalStatus } from '../../tab/server/answers';
import { idempotencyKeyRule, uploadRequestKey, validIdempotencyKey } from '../../tab/server/uploadKey';

const Query = z.object({
  document: z.enum(returnedDocuments, { error: `document must be one of ${returnedDocuments.join(', ')}` }),
  name: z.string({ error: 'name (the file\'s name, with its extension) is required' }).trim().min(1, 'name (the file\'s name, with its extension) is required').max(200, 'name is at most 200 characters'),
});


/**
 * POST /api/cases/:caseId/documents?document=information-form|pdp|other&name=<file name>, the file
 * as the raw body: a document the school returned, filed on the case (as the bot files one sent in
 * chat). The caller is authenticated before the body is read, and must be on the Staff list. A retry
 * of the same upload (same case, document, name and bytes, or the same Idempotency-Key) files once.
 */
export function documentsApi(workflow: WorkflowDeps, auth: TabAuth, logger: AppLogger): Mount {
  const log = logger.child({ component: 'documents-api' });
  const callerOf = staffCaller(auth, workflow.stores.staff);
  const router = express.Router();

  const signedIn: RequestHandler = async (req, res, next) => {
    // The tab's rules: the Staff list, and in tenant mode the token's app roles too.
    const caller = await callerOf(req.get('authorization'), isLoopback(req.socket.remoteAddress));
    if (!caller.ok) {
      if (caller.status === 401) res.setHeader('WWW-Authenticate', 'Bearer');
      res.status(caller.status).json({ error: caller.body.error });
      return;
    }
    res.locals.staff = caller.staff;
    next();
  };

  const file: RequestHandler = async (req, res) => {
    const caseId = ListItemId.safeParse(req.params.caseId);
    if (!caseId.success) return void res.status(404).json({ error: 'That case was not found.' });
    const query = Query.safeParse(req.query);
    if (!query.success) return void res.status(400).json({ error: query.error.issues[0]?.message ?? 'check document and name' });
    const given = req.get('idempotency-key');
    if (given !== undefined && !validIdempotencyKey(given)) return void res.status(400).json({ error: idempotencyKeyRule });
    const body: unknown = req.body;
    if (!Buffer.isBuffer(body) || body.length === 0) return void res.status(400).json({ error: 'the file is missing: send it as the request body' });
    const bytes = new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
    const { document, name } = query.data;
    const requestKey = uploadRequestKey(given, { caseId: caseId.data, document, name, bytes });
    const staff = res.locals.staff as Staff;
    let filed: Awaited<ReturnType<typeof fileReturnedDocument>>;
    try {
      filed = await workflow.batching.oneAction(() => fileReturnedDocument(workflow, staff, { caseId: caseId.data, requestKey, document, fileName: name, source: { from: 'upload', bytes } }));
    } catch (error) {
      // The error's own message may quote a folder path (the child's folder name): its name only.
      log.error({ caseId: caseId.data, document, error: error instanceof Error ? error.name : typeof error }, 'document could not be filed');
      return void res.status(500).json({ error: 'The file could not be filed just now. Send it again: it is filed once however often it is sent.', requestId: String(res.locals.requestId ?? '') });
    }
    if (!filed.ok) {
      const status = refusalStatus(filed.error.code);
      log.info({ caseId: caseId.data, document, status, code: filed.error.code }, 'document refused');
      return void res.status(status).json({ error: filed.error.message, code: filed.error.code });
    }
    const v = filed.value;
    log.info({ caseId: caseId.data, document, bytes: bytes.byteLength, repeated: v.repeated }, 'document filed');
    res.status(v.repeated ? 200 : 201).json({ caseReference: v.case.reference, document, file: v.file, stillAwaited: v.stillAwaited, repeated: v.repeated });
  };

  /** A body over the cap is refused by the parser before it is all read: say so in words. */
  const tooLarge: ErrorRequestHandler = (err: unknown, _req, res, next) => {
    const type = typeof err === 'object' && err !== null ? (err as { type?: unknown }).type : undefined;
    if (type !== 'entity.too.large') return next(err);
    res.status(413).json({ error: `the file is larger than ${maxReturnedFileWords}, the most the service files`, code: 'FileTooLarge' });
  };

  router.post('/:caseId/documents', signedIn, express.raw({ type: () => true, limit: MAX_RETURNED_FILE_BYTES }), file, tooLarge);
  return { path: '/api/cases', router };
}
