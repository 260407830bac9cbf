import type { InvoicingLine } from '../../../../contract/dashboard';
import { financialYearOf, invoicingViewFromSearch, searchOfInvoicingView, selectionOf, yearChoices } from './invoicingView';

const line = (id: string, amount: number, invoiced = false, financialYear = '2026-27'): InvoicingLine => ({
  id, kind: 'overrun', schoolId: 's', schoolName: 'Oak', packageName: 'Core', financialYear, amount, invoiced,
});

describe('the invoicing page', () => {
  it('keeps its filter in the hash, to invoice by default', () => {
    expect(invoicingViewFromSearch('')).toEqual({ status: 'to-invoice' });
    expect(invoicingViewFromSearch('?status=all&year=2025-26')).toEqual({ status: 'all', year: '2025-26' });
    expect(invoicingViewFromSearch('?status=paid&year=x')).toEqual({ status: 'to-invoice' });
    expect(searchOfInvoicingView({ status: 'to-invoice' })).toBe('');
    expect(searchOfInvoicingView({ status: 'invoiced', year: '2026-27' })).toBe('?status=invoiced&year=2026-27');
  });

  it('knows the financial year of a day (from 1 April)', () => {
    expect(financialYearOf(new Date('2026-03-31T12:00:00Z'))).toBe('2025-26');
    expect(financialYearOf(new Date('2026-04-01T00:00:00Z'))).toBe('2026-27');
    expect(financialYearOf(new Date('2099-12-03T00:00:00Z'))).toBe('2099-00');
  });

  it('offers this year, three before and any year the lines name, newest first', () => {
    expect(yearChoices(new Date('2026-12-03T00:00:00Z'), [line('a', 1, false, '2021-22')])).toEqual(['2026-27', '2025-26', '2024-25', '2023-24', '2021-22']);
  });

  it('adds up only the chosen lines still to invoice, in whole pence', () => {
    const lines = [line('a', 0.1), line('b', 0.2), line('c', 99, true)];
    expect(selectionOf(lines, new Set(['a', 'b', 'c']))).toEqual({ ids: ['a', 'b'], count: 2, total: 0.3 });
  });
});
