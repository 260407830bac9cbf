import { ledgerForCase } from './caseLedger';
import { entry, priceList2025, purchase } from './fixtures.testing';

const list = priceList2025();

describe('ledgerForCase', () => {
  it('draw-down order: fills the first purchase attached before drawing on the next', () => {
    const ledger = ledgerForCase(
      [purchase('p-silver', 'silver', 13), purchase('p-bronze', 'bronze', 7)],
      [entry('e1', '2025-06-02', 5), entry('e2', '2025-06-09', 6)],
      list,
    );
    expect(ledger.purchases.map((p) => [p.purchaseId, p.used, p.left])).toEqual([
      ['p-silver', 11, 2],
      ['p-bronze', 0, 7],
    ]);
  });

  it('draw-down order: entries are drawn in date order whatever order they arrive in', () => {
    const ledger = ledgerForCase(
      [purchase('p1', 'bronze', 2), purchase('p2', 'bronze', 7)],
      [entry('late', '2025-07-01', 2), entry('early', '2025-06-01', 2)],
      list,
    );
    expect(ledger.entries.map((e) => [e.entryId, e.parts])).toEqual([
      ['early', [{ purchaseId: 'p1', hours: 2 }]],
      ['late', [{ purchaseId: 'p2', hours: 2 }]],
    ]);
  });

  it('split across purchases: an entry larger than what is left draws the rest from the next purchase', () => {
    const ledger = ledgerForCase(
      [purchase('p-bronze', 'bronze', 7), purchase('p-top', 'silver-top-up', 7)],
      [entry('e1', '2025-06-02', 6.5), entry('e2', '2025-06-03', 1.25)],
      list,
    );
    expect(ledger.entries[1]).toMatchObject({
      countedHours: 1.25,
      parts: [
        { purchaseId: 'p-bronze', hours: 0.5 },
        { purchaseId: 'p-top', hours: 0.75 },
      ],
      overrunHours: 0,
    });
    expect(ledger.totals).toEqual({ bought: 14, used: 7.75, drawn: 7.75, overrun: 0, left: 6.25 });
  });

  it('parent support beside a package: parent-support time draws from Parent Support first, then from the package', () => {
    const ledger = ledgerForCase(
      [purchase('p-bronze', 'bronze', 7), purchase('p-parent', 'parent-support', 6)],
      [entry('e1', '2025-06-02', 4, 'parent-support'), entry('e2', '2025-06-03', 3, 'parent-support')],
      list,
    );
    expect(ledger.entries.map((e) => e.parts)).toEqual([
      [{ purchaseId: 'p-parent', hours: 4 }],
      [
        { purchaseId: 'p-parent', hours: 2 },
        { purchaseId: 'p-bronze', hours: 1 },
      ],
    ]);
  });

  it('parent support beside a package: other activities never draw from Parent Support, even when it is attached first', () => {
    const ledger = ledgerForCase(
      [purchase('p-parent', 'parent-support', 6), purchase('p-bronze', 'bronze', 7)],
      [entry('e1', '2025-06-02', 9, 'observation')],
      list,
    );
    expect(ledger.entries[0]).toMatchObject({ parts: [{ purchaseId: 'p-bronze', hours: 7 }], overrunHours: 2 });
    expect(ledger.purchases.find((p) => p.purchaseId === 'p-parent')).toMatchObject({ used: 0, left: 6 });
  });

  it('travel not counted unless turned on: travel draws nothing by default', () => {
    const ledger = ledgerForCase([purchase('p', 'bronze', 7)], [entry('t', '2025-06-02', 1.5, 'travel')], list);
    expect(ledger.entries[0]).toMatchObject({ countedHours: 0, parts: [], overrunHours: 0 });
    expect(ledger.totals.used).toBe(0);
  });

  it('travel not counted unless turned on: with the price list turning it on, travel draws hours', () => {
    const ledger = ledgerForCase(
      [purchase('p', 'bronze', 7)],
      [entry('t', '2025-06-02', 1.5, 'travel')],
      priceList2025({ travelCountsTowardHours: true }),
    );
    expect(ledger.entries[0]).toMatchObject({ countedHours: 1.5, parts: [{ purchaseId: 'p', hours: 1.5 }] });
  });

  it('overrun flagged: hours beyond what was bought are kept, flagged on the entry, and counted as used', () => {
    const ledger = ledgerForCase(
      [purchase('p', 'bronze', 7)],
      [entry('e1', '2025-06-02', 6), entry('e2', '2025-06-09', 2.5)],
      list,
    );
    expect(ledger.entries[1]).toMatchObject({ parts: [{ purchaseId: 'p', hours: 1 }], overrunHours: 1.5 });
    expect(ledger.totals).toEqual({ bought: 7, used: 8.5, drawn: 7, overrun: 1.5, left: 0 });
    expect(ledger.usedFraction).toBeCloseTo(8.5 / 7);
  });

  it('overrun flagged: a case with no purchases overruns every counted hour', () => {
    const ledger = ledgerForCase([], [entry('e1', '2025-06-02', 2)], list);
    expect(ledger.entries[0]?.overrunHours).toBe(2);
    expect(ledger.usedFraction).toBe(1);
  });

  it('hours add up to 2 dp without drift', () => {
    const tenths = Array.from({ length: 10 }, (_, i) => entry(`e${i}`, '2025-06-02', 0.1));
    const ledger = ledgerForCase([purchase('p', 'bronze', 7)], tenths, list);
    expect(ledger.totals.used).toBe(1);
    expect(ledger.totals.left).toBe(6);
  });
});
