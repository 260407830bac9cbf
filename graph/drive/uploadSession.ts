import { GraphError, type Client } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';
import { NotBatched } from '../client/batchingHandler';
import { failure, plainFetchOf } from '../client/fileContent';

/** Graph's simple upload (`PUT …/content`) is for files up to 4 MB; larger ones go in an upload session. */
export const SIMPLE_UPLOAD_MAX_BYTES = 4 * 1024 * 1024;
/** Every fragment but the last is a multiple of 320 KiB; 16 of them (5 MiB) a request. */
export const FRAGMENT_BYTES = 16 * 320 * 1024;
/** A fragment that failed (a dropped connection, throttling, a 5xx) is sent again from where the session says it got, up to this many times. */
const FRAGMENT_ATTEMPTS = 8;

const Session = z.object({ uploadUrl: z.string().url() });
const Progress = z.object({ nextExpectedRanges: z.array(z.string()).default([]) });
const Landed = z.object({ id: z.string(), name: z.string(), webUrl: z.string(), size: z.number().optional() });

export type ConflictBehavior = 'fail' | 'replace' | 'rename';

/**
 * A file uploaded in a session: `createUploadSession` on the name in its folder, then the bytes PUT to
 * the session's URL in order (Content-Range each), without the Graph token (the URL carries its own
 * authorisation, and Graph asks that no Authorization header be sent to it). Answers the driveItem
 * Graph gives for the last fragment. A name conflict under `fail` throws a 409 GraphError, at the start
 * or at the last fragment.
 */
export async function uploadInSession(client: Client, parentItemPath: string, fileName: string, content: Uint8Array, behavior: ConflictBehavior): Promise<unknown> {
  const session = Session.parse(
    await client
      .api(`${parentItemPath}:/${encodeURIComponent(fileName)}:/createUploadSession`)
      .middlewareOptions([new NotBatched()])
      .post({ item: { '@microsoft.graph.conflictBehavior': behavior } }),
  );
  const send = plainFetchOf(client);
  let at = 0;
  let failures = 0;
  for (;;) {
    const end = Math.min(at + FRAGMENT_BYTES, content.byteLength);
    const response = await send(session.uploadUrl, {
      method: 'PUT',
      headers: { 'Content-Range': `bytes ${at}-${end - 1}/${content.byteLength}`, 'Content-Type': 'application/octet-stream' },
      body: content.subarray(at, end),
    }).catch((error: unknown) => error);
    if (response instanceof Response && (response.status === 200 || response.status === 201)) return response.json();
    if (response instanceof Response && response.status === 202) {
      at = nextStart(Progress.parse(await response.json()), end);
      failures = 0;
      continue;
    }
    if (response instanceof Response && !transient(response.status)) {
      await cancel(send, session.uploadUrl);
      throw await failure(response, 'The upload session');
    }
    // A dropped connection, throttling or a 5xx: the fragment may have landed or not. Wait, ask the session how far it got, go on from there.
    if (++failures >= FRAGMENT_ATTEMPTS) {
      await cancel(send, session.uploadUrl);
      if (response instanceof Response) throw await failure(response, 'The upload session');
      throw response;
    }
    await pause(waitFor(response instanceof Response ? response : undefined, failures));
    const next = await resumeAt(send, session.uploadUrl, at, end === content.byteLength);
    if (next === 'finished') return landed(client, parentItemPath, fileName, content.byteLength);
    at = next;
  }
}

/**
 * The last fragment's answer was lost and the session is gone: it finished. The file is read by its
 * path, and taken as this upload's when it is as long (a file of another content and the very same
 * length, filed under this name in these few seconds, is not a case worth a download to rule out).
 */
async function landed(client: Client, parentItemPath: string, fileName: string, size: number): Promise<unknown> {
  const item = Landed.parse(await client.api(`${parentItemPath}:/${encodeURIComponent(fileName)}:`).select('id,name,webUrl,size').get());
  if (item.size !== size) throw new GraphError(409, `"${fileName}" was filed by someone else while this upload finished.`);
  return item;
}

const transient = (status: number): boolean => status === 429 || status >= 500;

/** Retry-After when given (at most 30 s), else half a second doubling. */
function waitFor(response: Response | undefined, failures: number): number {
  const given = Number(response?.headers.get('retry-after'));
  if (Number.isFinite(given) && given >= 0) return Math.min(given, 30) * 1000;
  return 500 * 2 ** (failures - 1);
}

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Where the session says to go on from (`GET` on its URL), asked again after a short wait when it is busy; `finished` when the last fragment landed. */
async function resumeAt(send: (url: string, init?: RequestInit) => Promise<Response>, uploadUrl: string, fallback: number, sentLast: boolean): Promise<number | 'finished'> {
  for (let attempt = 1; ; attempt++) {
    const status = await send(uploadUrl, { method: 'GET' }).catch((error: unknown) => error);
    if (status instanceof Response && status.ok) return nextStart(Progress.parse(await status.json()), fallback);
    // A session that took its last fragment is over: Graph no longer knows its URL.
    if (sentLast && status instanceof Response && status.status === 404) return 'finished';
    if (attempt >= FRAGMENT_ATTEMPTS || (status instanceof Response && !transient(status.status))) {
      if (status instanceof Response) throw await failure(status, 'The upload session');
      throw status;
    }
    await pause(waitFor(status instanceof Response ? status : undefined, attempt));
  }
}

/** The first byte of the first range the session still expects (`"3276800-"`). */
function nextStart(progress: { nextExpectedRanges: string[] }, fallback: number): number {
  const first = progress.nextExpectedRanges[0];
  const start = first === undefined ? NaN : Number(first.split('-')[0]);
  if (Number.isInteger(start) && start >= 0) return start;
  if (first === undefined) return fallback;
  throw new GraphError(502, `The upload session answered an unreadable next range "${first}".`);
}

/** A refused session is cancelled (best effort): its URL should not stay open. */
async function cancel(send: (url: string, init?: RequestInit) => Promise<Response>, uploadUrl: string): Promise<void> {
  await send(uploadUrl, { method: 'DELETE' }).catch(() => undefined);
}
