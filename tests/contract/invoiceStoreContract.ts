import { randomInt } from 'node:crypto';
import { UniqueValueTaken, type Invoice, type InvoiceStore, type NewItem } from '../../workflow';
import { describeEntityStoreContract, type StoreUnderTest } from './entityStoreContract';
import { freshIdempotencyKey, freshItemId, freshUserId } from './samples/fresh';

type InvoiceIndexed = InvoiceStore extends { find(filter: Partial<Pick<Invoice, infer K>>): unknown } ? K : never;

const at = '2026-11-20T09:00:00.000Z';

/** A purchase marked invoiced. */
export const freshPurchaseInvoice = (): NewItem<Invoice> => {
  const purchaseId = freshItemId();
  return {
    lineId: `purchase:${purchaseId}`,
    kind: 'purchase',
    schoolId: freshItemId(),
    financialYear: '2026-27',
    purchaseId,
    amount: 650,
    invoicedOn: '2026-11-20',
    invoicedBy: freshUserId(),
    invoicedAt: at,
  };
};

/** A stretch of a case's hours over what was bought, marked invoiced. */
export const freshOverrunInvoice = (): NewItem<Invoice> => {
  const caseId = freshItemId();
  return {
    lineId: `overrun:${caseId}:2026-27:2-3.5`,
    kind: 'overrun',
    schoolId: freshItemId(),
    financialYear: '2026-27',
    caseId,
    fromHours: 2,
    hours: 1.5,
    ratePerHour: 100,
    amount: 150,
    invoicedOn: '2026-11-20',
    invoicedBy: freshUserId(),
    invoicedAt: at,
  };
};

/** The EntityStore contract for the Invoices list, and a line marked by two requests at once stored once. */
export function describeInvoiceStoreContract(name: string, make: () => Promise<StoreUnderTest<Invoice, InvoiceIndexed>>): void {
  describeEntityStoreContract<Invoice, InvoiceIndexed>(name, {
    make,
    // Line ids are lower case; a capital here gives the suite's caseless comparison of unique columns something to fold.
    sample: () => {
      const invoice = freshPurchaseInvoice();
      return { ...invoice, lineId: invoice.lineId.replace('purchase:', 'purchase:P') };
    },
    identify: (i) => ({ lineId: i.lineId }),
    filterValues: {
      schoolId: () => [freshItemId(), freshItemId()],
      financialYear: () => ['2025-26', '2026-27'],
      caseId: () => [freshItemId(), freshItemId()],
    },
    unique: ['lineId'],
    notIndexed: 'amount',
    change: () => ({ amount: randomInt(1, 100_000) }),
    clearable: 'purchaseId',
    roundTrip: () => [freshPurchaseInvoice(), freshOverrunInvoice()],
  });

  describe(`${name}: one invoice per line`, () => {
    let subject: StoreUnderTest<Invoice, InvoiceIndexed>;
    beforeEach(async () => {
      subject = await make();
    });
    afterEach(async () => {
      await subject.cleanup?.();
    });

    it('the same line marked by two requests at once (one key) is one item: one created, the other given it', async () => {
      const invoice = freshOverrunInvoice();
      const key = `invoice:${invoice.lineId}`;
      const [a, b] = await Promise.all([subject.store.create(invoice, key), subject.store.create({ ...invoice, invoicedBy: freshUserId() }, key)]);
      expect([a.created, b.created].sort()).toEqual([false, true]);
      expect(a.item.id).toBe(b.item.id);
      expect(await subject.store.find({ lineId: invoice.lineId })).toHaveLength(1);
    });

    it('a line already invoiced under another key is refused (UniqueValueTaken), never a second invoice', async () => {
      const invoice = freshPurchaseInvoice();
      await subject.store.create(invoice, freshIdempotencyKey());
      await expect(subject.store.create(invoice, freshIdempotencyKey())).rejects.toBeInstanceOf(UniqueValueTaken);
      expect(await subject.store.find({ lineId: invoice.lineId })).toHaveLength(1);
    });
  });
}
