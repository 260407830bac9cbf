import { fromHundredths } from '../../packages/units';

/**
 * The ids of invoicing lines. A purchase's is `purchase:<purchaseId>`. A stretch of a case's hours
 * over what was bought in a financial year is `overrun:<caseId>:<year>:<from>-<to>`, in hours of
 * that year's overrun: the same hours always have the same id, hours that accrue after an invoice
 * get a new one (starting where the invoiced stretch ended), and an id whose hours have since changed is stale.
 */
export const purchaseLineId = (purchaseId: string): string => `purchase:${purchaseId}`;

export const overrunLineId = (caseId: string, financialYear: string, fromHundredths: number, toHundredths: number): string =>
  `overrun:${caseId}:${financialYear}:${hoursText(fromHundredths)}-${hoursText(toHundredths)}`;

/**
 * What makes two marks of overrun the same invoice: the case, the year and where the stretch starts.
 * Two managers marking the same hours (even as the stretch grew between their reads) create one invoice.
 */
export const overrunInvoiceKey = (caseId: string, financialYear: string, fromHundredths: number): string =>
  `invoice:overrun:${caseId}:${financialYear}:from-${hoursText(fromHundredths)}`;

export const purchaseInvoiceKey = (purchaseId: string): string => `invoice:${purchaseLineId(purchaseId)}`;

const hoursText = (hundredths: number): string => String(fromHundredths(hundredths));
