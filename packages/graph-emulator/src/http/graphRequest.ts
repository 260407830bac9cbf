/** One Graph request as the handlers see it, whether it came over HTTP or inside a `$batch`. */
export type GraphMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface GraphRequest {
  method: GraphMethod;
  /** Path after `/v1.0`, percent-decoded, without query string, e.g. `/sites/abc/lists`. */
  path: string;
  query: URLSearchParams;
  /** Header names in lower case. */
  headers: Record<string, string>;
  /** Parsed JSON when the body was JSON; raw bytes otherwise (uploads); undefined when empty. */
  body: unknown;
  rawBody: Buffer | undefined;
}

export interface GraphResponse {
  status: number;
  headers?: Record<string, string>;
  /** JSON value, or bytes for file content; undefined for an empty body. */
  body?: unknown;
}

export const graphMethods: readonly GraphMethod[] = ['GET', 'POST', 'PATCH', 'PUT', 'DELETE'];

export const isGraphMethod = (m: string): m is GraphMethod => (graphMethods as readonly string[]).includes(m);

export const isWrite = (m: GraphMethod): boolean => m !== 'GET';
