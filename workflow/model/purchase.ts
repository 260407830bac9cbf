import { z } from 'zod';
import { EntraId, Id, Instant, IsoDate } from './common';
import { FinancialYearCode, Hours, PackageCode, Pounds } from './priceList';

export { TimeActivity } from '../packages/timeActivity';

export const InvoiceStatus = z.enum(['not-invoiced', 'invoiced', 'paid']);
export type InvoiceStatus = z.infer<typeof InvoiceStatus>;

/** A school's purchase of one item of the price list; hours and price are copied from the list when bought. */
export const Purchase = z.object({
  id: Id,
  schoolId: Id,
  packageCode: PackageCode,
  financialYear: FinancialYearCode,
  purchasedOn: IsoDate,
  purchaseOrderNumber: z.string().trim().min(1, 'must not be empty').optional(),
  invoiceStatus: InvoiceStatus,
  hours: Hours,
  price: Pounds,
  /** The case drawing on it; absent while it is left for the school. */
  caseId: Id.optional(),
  createdBy: EntraId,
  createdAt: Instant,
});
export type Purchase = z.infer<typeof Purchase>;
