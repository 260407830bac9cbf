import { Button, makeStyles, mergeClasses, Text, ToggleButton, tokens } from '@fluentui/react-components';
import { ArrowDownloadRegular, ChartMultipleRegular, TableRegular } from '@fluentui/react-icons';
import { useId, useState } from 'react';
import type { FigureTable } from '../../../../contract/dashboard';
import { EmptyNote } from '../EmptyNote';
import { FigureChart } from './FigureChart';
import { FigureDataTable } from './FigureDataTable';
import { useVisuallyHidden } from './visuallyHidden';

const useStyles = makeStyles({
  section: {
    display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0,
    backgroundColor: tokens.colorNeutralBackground1, borderRadius: tokens.borderRadiusMedium, padding: tokens.spacingHorizontalM,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  head: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-start', justifyContent: 'space-between', gap: tokens.spacingHorizontalS },
  title: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  description: { color: tokens.colorNeutralForeground2 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  scroll: { overflowX: 'auto', maxWidth: '100%' },
  wrap: { position: 'relative' },
});

/** One table of figures: its chart (when it has one) with the same numbers as a table behind it, and its CSV. */
export function FigureSection({ table, onCsv, exporting }: { table: FigureTable; onCsv: () => void; exporting: boolean }) {
  const styles = useStyles();
  const hidden = useVisuallyHidden().hidden;
  const titleId = useId();
  const drawable = Boolean(table.chart) && table.rows.length > 0;
  const [asTable, setAsTable] = useState(false);
  const tableShown = !drawable || asTable;
  return (
    <section className={styles.section} aria-labelledby={titleId} data-testid={`figures-${table.id}`}>
      <div className={styles.head}>
        <h2 id={titleId} className={styles.title}>
          {table.title}
        </h2>
        <div className={styles.actions}>
          {drawable ? (
            <ToggleButton size="small" appearance="subtle" checked={asTable} icon={asTable ? <ChartMultipleRegular /> : <TableRegular />} onClick={() => setAsTable((v) => !v)}>
              Show as table
            </ToggleButton>
          ) : null}
          {table.rows.length > 0 ? (
            <Button size="small" appearance="subtle" icon={<ArrowDownloadRegular />} disabled={exporting} onClick={onCsv} aria-label={`Download CSV: ${table.title}`}>
              CSV
            </Button>
          ) : null}
        </div>
      </div>
      <Text className={styles.description}>{table.description}</Text>
      {table.rows.length === 0 ? (
        <EmptyNote>No cases in this period.</EmptyNote>
      ) : (
        <div className={styles.wrap}>
          {/* Both stay in the page for screen readers; the toggle only changes which one is seen. */}
          {drawable ? (
            <div className={asTable ? hidden : undefined}>
              <FigureChart table={table} />
            </div>
          ) : null}
          {tableShown ? (
            <div className={styles.scroll} tabIndex={0} role="region" aria-label={`${table.title}: table`}>
              <FigureDataTable table={table} />
            </div>
          ) : (
            <div className={mergeClasses(hidden)}>
              <FigureDataTable table={table} />
            </div>
          )}
        </div>
      )}
    </section>
  );
}
