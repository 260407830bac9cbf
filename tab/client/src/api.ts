/** The tab's API client: a bearer on every call, every answer parsed with the contract's schemas. */
import type { z } from 'zod';
import { ApiError } from '../../contract/api';

export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code?: string,
  ) {
    super(message);
    this.name = 'ApiFailure';
  }
}

export interface Api {
  get<S extends z.ZodType>(url: string, schema: S): Promise<z.infer<S>>;
  post<S extends z.ZodType>(url: string, body: unknown, schema: S): Promise<z.infer<S>>;
  /** Replaces what the URL names (the settings pages' changes). */
  put<S extends z.ZodType>(url: string, body: unknown, schema: S): Promise<z.infer<S>>;
  /** A raw body (a file) with its content type. */
  send<S extends z.ZodType>(url: string, body: Blob, schema: S): Promise<z.infer<S>>;
  /** A file to save (an export): its bytes and its Content-Disposition header. */
  download(url: string): Promise<{ blob: Blob; disposition: string | null }>;
}

/** What a person reads when a call fails. */
export function failureMessage(error: unknown): string {
  if (error instanceof ApiFailure) return error.message;
  if (error instanceof TypeError) return 'The service could not be reached. Check your connection and try again.';
  return error instanceof Error ? error.message : String(error);
}

async function failureOf(res: Response): Promise<ApiFailure> {
  const body: unknown = await res.json().catch(() => undefined);
  const parsed = ApiError.safeParse(body);
  if (parsed.success) return new ApiFailure(res.status, parsed.data.error, parsed.data.code);
  const fallback = res.status === 401 ? 'Please sign in again.' : `The service answered ${res.status} ${res.statusText}.`.replace(/ \.$/, '.');
  return new ApiFailure(res.status, fallback);
}

export function createApi(token: () => Promise<string>, onUnauthorized: (message: string) => void): Api {
  const fetchOk = async (url: string, init: RequestInit, accept: string): Promise<Response> => {
    const headers = new Headers(init.headers);
    headers.set('Authorization', `Bearer ${await token()}`);
    headers.set('Accept', accept);
    const res = await fetch(url, { ...init, headers, cache: 'no-store' });
    if (!res.ok) {
      const failure = await failureOf(res);
      if (res.status === 401) onUnauthorized(failure.message);
      throw failure;
    }
    return res;
  };
  const call = async <S extends z.ZodType>(url: string, init: RequestInit, schema: S): Promise<z.infer<S>> => {
    const res = await fetchOk(url, init, 'application/json');
    const parsed = schema.safeParse(await res.json());
    if (!parsed.success) throw new ApiFailure(res.status, `The service's answer was not understood (${url.split('?')[0]}).`);
    return parsed.data;
  };
  return {
    get: (url, schema) => call(url, { method: 'GET' }, schema),
    post: (url, body, schema) =>
      call(url, { method: 'POST', body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } }, schema),
    put: (url, body, schema) =>
      call(url, { method: 'PUT', body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } }, schema),
    send: (url, body, schema) =>
      call(url, { method: 'POST', body, headers: { 'Content-Type': body.type || 'application/octet-stream' } }, schema),
    download: async (url) => {
      const res = await fetchOk(url, { method: 'GET' }, '*/*');
      return { blob: await res.blob(), disposition: res.headers.get('Content-Disposition') };
    },
  };
}
