import { Checkbox, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { InvoicingLine } from '../../../../contract/dashboard';
import { formatShort } from '../../format';
import { formatFigure } from '../dashboard/figureFormat';
import { useVisuallyHidden } from '../dashboard/visuallyHidden';
import { markable } from './invoicingView';

const useStyles = makeStyles({
  table: { borderCollapse: 'collapse', width: '100%', minWidth: '900px', fontSize: tokens.fontSizeBase300 },
  cell: { padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`, borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, textAlign: 'left', verticalAlign: 'middle' },
  head: { fontWeight: tokens.fontWeightSemibold, borderBottom: `1px solid ${tokens.colorNeutralStroke1}`, whiteSpace: 'nowrap' },
  number: { textAlign: 'right', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
  check: { width: '40px' },
});

const kindLabels = { overrun: 'Hours over', purchase: 'Purchase' } as const;

/** The lines with a checkbox on each one still to invoice (when the person may mark), and one for them all. */
export function InvoicingTable({ lines, selected, onSelected, canMark }: { lines: InvoicingLine[]; selected: ReadonlySet<string>; onSelected: (next: Set<string>) => void; canMark: boolean }) {
  const styles = useStyles();
  const hidden = useVisuallyHidden().hidden;
  const open = markable(lines);
  const chosen = open.filter((l) => selected.has(l.id)).length;
  const allState = chosen === 0 ? false : chosen === open.length ? true : 'mixed';
  const c = (numeric = false, head = false) => mergeClasses(styles.cell, numeric && styles.number, head && styles.head);
  const toggle = (id: string, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(id);
    else next.delete(id);
    onSelected(next);
  };
  return (
    <table className={styles.table} data-testid="invoicing-lines">
      <caption className={hidden}>Lines to invoice and invoiced</caption>
      <thead>
        <tr>
          {canMark ? (
            <th scope="col" className={mergeClasses(c(false, true), styles.check)}>
              <Checkbox aria-label="Select all lines to invoice" checked={allState} disabled={open.length === 0} onChange={(_, d) => onSelected(d.checked === true ? new Set(open.map((l) => l.id)) : new Set())} />
            </th>
          ) : null}
          <th scope="col" className={c(false, true)}>School</th>
          <th scope="col" className={c(false, true)}>What</th>
          <th scope="col" className={c(false, true)}>Package</th>
          <th scope="col" className={c(false, true)}>Purchase order</th>
          <th scope="col" className={c(false, true)}>Case</th>
          <th scope="col" className={c(true, true)}>Hours over</th>
          <th scope="col" className={c(true, true)}>Rate</th>
          <th scope="col" className={c(true, true)}>Amount</th>
          <th scope="col" className={c(false, true)}>Invoiced</th>
        </tr>
      </thead>
      <tbody>
        {lines.map((l) => (
          <tr key={l.id}>
            {canMark ? (
              <td className={mergeClasses(c(), styles.check)}>
                {l.invoiced ? null : (
                  <Checkbox aria-label={`Select ${kindLabels[l.kind].toLowerCase()}, ${l.schoolName}${l.caseReference ? `, ${l.caseReference}` : ''}, ${formatFigure(l.amount, 'money')}`} checked={selected.has(l.id)} onChange={(_, d) => toggle(l.id, d.checked === true)} />
                )}
              </td>
            ) : null}
            <th scope="row" className={c()}>{l.schoolName}</th>
            <td className={c()}>{kindLabels[l.kind]}</td>
            <td className={c()}>{l.packageName} ({l.financialYear})</td>
            <td className={c()}>{l.purchaseOrderNumber ?? '–'}</td>
            <td className={c()}>{l.caseReference ?? '–'}</td>
            <td className={c(true)}>{formatFigure(l.hoursOver, 'hours')}</td>
            <td className={c(true)}>{l.ratePerHour === undefined ? '–' : `${formatFigure(l.ratePerHour, 'money')}/h`}</td>
            <td className={c(true)}>{formatFigure(l.amount, 'money')}</td>
            <td className={c()}>{l.invoiced ? `${l.invoicedOn ? formatShort(l.invoicedOn) : 'Yes'}${l.invoicedBy ? ` · ${l.invoicedBy}` : ''}` : 'Not yet'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
