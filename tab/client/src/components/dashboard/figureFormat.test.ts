import { formatFigure, formatTick, noValue } from './figureFormat';

describe('figures by their kind', () => {
  it('formats counts, percentages, hours, pounds and days', () => {
    expect(formatFigure(1234, 'count')).toBe('1,234');
    expect(formatFigure(45.25, 'percent')).toBe('45.3%');
    expect(formatFigure(12.5, 'hours')).toBe('12.5 h');
    expect(formatFigure(1250, 'money')).toBe('£1,250.00');
    expect(formatFigure(12, 'days')).toBe('12 days');
    expect(formatFigure(1, 'days')).toBe('1 day');
  });

  it('shows text as it is and an empty cell as a dash', () => {
    expect(formatFigure('Oak Primary', 'text')).toBe('Oak Primary');
    expect(formatFigure(null, 'count')).toBe(noValue);
    expect(formatFigure(undefined, 'money')).toBe(noValue);
    expect(formatFigure(Number.NaN, 'hours')).toBe(noValue);
  });

  it('leaves the pence off whole pounds on an axis', () => {
    expect(formatTick(500, 'money')).toBe('£500');
    expect(formatTick(12.5, 'money')).toBe('£12.50');
    expect(formatTick(20, 'percent')).toBe('20%');
  });
});
