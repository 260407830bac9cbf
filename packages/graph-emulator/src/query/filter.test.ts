import { GraphError } from '../http/graphError';
import { filterFields, parseFilter } from './filter';

describe('the $filter parser', () => {
  it('reads comparisons joined by and/or with and-before-or precedence', () => {
    const node = parseFilter("fields/A eq 'x' or fields/B ge 3 and not fields/C eq true");
    expect(node.kind).toBe('or');
    expect(filterFields(node)).toEqual(['fields/A', 'fields/B', 'fields/C']);
  });

  it('reads doubled quotes inside string literals', () => {
    expect(parseFilter("fields/Name eq 'O''Neil'")).toMatchObject({ kind: 'compare', value: "O'Neil", quoted: true });
  });

  it('reads startswith and bare dates', () => {
    expect(parseFilter("startswith(fields/Key,'K-')")).toEqual({ kind: 'startsWith', field: 'fields/Key', value: 'K-' });
    expect(parseFilter('fields/D ge 2026-01-01T00:00:00Z')).toMatchObject({ value: '2026-01-01T00:00:00Z', quoted: false });
  });

  it.each(["fields/A eq 'open", 'fields/A eq unquoted', 'fields/A like 3', "(fields/A eq 'x'", "fields/A eq 'x' extra"])('refuses %s', (text) => {
    expect(() => parseFilter(text)).toThrow(GraphError);
  });
});
