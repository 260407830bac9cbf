import { performance } from 'node:perf_hooks';
import express, { type Router } from 'express';
import type { EmulatorClock } from '../controls/clock';
import type { DriveLinks } from '../controls/driveLinks';
import type { FaultInjector, InjectedFault } from '../controls/faults';
import type { RequestLog } from '../controls/requestLog';
import { UPLOAD_FRAGMENT_UNIT, uploadSessionPath, type UploadSession } from '../controls/uploadSessions';
import { GraphError } from '../http/graphError';
import type { GraphResponse } from '../http/graphRequest';
import type { EmulatorStore } from '../store/emulatorStore';
import { fileInto } from './driveFiling';
import { driveItemJson } from './driveShapes';

export interface UploadDeps {
  store: EmulatorStore;
  links: DriveLinks;
  clock: EmulatorClock;
  /** Fragments are logged with the Graph requests (path: the session URL's, without its token). */
  requests: RequestLog;
  /** Fragments meet the same injected faults as Graph requests: before (429/5xx) and after they landed (503). */
  faults?: FaultInjector;
  errorAnswer(status: number, code: string, message: string): GraphResponse;
  send(res: express.Response, answer: GraphResponse): void;
}

/** Graph refuses fragments over 60 MiB. */
const MAX_FRAGMENT_BYTES = 60 * 1024 * 1024;

const contentRange = /^bytes (\d+)-(\d+)\/(\d+)$/;

const progress = (session: UploadSession, status: 200 | 202): GraphResponse => ({
  status,
  body: { expirationDateTime: new Date(session.expires).toISOString(), nextExpectedRanges: [`${session.received}-`] },
});

/**
 * An upload session's URL (`createUploadSession`), pre-authenticated as SharePoint's are (a bearer
 * token is not wanted): PUT the file's bytes in order, a `Content-Range` each, every fragment but the
 * last a multiple of 320 KiB; 202 with the next expected range until the last, then 201 (or 200 when
 * it replaced a file) with the driveItem. GET tells how far it got; DELETE cancels it.
 */
export const uploadRouter = (deps: UploadDeps): Router => {
  const router = express.Router();
  const answer = (res: express.Response, work: () => GraphResponse): void => {
    const started = performance.now();
    let given: GraphResponse;
    try {
      given = work();
    } catch (e) {
      if (!(e instanceof GraphError)) throw e;
      given = deps.errorAnswer(e.status, e.code, e.message);
    }
    deps.requests.record({
      at: deps.clock.now().toISOString(),
      method: res.req.method,
      path: uploadSessionPath,
      status: given.status,
      durationMs: Math.round((performance.now() - started) * 100) / 100,
      resourceUnits: 0,
    });
    deps.send(res, given);
  };
  const sessionOf = (req: express.Request): { token: string; session: UploadSession } => {
    const token = typeof req.query.tempauth === 'string' ? req.query.tempauth : '';
    const session = deps.links.uploads.open(token, deps.clock.now());
    if (!session) throw new GraphError(404, 'itemNotFound', 'The upload session was not found: it finished, was cancelled or expired. Create a new one.');
    return { token, session };
  };

  router.get(uploadSessionPath, (req, res) => answer(res, () => progress(sessionOf(req).session, 200)));
  router.delete(uploadSessionPath, (req, res) => answer(res, () => {
    deps.links.uploads.end(sessionOf(req).token);
    return { status: 204 };
  }));
  const faulted = (fault: InjectedFault): GraphResponse => {
    const given = deps.errorAnswer(fault.status, fault.code, fault.message);
    return { ...given, headers: { ...given.headers, 'retry-after': String(fault.retryAfterSeconds) } };
  };
  router.put(uploadSessionPath, (req, res) => answer(res, () => {
    const before = deps.faults?.sustainedThrottle() ?? deps.faults?.beforeServing();
    if (before) return faulted(before);
    const landed = fragment(req);
    const after = landed.status < 300 ? deps.faults?.afterCommit() : undefined;
    return after ? faulted(after) : landed;
  }));

  const fragment = (req: express.Request): GraphResponse => {
    const { token, session } = sessionOf(req);
    const bytes = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const range = contentRange.exec(req.get('content-range') ?? '');
    if (!range) throw new GraphError(400, 'invalidRequest', 'Content-Range is required: bytes {first}-{last}/{total}.');
    const [first, last, total] = [Number(range[1]), Number(range[2]), Number(range[3])];
    if (last < first || last >= total || bytes.length !== last - first + 1) {
      throw new GraphError(400, 'invalidRequest', `The fragment's ${bytes.length} bytes do not match its Content-Range ${first}-${last}/${total}.`);
    }
    if (bytes.length > MAX_FRAGMENT_BYTES) throw new GraphError(413, 'requestTooLarge', 'A fragment is at most 60 MiB.');
    if (session.size !== undefined && session.size !== total) throw new GraphError(400, 'invalidRequest', `The file's size was given as ${session.size} bytes, this fragment says ${total}.`);
    if (first !== session.received) {
      throw new GraphError(416, 'invalidRange', `The fragment starts at byte ${first}; the next expected is ${session.received}.`);
    }
    const final = last === total - 1;
    if (!final && bytes.length % UPLOAD_FRAGMENT_UNIT !== 0) {
      throw new GraphError(400, 'invalidRequest', `Every fragment but the last must be a multiple of 320 KiB (${UPLOAD_FRAGMENT_UNIT} bytes); this one is ${bytes.length}.`);
    }
    session.size = total;
    session.fragments.push(Buffer.from(bytes));
    session.received = last + 1;
    if (!final) return progress(session, 202);
    deps.links.uploads.end(token);
    return commit(deps, session);
  };
  return router;
};

/** The last fragment landed: the file is made (or replaced) under the session's conflict behaviour. */
function commit(deps: UploadDeps, session: UploadSession): GraphResponse {
  const { store } = deps;
  const list = store.lists.byDriveId(session.driveId);
  const site = list && store.sites.byId(list.siteId);
  if (!list || !site) throw new GraphError(404, 'itemNotFound', 'The drive of this upload session no longer exists.');
  const { item, created } = store.transaction(() => {
    const parent = store.drive.get(session.driveId, session.parentId);
    if (!parent) throw new GraphError(404, 'itemNotFound', 'The folder of this upload session no longer exists.');
    return fileInto(store, session.driveId, parent, session.fileName, Buffer.concat(session.fragments), session.behavior, deps.clock.now());
  });
  const body = driveItemJson(site, list, item, store.drive.pathOf(session.driveId, item.id), 0, deps.links.filesWebBase);
  return { status: created ? 201 : 200, body };
}
