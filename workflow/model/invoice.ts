import { z } from 'zod';
import { EntraId, Id, Instant, IsoDate } from './common';
import { FinancialYearCode, Hours, Pounds } from './priceList';

/**
 * One line of the invoicing list marked invoiced: a purchase, or a stretch of a case's hours over
 * what was bought in one financial year (from `fromHours` to `fromHours + hours` of that year's
 * overrun). Created once per line (its idempotency key comes from the line), so nothing is invoiced twice.
 */
export const Invoice = z.object({
  id: Id,
  /** The invoicing line's id (`purchase:<id>`, `overrun:<caseId>:<year>:<from>-<to>`). */
  lineId: z.string().min(1),
  kind: z.enum(['overrun', 'purchase']),
  schoolId: Id,
  financialYear: FinancialYearCode,
  purchaseId: Id.optional(),
  caseId: Id.optional(),
  /** Overrun: the hours of the year's overrun invoiced before this line. */
  fromHours: Hours.optional(),
  /** Overrun: the hours this line invoices. */
  hours: Hours.optional(),
  ratePerHour: Pounds.optional(),
  amount: Pounds,
  invoicedOn: IsoDate,
  invoicedBy: EntraId,
  invoicedAt: Instant,
});
export type Invoice = z.infer<typeof Invoice>;
