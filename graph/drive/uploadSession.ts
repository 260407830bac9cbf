import { GraphError, type Client } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';
import { NotBatched } from '../client/batchingHandler';
import { failure, plainFetchOf } from '../client/fileContent';

/** Graph's simple upload (`PUT …/content`) is for files up to 4 MB; larger ones go in an upload session. */
export const SIMPLE_UPLOAD_MAX_BYTES = 4 * 1024 * 1024;
/** Every fragment but the last is a multiple of 320 KiB; 16 of them (5 MiB) a request. */
export const FRAGMENT_BYTES = 16 * 320 * 1024;
/** A fragment that failed (a dropped connection, a 5xx) is sent again from where the session says it got, this many times in all. */
const FRAGMENT_ATTEMPTS = 4;

const Session = z.object({ uploadUrl: z.string().url() });
const Progress = z.object({ nextExpectedRanges: z.array(z.string()).default([]) });

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
    let response: Response | undefined;
    try {
      response = await send(session.uploadUrl, {
        method: 'PUT',
        headers: { 'Content-Range': `bytes ${at}-${end - 1}/${content.byteLength}`, 'Content-Type': 'application/octet-stream' },
        body: content.subarray(at, end),
      });
    } catch (error) {
      if (++failures >= FRAGMENT_ATTEMPTS) throw error;
    }
    if (response?.status === 200 || response?.status === 201) return response.json();
    if (response?.status === 202) {
      at = nextStart(Progress.parse(await response.json()), end);
      continue;
    }
    if (response && (response.status < 500 || ++failures >= FRAGMENT_ATTEMPTS)) {
      await cancel(send, session.uploadUrl);
      throw await failure(response, 'The upload session');
    }
    // Ask the session how far it got, and go on from there.
    const status = await send(session.uploadUrl, { method: 'GET' });
    if (!status.ok) throw await failure(status, 'The upload session');
    at = nextStart(Progress.parse(await status.json()), at);
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
