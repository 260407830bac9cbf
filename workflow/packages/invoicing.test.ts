import { ledgerForCase } from './caseLedger';
import { entry, priceList2025, purchase } from './fixtures.testing';
import { invoicingList } from './invoicing';

const lists = [priceList2025(), priceList2025({ financialYear: '2026-27' })];

describe('invoicingList', () => {
  it('overrun on the invoicing list at £100/h: extra hours are charged at the consultancy rate', () => {
    const bronze = purchase('p', 'bronze', 7, { caseId: 'case-1' });
    const ledger = ledgerForCase([bronze], [entry('e1', '2025-06-02', 7), entry('e2', '2025-06-09', 2.25)], lists[0]!);
    const result = invoicingList([{ caseId: 'case-1', schoolId: 'school-a', ledger }], [bronze], lists);
    expect(result).toEqual({
      ok: true,
      value: [
        { kind: 'overrun', schoolId: 'school-a', caseId: 'case-1', financialYear: '2025-26', hours: 2.25, ratePerHour: 100, amount: 225 },
      ],
    });
  });

  it('lists purchases not yet invoiced with their package and purchase-order number, and leaves out the rest', () => {
    const purchases = [
      purchase('p1', 'silver', 13, { price: 1000, invoiceStatus: 'not-invoiced', purchaseOrderNumber: 'PO-0042' }),
      purchase('p2', 'bronze', 7, { price: 650, invoiceStatus: 'invoiced' }),
      purchase('p3', 'parent-support', 6, { price: 550, invoiceStatus: 'paid' }),
      purchase('p4', 'universal-support-offer', 0, { price: 550, invoiceStatus: 'not-invoiced' }),
    ];
    const result = invoicingList([], purchases, lists);
    expect(result).toEqual({
      ok: true,
      value: [
        { kind: 'purchase', schoolId: 'school-a', purchaseId: 'p1', packageCode: 'silver', packageName: 'Silver Package', financialYear: '2025-26', purchaseOrderNumber: 'PO-0042', amount: 1000 },
        { kind: 'purchase', schoolId: 'school-a', purchaseId: 'p4', packageCode: 'universal-support-offer', packageName: 'Universal Support Offer', financialYear: '2025-26', amount: 550 },
      ],
    });
  });

  it('a case without overrun puts nothing on the list', () => {
    const ledger = ledgerForCase([purchase('p', 'bronze', 7)], [entry('e1', '2025-06-02', 7)], lists[0]!);
    expect(invoicingList([{ caseId: 'c', schoolId: 's', ledger }], [], lists)).toEqual({ ok: true, value: [] });
  });

  it('overrun worked in a year with no price list is refused, naming the year', () => {
    const ledger = ledgerForCase([], [entry('e1', '2027-06-02', 1)], lists[0]!);
    const result = invoicingList([{ caseId: 'c', schoolId: 's', ledger }], [], lists);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatchObject({ code: 'NotFound', field: 'financialYear', message: expect.stringContaining('2027-28') });
  });
});
