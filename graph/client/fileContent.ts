import { GraphError, RedirectHandlerOptions, ResponseType, type Client } from '@microsoft/microsoft-graph-client';
import { NotBatched } from './batchingHandler';

/** How to fetch a pre-authenticated URL (the client's TLS trust, no Authorization header); set by createGraphClient. */
export type PlainFetch = (url: string, init?: RequestInit) => Promise<Response>;
const plainFetches = new WeakMap<Client, PlainFetch>();

export function registerPlainFetch(client: Client, fetcher: PlainFetch): void {
  plainFetches.set(client, fetcher);
}

/** The client's fetch for pre-authenticated URLs (a download, an upload session's fragments). */
export const plainFetchOf = (client: Client): PlainFetch => plainFetches.get(client) ?? fetch;

export interface FileBytes {
  bytes: Uint8Array;
  contentType: string;
}

/**
 * The bytes at a Graph `…/content` address. Graph answers 302 to a short-lived pre-authenticated URL
 * (SharePoint's `download.aspx?tempauth=…`); it is followed here by hand, without the Graph token: the
 * URL carries its own authorisation, and a bearer token must not travel beyond Graph. A 200 (an
 * answer served directly) is taken as it is.
 */
export async function fileBytes(client: Client, path: string): Promise<FileBytes> {
  const response = (await client
    .api(path)
    .middlewareOptions([new RedirectHandlerOptions(0), new NotBatched()])
    .responseType(ResponseType.RAW)
    .get()) as Response;
  if (response.status >= 300 && response.status < 400) {
    const location = response.headers.get('location');
    if (!location) throw new GraphError(response.status, `Graph answered ${response.status} without a Location for ${path}.`);
    const downloaded = await (plainFetches.get(client) ?? fetch)(new URL(location, response.url || undefined).toString());
    if (!downloaded.ok) throw await failure(downloaded, 'The file download');
    return read(downloaded);
  }
  if (!response.ok) throw await failure(response, 'Graph');
  return read(response);
}

async function read(response: Response): Promise<FileBytes> {
  return { bytes: new Uint8Array(await response.arrayBuffer()), contentType: response.headers.get('content-type') ?? 'application/octet-stream' };
}

/** A GraphError (statusCode, code, message) from a failed answer, as the client's own errors are. */
export async function failure(response: Response, who: string): Promise<GraphError> {
  const text = await response.text().catch(() => '');
  let code: string | undefined;
  let message = `${who} answered ${response.status}`;
  try {
    const body = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } };
    if (typeof body.error?.code === 'string') code = body.error.code;
    if (typeof body.error?.message === 'string') message = `${message}: ${body.error.message}`;
  } catch {
    // not JSON: the status says enough
  }
  const error = new GraphError(response.status, message);
  if (code) error.code = code;
  return error;
}
