import { FaultInjector } from './faults';

describe('fault injection', () => {
  it('draws the same faults for the same seed', () => {
    const draw = (): (number | undefined)[] => {
      const f = new FaultInjector();
      f.configure({ rate: 0.5, seed: 42 });
      return Array.from({ length: 50 }, () => f.beforeServing()?.status);
    };
    const a = draw();
    expect(draw()).toEqual(a);
    expect(a.some((s) => s === undefined)).toBe(true);
    expect(a.some((s) => s !== undefined)).toBe(true);
  });

  it('never faults with the default settings', () => {
    const f = new FaultInjector();
    expect(Array.from({ length: 20 }, () => f.beforeServing() ?? f.afterCommit())).toEqual(Array(20).fill(undefined));
  });

  it('refuses a rate above 1', () => {
    expect(() => new FaultInjector().configure({ rate: 1.5 })).toThrow();
  });
});
