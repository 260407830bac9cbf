import { caseloadSearch, initialView, pageCount, sortBy } from './query';
import { parseRoute } from './route';

describe('the caseload query', () => {
  it('leaves defaults out', () => {
    expect(caseloadSearch(initialView)).toBe('');
  });

  it('carries filter, search, sort and page', () => {
    const s = caseloadSearch({ status: 'all', worker: 'w-1', q: '  Oak  ', sort: 'due', dir: 'desc', page: 3 });
    expect(Object.fromEntries(new URLSearchParams(s.slice(1)))).toEqual({ status: 'all', worker: 'w-1', q: 'Oak', sort: 'due', dir: 'desc', page: '3' });
  });

  it('sorts ascending first, then the other way, from page 1', () => {
    const once = sortBy({ ...initialView, page: 4 }, 'child');
    expect(once).toMatchObject({ sort: 'child', dir: 'asc', page: 1 });
    expect(sortBy(once, 'child').dir).toBe('desc');
    expect(sortBy(sortBy(once, 'child'), 'child').dir).toBe('asc');
  });

  it('counts pages, at least one', () => {
    expect(pageCount(1000, 50)).toBe(20);
    expect(pageCount(1001, 50)).toBe(21);
    expect(pageCount(0, 50)).toBe(1);
  });
});

describe('the hash routes', () => {
  it('read the caseload, a case and the config page', () => {
    expect(parseRoute('')).toEqual({ page: 'cases', scope: 'personal' });
    expect(parseRoute('#/cases?scope=team')).toEqual({ page: 'cases', scope: 'team' });
    expect(parseRoute('#/cases/abc%2F1')).toEqual({ page: 'case', caseId: 'abc/1' });
    expect(parseRoute('#/config')).toEqual({ page: 'config' });
    expect(parseRoute('', '/tab/config')).toEqual({ page: 'config' });
    expect(parseRoute('#/cases', '/tab/')).toEqual({ page: 'cases', scope: 'personal' });
  });
});
