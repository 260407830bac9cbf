import { makeStyles, mergeClasses, shorthands, Text, tokens } from '@fluentui/react-components';
import type { CasePage } from '../../../contract/api';
import { formatDate } from '../format';
import { Section } from './Section';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column' },
  step: { display: 'grid', gridTemplateColumns: '28px 1fr', columnGap: tokens.spacingHorizontalS, alignItems: 'start', paddingBottom: tokens.spacingVerticalS, position: 'relative' },
  marker: {
    width: '22px', height: '22px', borderRadius: '50%', display: 'flex', alignItems: 'center', justifyContent: 'center',
    fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold, boxSizing: 'border-box',
    border: `2px solid ${tokens.colorNeutralStroke1}`, color: tokens.colorNeutralForeground2, backgroundColor: tokens.colorNeutralBackground1,
  },
  done: { backgroundColor: tokens.colorPaletteGreenBackground3, ...shorthands.borderColor(tokens.colorPaletteGreenBorderActive), color: tokens.colorNeutralForegroundOnBrand },
  current: { backgroundColor: tokens.colorBrandBackground, ...shorthands.borderColor(tokens.colorBrandStroke1), color: tokens.colorNeutralForegroundOnBrand },
  name: { display: 'block' },
  currentName: { fontWeight: tokens.fontWeightSemibold },
  when: { display: 'block', color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

const stateWords = { done: 'done', current: 'current step', next: 'to come' } as const;

/** The ten steps: done (with when), current, to come. */
export function StepTimeline({ steps }: { steps: CasePage['steps'] }) {
  const styles = useStyles();
  return (
    <Section title="Steps" testId="steps">
      <ol className={styles.list}>
        {steps.map((s) => (
          <li key={s.number} className={styles.step} aria-current={s.state === 'current' ? 'step' : undefined}>
            <span aria-hidden="true" className={mergeClasses(styles.marker, s.state === 'done' && styles.done, s.state === 'current' && styles.current)}>
              {s.state === 'done' ? '✓' : s.number}
            </span>
            <span>
              <Text className={mergeClasses(styles.name, s.state === 'current' && styles.currentName)}>
                {s.number}. {s.name} <span className="visually-hidden">({stateWords[s.state]})</span>
              </Text>
              {s.state === 'done' && s.at ? <Text className={styles.when}>{formatDate(s.at)}</Text> : null}
              {s.state === 'current' ? <Text className={styles.when}>Now</Text> : null}
            </span>
          </li>
        ))}
      </ol>
    </Section>
  );
}
