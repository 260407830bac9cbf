import { Link, makeStyles, mergeClasses, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, tokens } from '@fluentui/react-components';
import type { CaseRow } from '../../../contract/api';
import { stepLabel } from '../format';
import type { CaseloadView, SortColumn } from '../query';
import { caseHref } from '../route';
import { DueText } from './DueText';
import { useRowStyles } from './rowStyles';
import { HoursLeftText } from './HoursLeftText';
import { NextMeetingText } from './NextMeetingText';

const useStyles = makeStyles({
  table: { minWidth: '1000px' },
  row: { cursor: 'pointer' },
  cell: { paddingTop: tokens.spacingVerticalXS, paddingBottom: tokens.spacingVerticalXS, verticalAlign: 'top' },
});

const columns: { label: string; sort?: SortColumn }[] = [
  { label: 'Reference', sort: 'reference' },
  { label: 'Child', sort: 'child' },
  { label: 'School', sort: 'school' },
  { label: 'Worker', sort: 'worker' },
  { label: 'Step', sort: 'step' },
  { label: 'Next action' },
  { label: 'Next meeting', sort: 'nextMeeting' },
  { label: 'Hours left', sort: 'hoursLeft' },
  { label: 'Due', sort: 'due' },
];

/** The caseload as a table; sorting asks the server (the page holds one page of rows). */
export function CaseloadTable({ rows, view, onSort, onOpen }: { rows: CaseRow[]; view: CaseloadView; onSort: (column: SortColumn) => void; onOpen: (caseId: string) => void }) {
  const styles = useStyles();
  const rowStyles = useRowStyles();
  return (
    <Table aria-label="Cases" sortable size="small" className={styles.table}>
      <TableHeader>
        <TableRow>
          {columns.map((c) =>
            c.sort ? (
              <TableHeaderCell key={c.label} sortDirection={view.sort === c.sort ? (view.dir === 'asc' ? 'ascending' : 'descending') : undefined} onClick={() => c.sort && onSort(c.sort)}>
                {c.label}
              </TableHeaderCell>
            ) : (
              <TableHeaderCell key={c.label}>{c.label}</TableHeaderCell>
            ),
          )}
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((r) => (
          <TableRow key={r.caseId} className={mergeClasses(styles.row, rowStyles.row)} onClick={() => onOpen(r.caseId)}>
            <TableCell className={styles.cell}>
              <Link href={caseHref(r.caseId)} onClick={(e) => e.stopPropagation()}>
                {r.reference}
              </Link>
            </TableCell>
            <TableCell className={styles.cell}>{r.childName}</TableCell>
            <TableCell className={styles.cell}>{r.schoolName}</TableCell>
            <TableCell className={styles.cell}>{r.workerName ?? 'Not allocated'}</TableCell>
            <TableCell className={styles.cell}>{stepLabel(r)}</TableCell>
            <TableCell className={styles.cell}>{r.nextAction}</TableCell>
            <TableCell className={styles.cell}>
              <NextMeetingText meeting={r.nextMeeting} />
            </TableCell>
            <TableCell className={styles.cell}>
              <HoursLeftText hours={r.hours} />
            </TableCell>
            <TableCell className={styles.cell}>
              <DueText due={r.due} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
