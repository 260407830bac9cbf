import { Link, makeStyles, Text, tokens } from '@fluentui/react-components';
import type { CasePage } from '../../../contract/api';
import { formatDateTime } from '../format';
import { EmptyNote } from './EmptyNote';
import { Section } from './Section';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  line: { display: 'block' },
  muted: { display: 'block', color: tokens.colorNeutralForeground3 },
});

export function Meetings({ meetings }: { meetings: CasePage['meetings'] }) {
  const styles = useStyles();
  return (
    <Section title="Meetings" testId="meetings">
      {meetings.length === 0 ? (
        <EmptyNote>No meetings booked.</EmptyNote>
      ) : (
        <ul className={styles.list}>
          {meetings.map((m) => (
            <li key={m.meetingId}>
              <Text weight="semibold" className={styles.line}>
                {m.label}
              </Text>
              <Text className={styles.line}>
                {formatDateTime(m.start)} · {m.status}
              </Text>
              {m.joinUrl ? (
                <Link href={m.joinUrl} target="_blank" rel="noopener noreferrer" aria-label={`Join on Teams: ${m.label}`}>
                  Join on Teams
                </Link>
              ) : m.location ? (
                <Text className={styles.muted}>{m.location}</Text>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
