import { Link, makeStyles, Text, tokens } from '@fluentui/react-components';
import type { CasePage } from '../../../contract/api';
import { formatDate } from '../format';
import { EmptyNote } from './EmptyNote';
import { Section } from './Section';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  item: { borderLeft: `3px solid ${tokens.colorNeutralStroke2}`, paddingLeft: tokens.spacingHorizontalS },
  meta: { display: 'block', color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  summary: { display: 'block', whiteSpace: 'pre-wrap' },
});

/** Every record of the case, newest first; a record with a document links to it. */
export function Chronology({ records }: { records: CasePage['chronology'] }) {
  const styles = useStyles();
  return (
    <Section title="Chronology" testId="chronology">
      {records.length === 0 ? (
        <EmptyNote>Nothing recorded yet.</EmptyNote>
      ) : (
        <ol className={styles.list}>
          {records.map((r) => (
            <li key={r.recordId} className={styles.item}>
              <Text className={styles.meta}>
                {formatDate(r.date)} · recorded by {r.by}
              </Text>
              <Text weight="semibold">
                {r.url ? (
                  <Link href={r.url} target="_blank" rel="noopener noreferrer">
                    {r.title}
                  </Link>
                ) : (
                  r.title
                )}
              </Text>
              {r.summary ? <Text className={styles.summary}>{r.summary}</Text> : null}
            </li>
          ))}
        </ol>
      )}
    </Section>
  );
}
