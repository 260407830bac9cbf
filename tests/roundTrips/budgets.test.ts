import { coldBudgets, messageBudgets, target, warmBudgets, type Budget } from './budgets';

/** The budgets whose over-target mark disagrees with their number. */
const wronglyMarked = (budgets: Readonly<Record<string, Budget>>, limit: number): string[] =>
  Object.entries(budgets).filter(([, budget]) => budget.overTarget !== budget.roundTrips > limit).map(([name]) => name);

describe('the round-trip budget tables', () => {
  it(`mark exactly the card actions over the target: ${target.warm} round trips warm, ${target.cold} cold`, () => {
    expect(wronglyMarked(warmBudgets, target.warm)).toEqual([]);
    expect(wronglyMarked(coldBudgets, target.cold)).toEqual([]);
    expect(wronglyMarked(messageBudgets, target.warm)).toEqual([]);
  });
});
