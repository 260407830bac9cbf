import { GraphError } from '../http/graphError';
import { json, type RouteContext } from '../http/route';
import type { GraphResponse } from '../http/graphRequest';

/** Where the next page starts: after an id (keyset, stable under inserts) or at an offset (ordered queries). */
export interface PagePosition {
  afterId?: number;
  offset?: number;
}

/** Opaque to callers; shaped like SharePoint's own (`Paged=TRUE&p_ID=…`), base64url-encoded. */
const encodeSkipToken = (p: PagePosition): string =>
  Buffer.from(p.afterId !== undefined ? `Paged=TRUE&p_ID=${p.afterId}` : `Paged=TRUE&p_Offset=${p.offset ?? 0}`).toString('base64url');

const decodeSkipToken = (token: string): PagePosition => {
  const text = Buffer.from(token, 'base64url').toString('utf8');
  const m = /^Paged=TRUE&p_(ID|Offset)=(\d+)$/.exec(text);
  if (!m) throw new GraphError(400, 'invalidRequest', 'The $skiptoken is not valid.');
  return m[1] === 'ID' ? { afterId: Number(m[2]) } : { offset: Number(m[2]) };
};

/** Like Graph's own next links: OData punctuation stays readable, only what would break the URL is escaped. */
const encodeQueryValue = (value: string): string => encodeURIComponent(value).replace(/%(24|28|29|2C|2F|3A|3D|27)/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

export const pagedCollection = (
  ctx: RouteContext,
  page: {
    context: string;
    keyset: boolean;
    top: number;
    fetch: (position: PagePosition, limit: number) => { key: number; body: unknown }[];
  },
): GraphResponse => {
  const position = ctx.options.skipToken ? decodeSkipToken(ctx.options.skipToken) : page.keyset ? { afterId: 0 } : { offset: 0 };
  const rows = page.fetch(position, page.top + 1);
  const shown = rows.slice(0, page.top);
  const body: Record<string, unknown> = { '@odata.context': page.context, value: shown.map((r) => r.body) };
  if (rows.length > page.top) {
    const last = shown[shown.length - 1];
    const next: PagePosition = page.keyset ? { afterId: last?.key ?? 0 } : { offset: (position.offset ?? 0) + shown.length };
    const query = [...ctx.req.query].filter(([k]) => k.toLowerCase() !== '$skiptoken');
    query.push(['$skiptoken', encodeSkipToken(next)]);
    body['@odata.nextLink'] = `${ctx.baseUrl}${encodeURI(ctx.req.path)}?${query.map(([k, v]) => `${k}=${encodeQueryValue(v)}`).join('&')}`;
  }
  return json(200, body);
};
