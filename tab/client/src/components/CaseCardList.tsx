import { Card, Link, makeStyles, Text, tokens } from '@fluentui/react-components';
import type { CaseRow } from '../../../contract/api';
import { stepLabel } from '../format';
import { caseHref } from '../route';
import { DueText } from './DueText';
import { HoursLeftText } from './HoursLeftText';
import { NextMeetingText } from './NextMeetingText';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  line: { display: 'block' },
  muted: { display: 'block', color: tokens.colorNeutralForeground3 },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400 },
});

/** The caseload at phone width: one card per case. */
export function CaseCardList({ rows }: { rows: CaseRow[] }) {
  const styles = useStyles();
  return (
    <ul className={styles.list} aria-label="Cases">
      {rows.map((r) => (
        <li key={r.caseId}>
          <Card size="small">
            <h2 className={styles.heading}>
              <Link href={caseHref(r.caseId)}>{r.reference}</Link> · {r.childName}
            </h2>
            <Text className={styles.muted}>
              {r.schoolName} · {r.workerName ?? 'Not allocated'}
            </Text>
            <Text className={styles.line}>Step {stepLabel(r)}</Text>
            <Text className={styles.line}>Next: {r.nextAction}</Text>
            {r.nextMeeting ? (
              <span className={styles.line}>
                <NextMeetingText meeting={r.nextMeeting} />
              </span>
            ) : null}
            {r.hours ? (
              <Text className={styles.line}>
                Hours left: <HoursLeftText hours={r.hours} />
              </Text>
            ) : null}
            {r.due.length > 0 ? (
              <span className={styles.line}>
                <DueText due={r.due} />
              </span>
            ) : null}
          </Card>
        </li>
      ))}
    </ul>
  );
}
