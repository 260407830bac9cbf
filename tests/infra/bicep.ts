import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Just enough of Bicep to test the templates without a compiler (none is reachable here): the
 * top-level statements of a file (param, var, resource, module, output) with their decorators,
 * comments removed outside strings. Statements start at column 0, as the formatter writes them.
 */

export const infraDir = path.resolve(__dirname, '../../infra');

export interface Decorator {
  name: string;
  text: string;
}

export interface Statement {
  keyword: 'param' | 'var' | 'resource' | 'module' | 'output' | 'targetScope' | 'type' | 'func' | 'import' | 'metadata';
  /** The statement without its decorators, comments removed. */
  text: string;
  decorators: Decorator[];
}

export interface Param {
  name: string;
  type: string;
  /** The default value's expression, if any. */
  defaultValue?: string;
  decorators: Decorator[];
}

export interface Resource {
  symbol: string;
  type: string;
  apiVersion: string;
  existing: boolean;
  text: string;
}

export interface Output {
  name: string;
  type: string;
  value: string;
  decorators: Decorator[];
}

export interface BicepFile {
  /** Relative to infra/, e.g. modules/bot.bicep. */
  file: string;
  raw: string;
  /** The text without comments (strings kept as written). */
  code: string;
  statements: Statement[];
  params: Param[];
  resources: Resource[];
  outputs: Output[];
  vars: Map<string, string>;
  modules: Map<string, { path: string; text: string }>;
}

const keywords = ['param', 'var', 'resource', 'module', 'output', 'targetScope', 'type', 'func', 'import', 'metadata'] as const;

/** Walks code outside string literals ('…' with \' escapes, and '''…''' multi-line strings). */
function scan(code: string, onCode: (index: number) => number | void): void {
  let i = 0;
  while (i < code.length) {
    if (code.startsWith("'''", i)) {
      const end = code.indexOf("'''", i + 3);
      if (end < 0) throw new Error('unterminated multi-line string');
      i = end + 3;
    } else if (code[i] === "'") {
      i += 1;
      while (i < code.length && code[i] !== "'") i += code[i] === '\\' ? 2 : 1;
      if (i >= code.length) throw new Error('unterminated string');
      i += 1;
    } else {
      const skipTo = onCode(i);
      i = typeof skipTo === 'number' ? skipTo : i + 1;
    }
  }
}

export function stripComments(raw: string): string {
  let out = '';
  let last = 0;
  scan(raw, (i) => {
    if (raw.startsWith('//', i)) {
      const end = raw.indexOf('\n', i);
      out += raw.slice(last, i);
      last = end < 0 ? raw.length : end;
      return last;
    }
    if (raw.startsWith('/*', i)) {
      const end = raw.indexOf('*/', i + 2);
      if (end < 0) throw new Error('unterminated comment');
      out += raw.slice(last, i);
      last = end + 2;
      return last;
    }
    return undefined;
  });
  return out + raw.slice(last);
}

/** Brackets that do not pair up, outside strings: the first one, or undefined. */
export function unbalancedBracket(code: string): string | undefined {
  const pairs: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
  const stack: string[] = [];
  let problem: string | undefined;
  scan(code, (i) => {
    const c = code[i] ?? '';
    if (problem) return code.length;
    if ('([{'.includes(c)) stack.push(c);
    else if (c in pairs && stack.pop() !== pairs[c]) problem = `unexpected ${c} at line ${code.slice(0, i).split('\n').length}`;
    return undefined;
  });
  return problem ?? (stack.length > 0 ? `unclosed ${stack.join('')}` : undefined);
}

/** The text inside the brackets that open at `open` (an index of `{` or `[`). */
export function bracketBody(code: string, open: number): string {
  const opener = code[open];
  const closer = opener === '{' ? '}' : opener === '[' ? ']' : undefined;
  if (!closer) throw new Error(`no bracket at ${open}`);
  let depth = 0;
  let close = -1;
  scan(code.slice(open), (i) => {
    if (close >= 0) return code.length;
    const c = code[open + i];
    if (c === opener) depth += 1;
    else if (c === closer && --depth === 0) close = open + i;
    return undefined;
  });
  if (close < 0) throw new Error(`unclosed ${opener}`);
  return code.slice(open + 1, close);
}

/** The object's own `key: value` lines (not those of nested objects), value as written on that line. */
export function ownProperties(objectBody: string): Map<string, string> {
  const props = new Map<string, string>();
  let depth = 0;
  for (const line of objectBody.split('\n')) {
    const match = depth === 0 ? /^\s*'?([\w$]+)'?:\s*(.*?)\s*$/.exec(line) : null;
    if (match?.[1] !== undefined) props.set(match[1], match[2] ?? '');
    scan(line, (i) => {
      const c = line[i] ?? '';
      if ('([{'.includes(c)) depth += 1;
      else if (')]}'.includes(c)) depth -= 1;
      return undefined;
    });
  }
  return props;
}

/** A Bicep string literal's value, or undefined when the expression is anything else (interpolated included). */
export function stringLiteral(expression: string): string | undefined {
  const match = /^'((?:[^'\\$]|\\.|\$(?!\{))*)'$/.exec(expression.trim());
  return match?.[1]?.replace(/\\(.)/g, '$1');
}

