import { GraphError } from './graphError';
import { isGraphMethod, type GraphRequest } from './graphRequest';

/**
 * Builds a GraphRequest from a method, a url relative to `/v1.0` (with query string), lower-cased headers and
 * a body that is either parsed JSON, a base64 string (batch) or raw bytes (HTTP).
 */
export const toGraphRequest = (method: string, relativeUrl: string, headers: Record<string, string>, body: unknown): GraphRequest => {
  if (!isGraphMethod(method)) throw new GraphError(405, 'BadRequest', `Method ${method} is not supported.`);
  const q = relativeUrl.indexOf('?');
  const rawPath = q < 0 ? relativeUrl : relativeUrl.slice(0, q);
  let path: string;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    throw new GraphError(400, 'BadRequest', 'The request path is not correctly percent-encoded.');
  }
  const query = new URLSearchParams(q < 0 ? '' : relativeUrl.slice(q + 1));
  const contentType = (headers['content-type'] ?? '').toLowerCase();
  let parsed: unknown = undefined;
  let rawBody: Buffer | undefined;
  if (Buffer.isBuffer(body)) {
    rawBody = body.length > 0 ? body : undefined;
    if (rawBody && (contentType.includes('json') || (contentType === '' && method !== 'PUT'))) {
      try {
        parsed = JSON.parse(rawBody.toString('utf8'));
      } catch {
        throw new GraphError(400, 'BadRequest', 'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.');
      }
    } else {
      parsed = rawBody;
    }
  } else if (typeof body === 'string' && !contentType.includes('json')) {
    rawBody = Buffer.from(body, 'base64');
    parsed = rawBody;
  } else if (body !== undefined) {
    parsed = body;
    rawBody = Buffer.from(JSON.stringify(body));
  }
  return { method, path, query, headers, body: parsed, rawBody };
};
