import { generatedHistory } from './demoYear.testing';
import { academicYearPeriod } from './period';
import { serviceFigures } from './serviceFigures';

describe('generatedHistory', () => {
  it('is the same for the same seed, and its figures can be worked out', () => {
    const a = generatedHistory({ seed: 7, cases: 40 });
    expect(generatedHistory({ seed: 7, cases: 40 }).history).toEqual(a.history);
    expect(a.history.cases).toHaveLength(40);
    const f = serviceFigures({ ...a, period: academicYearPeriod('2025-26'), filters: {}, today: '2026-09-14' }, '2026-09-14T09:00:00Z');
    expect(f.headlines.find((h) => h.id === 'pupils')?.value).toBe(40);
  });
});
