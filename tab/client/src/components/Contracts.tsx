import { makeStyles, Text, tokens } from '@fluentui/react-components';
import type { CasePage } from '../../../contract/api';
import { formatDate } from '../format';
import { EmptyNote } from './EmptyNote';
import { Section } from './Section';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  line: { display: 'block' },
  muted: { display: 'block', color: tokens.colorNeutralForeground3 },
  targets: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: tokens.spacingHorizontalXL },
});

/** The contract's versions, newest first, each with its approval state. */
export function Contracts({ contracts }: { contracts: CasePage['contracts'] }) {
  const styles = useStyles();
  const newestFirst = [...contracts].sort((a, b) => b.version - a.version);
  return (
    <Section title="Contracts" testId="contracts">
      {newestFirst.length === 0 ? (
        <EmptyNote>No contract yet.</EmptyNote>
      ) : (
        <ul className={styles.list}>
          {newestFirst.map((c) => (
            <li key={c.contractId}>
              <Text weight="semibold" className={styles.line}>
                Version {c.version} · {c.status}
              </Text>
              <Text className={styles.line}>{c.approval}</Text>
              <Text className={styles.muted}>
                Starts {formatDate(c.startDate)} · review {formatDate(c.reviewDate)} · support ends {formatDate(c.supportEnds)}
              </Text>
              {c.targets.length > 0 ? (
                <ul className={styles.targets} aria-label={`Targets of version ${c.version}`}>
                  {c.targets.map((t, i) => (
                    <li key={i}>{t}</li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
