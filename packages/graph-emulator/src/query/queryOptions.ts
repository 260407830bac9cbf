import { GraphError } from '../http/graphError';

export interface ExpandOption {
  name: string;
  select?: string[];
}

export interface OrderByOption {
  field: string;
  descending: boolean;
}

export interface QueryOptions {
  select?: string[];
  expand: ExpandOption[];
  filter?: string;
  top?: number;
  skipToken?: string;
  orderBy: OrderByOption[];
}

export type QueryOptionName = '$select' | '$expand' | '$filter' | '$top' | '$skiptoken' | '$orderby';

const badOption = (message: string): GraphError => new GraphError(400, 'BadRequest', message);

/** Splits on commas that are not inside parentheses. */
const splitTopLevel = (text: string, separator: string): string[] => {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const c of text) {
    if (c === '(') depth++;
    if (c === ')') depth--;
    if (c === separator && depth === 0) { parts.push(current); current = ''; continue; }
    current += c;
  }
  parts.push(current);
  return parts.map((p) => p.trim()).filter((p) => p.length > 0);
};

const parseList = (text: string): string[] => text.split(',').map((s) => s.trim()).filter(Boolean);

const parseExpand = (text: string): ExpandOption[] =>
  splitTopLevel(text, ',').map((part) => {
    const m = /^([A-Za-z_][\w]*)(?:\((.*)\))?$/.exec(part);
    if (!m) throw badOption(`Invalid $expand clause '${part}'.`);
    const option: ExpandOption = { name: m[1] as string };
    for (const inner of splitTopLevel(m[2] ?? '', ';')) {
      const eq = inner.indexOf('=');
      const key = inner.slice(0, eq).trim().toLowerCase();
      if (eq < 0 || key !== '$select') throw badOption(`The query option '${inner}' inside $expand is not supported by the emulator.`);
      option.select = parseList(inner.slice(eq + 1));
    }
    return option;
  });

const parseOrderBy = (text: string): OrderByOption[] =>
  parseList(text).map((part) => {
    const [field, direction, extra] = part.split(/\s+/);
    if (!field || extra !== undefined || (direction && !/^(asc|desc)$/i.test(direction))) throw badOption(`Invalid $orderby clause '${part}'.`);
    return { field, descending: direction?.toLowerCase() === 'desc' };
  });

/**
 * Reads the OData query options of a request. An option the route does not implement is refused by name,
 * never silently ignored (a product relying on it would otherwise pass here and fail against Graph).
 */
const optionNames: readonly string[] = ['$select', '$expand', '$filter', '$top', '$skiptoken', '$orderby'];

/**
 * `dollarOptional`: the API takes system query options without their `$` (`expand=fields`), as Graph's
 * SharePoint and OneDrive APIs do on v1.0; elsewhere an option without `$` is an ordinary parameter.
 */
export const parseQueryOptions = (query: URLSearchParams, allowed: readonly QueryOptionName[], dollarOptional = false): QueryOptions => {
  const options: QueryOptions = { expand: [], orderBy: [] };
  for (const [rawKey, value] of query) {
    const lower = rawKey.toLowerCase();
    const key = dollarOptional && optionNames.includes(`$${lower}`) ? `$${lower}` : lower;
    if (!key.startsWith('$')) continue;
    if (!(allowed as readonly string[]).includes(key)) {
      throw badOption(`The query option '${rawKey}' is not supported on this request by the Graph emulator.`);
    }
    switch (key as QueryOptionName) {
      case '$select': options.select = parseList(value); break;
      case '$expand': options.expand = parseExpand(value); break;
      case '$filter': options.filter = value; break;
      case '$orderby': options.orderBy = parseOrderBy(value); break;
      case '$skiptoken': options.skipToken = value; break;
      case '$top': {
        if (!/^\d+$/.test(value) || Number(value) < 1) throw badOption(`Invalid value '${value}' for $top.`);
        options.top = Number(value);
        break;
      }
    }
  }
  return options;
};

/** Keeps the selected properties (and OData annotations and id, as Graph does). */
export const applySelect = (entity: Record<string, unknown>, select: string[] | undefined): Record<string, unknown> => {
  if (!select || select.length === 0) return entity;
  const wanted = new Set(select.map((s) => s.toLowerCase()));
  return Object.fromEntries(
    Object.entries(entity).filter(([k]) => k.startsWith('@odata.') || k === 'id' || wanted.has(k.toLowerCase())),
  );
};
