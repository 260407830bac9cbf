import { priceList2025, purchase } from './fixtures.testing';
import { purchaseRules, topUpRule, universalOfferCheck } from './purchaseRules';

const lists = [priceList2025(), priceList2025({ financialYear: '2026-27' })];
const universal2025 = purchase('uo', 'universal-support-offer', 0);

describe('universalOfferCheck', () => {
  it('is ok when the school bought that year\'s Universal Offer', () => {
    expect(universalOfferCheck([universal2025], '2025-26')).toMatchObject({ ok: true, value: { id: 'uo' } });
  });

  it('fails with UniversalOfferMissing naming the school and year when only last year\'s was bought', () => {
    const result = universalOfferCheck([universal2025], '2026-27', { schoolName: 'Fictional Primary' });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('UniversalOfferMissing');
      expect(result.error.message).toContain('Fictional Primary');
      expect(result.error.message).toContain('2026-27');
    }
  });
});

describe('purchaseRules', () => {
  it('purchase without Universal Offer refused', () => {
    const result = purchaseRules({ schoolId: 'school-a', packageCode: 'bronze', financialYear: '2025-26' }, [], lists);
    expect(result).toMatchObject({ ok: false, error: { code: 'UniversalOfferMissing', message: expect.stringContaining('school-a') } });
  });

  it('purchase without Universal Offer refused: another school\'s Universal Offer does not count', () => {
    const theirs = purchase('uo-b', 'universal-support-offer', 0, { schoolId: 'school-b' });
    const result = purchaseRules({ schoolId: 'school-a', packageCode: 'bronze', financialYear: '2025-26' }, [theirs], lists);
    expect(result).toMatchObject({ ok: false, error: { code: 'UniversalOfferMissing' } });
  });

  it('a package is allowed once the year\'s Universal Offer is bought, and gives the item to copy', () => {
    const result = purchaseRules({ schoolId: 'school-a', packageCode: 'bronze', financialYear: '2025-26' }, [universal2025], lists);
    expect(result).toMatchObject({ ok: true, value: { code: 'bronze', hours: 7, price: 650 } });
  });

  it('the Universal Offer itself needs nothing before it, but is not bought twice in a year', () => {
    const request = { schoolId: 'school-a', packageCode: 'universal-support-offer', financialYear: '2025-26' };
    expect(purchaseRules(request, [], lists)).toMatchObject({ ok: true, value: { kind: 'universal-offer' } });
    expect(purchaseRules(request, [universal2025], lists)).toMatchObject({ ok: false, error: { code: 'AlreadyDone' } });
  });

  it('Silver top-up without Silver refused, naming the rule', () => {
    const result = purchaseRules({ schoolId: 'school-a', packageCode: 'silver-top-up', financialYear: '2025-26' }, [universal2025], lists);
    expect(result).toMatchObject({ ok: false, error: { code: 'OrderRule', rule: topUpRule, message: expect.stringContaining('Silver Package') } });
  });

  it('Silver top-up without Silver refused: a Silver from another year does not count', () => {
    const silver2025 = purchase('s', 'silver', 13);
    const universal2026 = purchase('uo26', 'universal-support-offer', 0, { financialYear: '2026-27' });
    const result = purchaseRules(
      { schoolId: 'school-a', packageCode: 'silver-top-up', financialYear: '2026-27' },
      [universal2025, silver2025, universal2026],
      lists,
    );
    expect(result).toMatchObject({ ok: false, error: { rule: topUpRule } });
  });

  it('Silver top-up allowed after a Silver the same year', () => {
    const result = purchaseRules(
      { schoolId: 'school-a', packageCode: 'silver-top-up', financialYear: '2025-26' },
      [universal2025, purchase('s', 'silver', 13)],
      lists,
    );
    expect(result).toMatchObject({ ok: true, value: { code: 'silver-top-up' } });
  });

  it('unknown package refused', () => {
    const result = purchaseRules({ schoolId: 'school-a', packageCode: 'gold', financialYear: '2025-26' }, [universal2025], lists);
    expect(result).toMatchObject({ ok: false, error: { code: 'PackageNotOnPriceList', field: 'packageCode', message: expect.stringContaining('gold') } });
  });

  it('unknown package refused: a year with no price list has no packages', () => {
    const result = purchaseRules({ schoolId: 'school-a', packageCode: 'bronze', financialYear: '2030-31' }, [universal2025], lists);
    expect(result).toMatchObject({ ok: false, error: { code: 'PackageNotOnPriceList', message: expect.stringContaining('2030-31') } });
  });
});
