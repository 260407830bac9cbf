export { invoicingLines, allInvoicingLines, InvoicingLinesQuery, type InvoicingEntry, type InvoicingLines } from './invoicingLines';
export { markInvoiced, MarkInvoicedInput, type InvoicesMarked } from './markInvoiced';
export { overrunLineId, purchaseLineId } from './lineIds';
