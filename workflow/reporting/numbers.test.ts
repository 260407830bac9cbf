import { mean, median, percentOf, sumHundredths } from './numbers';

describe('numbers', () => {
  it('gives percentages to one decimal, and 0 of nothing', () => {
    expect(percentOf(1, 3)).toBe(33.3);
    expect(percentOf(2, 3)).toBe(66.7);
    expect(percentOf(5, 0)).toBe(0);
  });

  it('finds the median of odd and even counts, and of none', () => {
    expect(median([9, 1, 4])).toBe(4);
    expect(median([1, 2, 3, 10])).toBe(2.5);
    expect(median([])).toBe(0);
    expect(mean([1, 2, 2])).toBe(1.7);
    expect(mean([])).toBe(0);
  });

  it('adds hours without drift', () => {
    expect(sumHundredths([0.1, 0.2, 0.7, 1.15])).toBe(2.15);
  });
});
