import { rangeProblem, searchOfView, viewFromSearch } from './figuresView';

describe("the dashboard's filters in the hash", () => {
  it('reads what a link carries and writes it back the same', () => {
    const view = viewFromSearch('?year=2025-26&school=s-1&worker=w-2&package=p-3');
    expect(view).toEqual({ year: '2025-26', school: 's-1', worker: 'w-2', package: 'p-3' });
    expect(viewFromSearch(searchOfView(view))).toEqual(view);
  });

  it('drops a bad value and keeps the others', () => {
    expect(viewFromSearch('?year=last&school=s-1&from=yesterday')).toEqual({ school: 's-1' });
  });

  it('takes a date range over a year', () => {
    expect(viewFromSearch('year=2025-26&from=2025-09-01&to=2025-12-31')).toEqual({ from: '2025-09-01', to: '2025-12-31' });
  });

  it('writes nothing for no filter', () => {
    expect(searchOfView({})).toBe('');
  });

  it('says what is wrong with a range', () => {
    expect(rangeProblem('2026-01-01', undefined)).toBe('Choose both dates.');
    expect(rangeProblem('2026-02-01', '2026-01-01')).toMatch(/on or before/);
    expect(rangeProblem('2026-01-01', '2026-01-01')).toBeUndefined();
  });
});
