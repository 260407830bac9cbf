import type { Downloaded, IncomingFiles } from '../../workflow';

export interface TeamsDownloadsOptions {
  /** How long a download may take in all (Teams' links answer quickly; a stalled one must not hold a card open). */
  timeoutMs?: number;
  /**
   * Also plain http on this machine (127.0.0.1, localhost): with the embedded Graph only, where a
   * local file server stands in for Teams. Otherwise only https on SharePoint / OneDrive hosts.
   */
  allowLoopback?: boolean;
}

const MAX_REDIRECTS = 3;
/** Where Teams keeps a file sent in a personal chat: the sender's OneDrive, a SharePoint host. */
const teamsHosts = [/\.sharepoint\.com$/i, /\.sharepoint-df\.com$/i, /\.sharepoint\.us$/i];

/** An address this adapter may fetch: never an arbitrary one a card's data was changed to. */
export function isTeamsDownload(address: string, allowLoopback: boolean): boolean {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  if (url.protocol === 'https:' && teamsHosts.some((h) => h.test(url.hostname))) return true;
  return allowLoopback && (url.protocol === 'http:' || url.protocol === 'https:') && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
}

/**
 * IncomingFiles over HTTP: the pre-authenticated download URL is fetched with no credentials, each
 * redirect checked like the first address, within a time limit, and the body read no further than
 * the size cap (the Content-Length, when given, refuses it before reading).
 */
export function teamsDownloads(options: TeamsDownloadsOptions = {}): IncomingFiles {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const allowLoopback = options.allowLoopback ?? false;
  return {
    async download(downloadUrl, maxBytes): Promise<Downloaded> {
      const signal = AbortSignal.timeout(timeoutMs);
      try {
        let address = downloadUrl;
        for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
          if (!isTeamsDownload(address, allowLoopback)) return { ok: false, reason: 'not-allowed' };
          const response = await fetch(address, { redirect: 'manual', signal, credentials: 'omit' });
          const location = response.headers.get('location');
          if (response.status >= 300 && response.status < 400 && location) {
            await response.body?.cancel();
            address = new URL(location, address).toString();
            continue;
          }
          if (!response.ok || !response.body) {
            await response.body?.cancel();
            return { ok: false, reason: 'unavailable' };
          }
          return await readCapped(response, maxBytes);
        }
        return { ok: false, reason: 'unavailable' };
      } catch {
        // Refused, reset, or past the time limit: the caller says so to the person, who sends it again.
        return { ok: false, reason: 'unavailable' };
      }
    },
  };
}

async function readCapped(response: Response, maxBytes: number): Promise<Downloaded> {
  const declared = Number(response.headers.get('content-length'));
  const contentType = response.headers.get('content-type') ?? undefined;
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel();
    return { ok: false, reason: 'too-large' };
  }
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      return { ok: false, reason: 'too-large' };
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return { ok: true, bytes, ...(contentType ? { contentType } : {}) };
}