/** Every string literal in a decorator such as @allowed([ 'a' 'b' ]). */
export const literalsIn = (text: string): string[] => [...text.matchAll(/'((?:[^'\\]|\\.)*)'/g)].map((m) => (m[1] ?? '').replace(/\\(.)/g, '$1'));

function statementsOf(code: string): Statement[] {
  const segments: string[] = [];
  for (const line of code.split('\n')) {
    const starts = line.startsWith('@') || keywords.some((k) => line.startsWith(`${k} `));
    if (starts || segments.length === 0) segments.push(line);
    else segments[segments.length - 1] += `\n${line}`;
  }
  const statements: Statement[] = [];
  let pending: Decorator[] = [];
  for (const segment of segments) {
    const text = segment.trim();
    if (text === '') continue;
    if (text.startsWith('@')) {
      pending.push({ name: /^@([\w.]+)/.exec(text)?.[1] ?? '', text });
      continue;
    }
    const keyword = keywords.find((k) => text.startsWith(`${k} `));
    if (!keyword) throw new Error(`not a statement: ${text.slice(0, 60)}`);
    statements.push({ keyword, text, decorators: pending });
    pending = [];
  }
  if (pending.length > 0) throw new Error('decorators without a statement at the end of the file');
  return statements;
}

export function parseBicep(file: string, raw: string): BicepFile {
  const code = stripComments(raw);
  const unbalanced = unbalancedBracket(code);
  if (unbalanced) throw new Error(`${file}: ${unbalanced}`);
  const statements = statementsOf(code);
  const params: Param[] = [];
  const resources: Resource[] = [];
  const outputs: Output[] = [];
  const vars = new Map<string, string>();
  const modules = new Map<string, { path: string; text: string }>();
  for (const s of statements) {
    if (s.keyword === 'param') {
      const m = /^param\s+(\w+)\s+(\w+)(?:\s*=\s*([\s\S]+))?$/.exec(s.text);
      if (!m?.[1] || !m[2]) throw new Error(`${file}: cannot read ${s.text.slice(0, 60)}`);
      params.push({ name: m[1], type: m[2], ...(m[3] ? { defaultValue: m[3].trim() } : {}), decorators: s.decorators });
    } else if (s.keyword === 'resource') {
      const m = /^resource\s+(\w+)\s+'([^'@]+)@([^']+)'\s*(existing)?/.exec(s.text);
      if (!m?.[1] || !m[2] || !m[3]) throw new Error(`${file}: cannot read ${s.text.slice(0, 60)}`);
      resources.push({ symbol: m[1], type: m[2], apiVersion: m[3], existing: m[4] === 'existing', text: s.text });
    } else if (s.keyword === 'output') {
      const m = /^output\s+(\w+)\s+(\w+)\s*=\s*([\s\S]+)$/.exec(s.text);
      if (!m?.[1] || !m[2] || !m[3]) throw new Error(`${file}: cannot read ${s.text.slice(0, 60)}`);
      outputs.push({ name: m[1], type: m[2], value: m[3].trim(), decorators: s.decorators });
    } else if (s.keyword === 'var') {
      const m = /^var\s+(\w+)\s*=\s*([\s\S]+)$/.exec(s.text);
      if (!m?.[1] || !m[2]) throw new Error(`${file}: cannot read ${s.text.slice(0, 60)}`);
      vars.set(m[1], m[2].trim());
    } else if (s.keyword === 'module') {
      const m = /^module\s+(\w+)\s+'([^']+)'/.exec(s.text);
      if (!m?.[1] || !m[2]) throw new Error(`${file}: cannot read ${s.text.slice(0, 60)}`);
      modules.set(m[1], { path: m[2], text: s.text });
    }
  }
  return { file, raw, code, statements, params, resources, outputs, vars, modules };
}

/** Every .bicep file under infra/, parsed. */
export function readInfra(): BicepFile[] {
  const files = readdirSync(infraDir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.bicep'))
    .map((f) => f.split(path.sep).join('/'))
    .sort();
  return files.map((f) => parseBicep(f, readFileSync(path.join(infraDir, f), 'utf8')));
}

/** The top-level properties of the first `key: {` object in a statement, e.g. a module's params. */
export function objectProperty(text: string, key: string): Map<string, string> {
  const at = new RegExp(`\\b${key}:\\s*\\{`).exec(text);
  if (!at) return new Map();
  return ownProperties(bracketBody(text, at.index + at[0].length - 1));
}

/** The `{ name: …, value: … }` pairs of an array expression such as the app settings. */
export function nameValuePairs(arrayExpression: string): Array<{ name: string; value: string }> {
  const body = bracketBody(arrayExpression, arrayExpression.indexOf('['));
  const pairs: Array<{ name: string; value: string }> = [];
  let from = 0;
  for (;;) {
    const open = body.indexOf('{', from);
    if (open < 0) return pairs;
    const object = bracketBody(body, open);
    const props = ownProperties(object);
    const name = stringLiteral(props.get('name') ?? '');
    if (name === undefined || !props.has('value')) throw new Error(`not a { name, value } pair: ${object.trim().slice(0, 60)}`);
    pairs.push({ name, value: props.get('value') ?? '' });
    from = open + object.length + 2;
  }
}
