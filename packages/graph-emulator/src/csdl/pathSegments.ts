/**
 * A URL path cut into OData segments. Graph's path-based addressing (`root:/Folder/Sub:`,
 * `sites/{host}:/sites/{name}`) becomes one segment carrying the address, so `root:/a/b:/children`
 * is `root` (address `a/b`) then `children`.
 */
export interface PathSegment {
  /** The segment as written, without parentheses, e.g. `items`, `getByPath`. */
  readonly name: string;
  /** What was in parentheses (`users('x')`, `delta()`), when present. */
  readonly parenthesised: string | undefined;
  /** The relative path after `name:`, when the segment opens a path address. */
  readonly address: string | undefined;
}

/** Splits on `/` outside parentheses and quotes (function arguments may contain slashes). */
const rawSegments = (path: string): string[] => {
  const out: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < path.length; i += 1) {
    const c = path[i];
    if (c === "'" && depth > 0) quoted = !quoted;
    else if (!quoted && c === '(') depth += 1;
    else if (!quoted && c === ')' && depth > 0) depth -= 1;
    else if (c === '/' && depth === 0 && !quoted) {
      out.push(path.slice(start, i));
      start = i + 1;
    }
  }
  out.push(path.slice(start));
  return out;
};

const withParentheses = (written: string, address: string | undefined): PathSegment => {
  const open = written.indexOf('(');
  if (open > 0 && written.endsWith(')')) {
    return { name: written.slice(0, open), parenthesised: written.slice(open + 1, -1), address };
  }
  return { name: written, parenthesised: undefined, address };
};

export const splitPath = (path: string): PathSegment[] => {
  const raw = rawSegments(path);
  const segments: PathSegment[] = [];
  for (let i = 0; i < raw.length; i += 1) {
    const written = raw[i] ?? '';
    if (written === '') continue;
    if (!written.endsWith(':') || written.length === 1) {
      segments.push(withParentheses(written, undefined));
      continue;
    }
    // `name:` opens a path address that runs to the next segment ending in `:` or to the end.
    const addressParts: string[] = [];
    for (i += 1; i < raw.length; i += 1) {
      const part = raw[i] ?? '';
      if (part.endsWith(':')) {
        addressParts.push(part.slice(0, -1));
        break;
      }
      addressParts.push(part);
    }
    segments.push(withParentheses(written.slice(0, -1), addressParts.join('/')));
  }
  return segments;
};
