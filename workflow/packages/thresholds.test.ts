import { ledgerForCase } from './caseLedger';
import { entry, priceList2025, purchase } from './fixtures.testing';
import { thresholdsCrossed, usageWarningThresholds } from './thresholds';

const list = priceList2025();

describe('thresholdsCrossed', () => {
  it('exports the warnings as 80% and 100%', () => {
    expect(usageWarningThresholds).toEqual([80, 100]);
  });

  it('80% and 100% crossed exactly once: each warning is given by the one entry that crosses it', () => {
    const purchases = [purchase('p', 'silver', 10)];
    const hours = [3, 4, 1, 1, 0.5, 0.5, 1, 2];
    const entries = hours.map((h, i) => entry(`e${i}`, `2025-06-${String(10 + i)}`, h));
    const warnings = entries.map((_, i) => {
      const before = ledgerForCase(purchases, entries.slice(0, i), list).totals;
      const after = ledgerForCase(purchases, entries.slice(0, i + 1), list).totals;
      return thresholdsCrossed(before, after);
    });
    // used after each entry: 3, 7, 8 (80%), 9, 9.5, 10 (100%), 11, 13
    expect(warnings).toEqual([[], [], [80], [], [], [100], [], []]);
  });

  it('80% and 100% crossed exactly once: one entry jumping past both gives both', () => {
    expect(thresholdsCrossed({ bought: 7, used: 1 }, { bought: 7, used: 7.5 })).toEqual([80, 100]);
  });

  it('exactly 80% counts as reached (no floating-point shortfall)', () => {
    expect(thresholdsCrossed({ bought: 7, used: 5 }, { bought: 7, used: 5.6 })).toEqual([80]);
  });

  it('buying more hours and then using them warns again only when the new level is crossed', () => {
    // at 100% of 7 hours, a Silver is added: 7 of 20 is under 80%, so the next 1 hour warns nothing
    expect(thresholdsCrossed({ bought: 20, used: 7 }, { bought: 20, used: 8 })).toEqual([]);
  });

  it('time on a case with nothing bought reaches both warnings at once', () => {
    expect(thresholdsCrossed({ bought: 0, used: 0 }, { bought: 0, used: 1 })).toEqual([80, 100]);
  });
});
