import { GraphError } from '../http/graphError';

/** The part of OData `$filter` SharePoint list items answer: comparisons on `fields/X`, `and`, `or`, `not`, `startswith`. */
export type FilterLiteral = string | number | boolean | null;
export type ComparisonOperator = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le';
export type FilterNode =
  | { kind: 'and' | 'or'; left: FilterNode; right: FilterNode }
  | { kind: 'not'; operand: FilterNode }
  | { kind: 'compare'; op: ComparisonOperator; field: string; value: FilterLiteral; quoted: boolean }
  | { kind: 'startsWith'; field: string; value: string };

type Token =
  | { t: 'open' }
  | { t: 'close' }
  | { t: 'comma' }
  | { t: 'string'; v: string }
  | { t: 'word'; v: string };

const invalid = (message: string): GraphError => new GraphError(400, 'BadRequest', `Invalid filter clause: ${message}`);

const tokenize = (text: string): Token[] => {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (/\s/.test(c)) { i++; continue; }
    if (c === '(') { tokens.push({ t: 'open' }); i++; continue; }
    if (c === ')') { tokens.push({ t: 'close' }); i++; continue; }
    if (c === ',') { tokens.push({ t: 'comma' }); i++; continue; }
    if (c === "'") {
      let value = '';
      i++;
      for (;;) {
        if (i >= text.length) throw invalid('unterminated string literal');
        if (text[i] === "'") {
          if (text[i + 1] === "'") { value += "'"; i += 2; continue; }
          i++;
          break;
        }
        value += text[i];
        i++;
      }
      tokens.push({ t: 'string', v: value });
      continue;
    }
    const m = /^[^\s(),']+/.exec(text.slice(i));
    if (!m) throw invalid(`unexpected character '${c}'`);
    tokens.push({ t: 'word', v: m[0] });
    i += m[0].length;
  }
  return tokens;
};

const operators = new Set<ComparisonOperator>(['eq', 'ne', 'gt', 'ge', 'lt', 'le']);

class FilterParser {
  private pos = 0;
  constructor(private readonly tokens: Token[]) {}

  parse(): FilterNode {
    const node = this.or();
    if (this.pos < this.tokens.length) throw invalid('unexpected text after the end of the expression');
    return node;
  }

  private peekWord(): string | undefined {
    const t = this.tokens[this.pos];
    return t?.t === 'word' ? t.v.toLowerCase() : undefined;
  }

  private or(): FilterNode {
    let left = this.and();
    while (this.peekWord() === 'or') { this.pos++; left = { kind: 'or', left, right: this.and() }; }
    return left;
  }

  private and(): FilterNode {
    let left = this.unary();
    while (this.peekWord() === 'and') { this.pos++; left = { kind: 'and', left, right: this.unary() }; }
    return left;
  }

  private unary(): FilterNode {
    if (this.peekWord() === 'not') { this.pos++; return { kind: 'not', operand: this.unary() }; }
    return this.primary();
  }

  private expect(t: 'open' | 'close' | 'comma'): void {
    if (this.tokens[this.pos]?.t !== t) throw invalid(`expected '${t === 'open' ? '(' : t === 'close' ? ')' : ','}'`);
    this.pos++;
  }

  private primary(): FilterNode {
    const t = this.tokens[this.pos];
    if (!t) throw invalid('the expression ends too early');
    if (t.t === 'open') {
      this.pos++;
      const inner = this.or();
      this.expect('close');
      return inner;
    }
    if (t.t === 'word' && t.v.toLowerCase() === 'startswith') {
      this.pos++;
      this.expect('open');
      const field = this.fieldRef();
      this.expect('comma');
      const literal = this.tokens[this.pos];
      if (literal?.t !== 'string') throw invalid('startswith needs a quoted string');
      this.pos++;
      this.expect('close');
      return { kind: 'startsWith', field, value: literal.v };
    }
    const field = this.fieldRef();
    const op = this.peekWord();
    if (!op || !operators.has(op as ComparisonOperator)) throw invalid(`expected a comparison operator after '${field}'`);
    this.pos++;
    const { value, quoted } = this.literal();
    return { kind: 'compare', op: op as ComparisonOperator, field, value, quoted };
  }

  private fieldRef(): string {
    const t = this.tokens[this.pos];
    if (t?.t !== 'word') throw invalid('expected a property such as fields/Title');
    this.pos++;
    return t.v;
  }

  private literal(): { value: FilterLiteral; quoted: boolean } {
    const t = this.tokens[this.pos];
    if (!t || t.t === 'open' || t.t === 'close' || t.t === 'comma') throw invalid('expected a value');
    this.pos++;
    if (t.t === 'string') return { value: t.v, quoted: true };
    const w = t.v;
    if (w === 'true' || w === 'false') return { value: w === 'true', quoted: false };
    if (w === 'null') return { value: null, quoted: false };
    if (/^-?\d+(\.\d+)?$/.test(w)) return { value: Number(w), quoted: false };
    if (/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/.test(w)) return { value: w, quoted: false };
    throw invalid(`'${w}' is not a value; quote strings with single quotes`);
  }
}

export const parseFilter = (text: string): FilterNode => new FilterParser(tokenize(text)).parse();

/** Every property the filter refers to, in order of appearance. */
export const filterFields = (node: FilterNode): string[] => {
  switch (node.kind) {
    case 'and':
    case 'or': return [...filterFields(node.left), ...filterFields(node.right)];
    case 'not': return filterFields(node.operand);
    default: return [node.field];
  }
};
