import { ledgerForCase } from './caseLedger';
import { entry, priceList2025, purchase } from './fixtures.testing';
import { ledgerForSchool } from './schoolLedger';

const list = priceList2025();

describe('ledgerForSchool', () => {
  it('school totals: adds up its cases and purchases left for the school, per financial year', () => {
    const universal = purchase('uo', 'universal-support-offer', 0, { price: 550 });
    const caseOnePurchase = purchase('p1', 'bronze', 7, { price: 650, caseId: 'case-1' });
    const caseTwoPurchase = purchase('p2', 'silver', 13, { price: 1000, caseId: 'case-2' });
    const unattached = purchase('p3', 'bronze', 7, { price: 650, financialYear: '2026-27', purchasedOn: '2026-04-10' });
    const caseOne = ledgerForCase([caseOnePurchase], [entry('a', '2025-06-01', 5), entry('b', '2026-04-20', 3)], list);
    const caseTwo = ledgerForCase([caseTwoPurchase], [entry('c', '2025-07-01', 4)], list);

    const school = ledgerForSchool('school-a', [universal, caseOnePurchase, caseTwoPurchase, unattached], [caseOne, caseTwo]);

    // case 1: 7 bought, 8 used -> 7 drawn from its 2025-26 Bronze, 1 hour overrun worked in 2026-27
    expect(school.byFinancialYear).toEqual([
      { financialYear: '2025-26', bought: 20, used: 11, drawn: 11, overrun: 0, left: 9, spent: 2200 },
      { financialYear: '2026-27', bought: 7, used: 1, drawn: 0, overrun: 1, left: 7, spent: 650 },
    ]);
    expect(school.totals).toEqual({ bought: 27, used: 12, drawn: 11, overrun: 1, left: 16, spent: 2850 });
  });

  it('school totals: purchases of another school are not counted', () => {
    const theirs = purchase('x', 'silver', 13, { schoolId: 'school-b', price: 1000 });
    const school = ledgerForSchool('school-a', [theirs], [ledgerForCase([theirs], [entry('a', '2025-06-01', 2)], list)]);
    expect(school.totals).toEqual({ bought: 0, used: 0, drawn: 0, overrun: 0, left: 0, spent: 0 });
    expect(school.byFinancialYear).toEqual([]);
  });
});
