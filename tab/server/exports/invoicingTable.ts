import type { Invoicing } from '../../contract/dashboard';
import type { ExportTable } from './exportTable';

/** The invoicing list as a table to export (one line a row, the amounts added up). */
export function invoicingTable(invoicing: Invoicing, title: string): ExportTable {
  const lines = invoicing.lines;
  const sum = (ns: number[]): number => Math.round(ns.reduce((a, b) => a + Math.round(b * 100), 0)) / 100;
  return {
    id: 'invoicing',
    title,
    description: 'Purchases, and hours used beyond what was bought (at the consultancy rate of the financial year they were worked), with whether each was invoiced.',
    columns: [
      { key: 'line', label: 'Line', kind: 'text' },
      { key: 'school', label: 'School', kind: 'text' },
      { key: 'po', label: 'Purchase order', kind: 'text' },
      { key: 'package', label: 'Package', kind: 'text' },
      { key: 'year', label: 'Financial year', kind: 'text' },
      { key: 'case', label: 'Case', kind: 'text' },
      { key: 'hours', label: 'Hours over', kind: 'hours' },
      { key: 'rate', label: 'Rate per hour', kind: 'money' },
      { key: 'amount', label: 'Amount', kind: 'money' },
      { key: 'invoiced', label: 'Invoiced', kind: 'text' },
      { key: 'on', label: 'Invoiced on', kind: 'text' },
      { key: 'by', label: 'Invoiced by', kind: 'text' },
    ],
    rows: lines.map((l) => ({
      line: l.id,
      school: l.schoolName,
      po: l.purchaseOrderNumber ?? null,
      package: l.packageName,
      year: l.financialYear,
      case: l.caseReference ?? null,
      hours: l.hoursOver ?? null,
      rate: l.ratePerHour ?? null,
      amount: l.amount,
      invoiced: l.invoiced ? 'Yes' : 'No',
      on: l.invoicedOn ?? null,
      by: l.invoicedBy ?? null,
    })),
    total: { line: 'Total', hours: sum(lines.map((l) => l.hoursOver ?? 0)), amount: sum(lines.map((l) => l.amount)) },
  };
}
