import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { FigureTable } from '../../../../contract/dashboard';
import { formatFigure, isNumeric } from './figureFormat';

const useStyles = makeStyles({
  table: { borderCollapse: 'collapse', width: '100%', fontSize: tokens.fontSizeBase300 },
  caption: { textAlign: 'left', captionSide: 'top', color: tokens.colorNeutralForeground2, paddingBottom: tokens.spacingVerticalS },
  cell: { padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`, borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, textAlign: 'left', whiteSpace: 'nowrap' },
  head: { fontWeight: tokens.fontWeightSemibold, borderBottom: `1px solid ${tokens.colorNeutralStroke1}` },
  number: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' },
  total: { fontWeight: tokens.fontWeightSemibold, borderTop: `2px solid ${tokens.colorNeutralStroke1}` },
});

/**
 * The table behind a chart, for everyone (and the only form a screen reader needs): the caption is
 * the table's description, the first column heads each row, numbers read by their column's kind.
 */
export function FigureDataTable({ table }: { table: FigureTable }) {
  const styles = useStyles();
  const [first, ...rest] = table.columns;
  if (!first) return null;
  const cellClass = (numeric: boolean, extra?: string) => mergeClasses(styles.cell, numeric && styles.number, extra);
  const row = (values: FigureTable['rows'][number], key: string, total: boolean) => (
    <tr key={key}>
      <th scope="row" className={cellClass(isNumeric(first.kind), total ? styles.total : styles.head)}>
        {formatFigure(values[first.key], first.kind)}
      </th>
      {rest.map((c) => (
        <td key={c.key} className={cellClass(isNumeric(c.kind), total ? styles.total : undefined)}>
          {formatFigure(values[c.key], c.kind)}
        </td>
      ))}
    </tr>
  );
  return (
    <table className={styles.table} data-testid={`table-${table.id}`}>
      <caption className={styles.caption}>{table.description}</caption>
      <thead>
        <tr>
          {table.columns.map((c) => (
            <th key={c.key} scope="col" className={cellClass(isNumeric(c.kind), styles.head)}>
              {c.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>{table.rows.map((values, i) => row(values, String(i), false))}</tbody>
      {table.total ? <tfoot>{row({ ...table.total, [first.key]: table.total[first.key] ?? 'Total' }, 'total', true)}</tfoot> : null}
    </table>
  );
}
