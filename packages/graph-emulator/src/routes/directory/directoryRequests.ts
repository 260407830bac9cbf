import { z } from 'zod';
import { GraphError } from '../../http/graphError';
import type { RouteContext } from '../../http/route';
import type { DirectoryObject } from '../../store/directoryStore';

/**
 * What each part of the directory needs, as Graph's permission names: a test takes one away
 * (`PUT /_emulator/permissions`) and the request answers 403 as Entra or SharePoint would.
 */
export const demand = (ctx: RouteContext, permission: string, code = 'Authorization_RequestDenied'): void => {
  if (!ctx.store.deniedPermissions().includes(permission)) return;
  const message = code === 'Authorization_RequestDenied' ? 'Insufficient privileges to complete the operation.' : code === 'ErrorAccessDenied' ? 'Access is denied. Check credentials and try again.' : 'Access denied';
  throw new GraphError(403, code, message);
};

/** `$filter=<property> eq '<value>'`: the one filter shape the directory routes answer. */
export const equalityFilter = (ctx: RouteContext, allowed: readonly string[]): { property: string; value: string } | undefined => {
  const text = ctx.options.filter;
  if (text === undefined) return undefined;
  const m = /^\s*(\w+)\s+eq\s+'((?:[^']|'')*)'\s*$/.exec(text);
  if (!m || !allowed.includes(m[1] as string)) throw new GraphError(400, 'Request_UnsupportedQuery', `Unsupported or invalid query filter clause specified for property '${m?.[1] ?? text}'.`);
  return { property: m[1] as string, value: (m[2] as string).replace(/''/g, "'") };
};

export const collection = (ctx: RouteContext, entitySet: string, value: readonly DirectoryObject[]) => ({
  '@odata.context': `${ctx.baseUrl}/$metadata#${entitySet}`,
  value: value.map((v) => select(ctx, v)),
});

export const entity = (ctx: RouteContext, entitySet: string, value: DirectoryObject) => ({ '@odata.context': `${ctx.baseUrl}/$metadata#${entitySet}/$entity`, ...select(ctx, value) });

const select = (ctx: RouteContext, value: DirectoryObject): Record<string, unknown> =>
  ctx.options.select ? Object.fromEntries(Object.entries(value).filter(([k]) => k === 'id' || ctx.options.select?.includes(k))) : value;

/** A body checked with zod: Graph's 400 naming the first problem. */
export const parsed = <T>(ctx: RouteContext, schema: z.ZodType<T>): T => {
  const result = schema.safeParse(ctx.req.body);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new GraphError(400, 'Request_BadRequest', `Invalid value specified for property '${issue?.path.join('.') ?? 'body'}': ${issue?.message ?? 'unreadable'}.`);
};
