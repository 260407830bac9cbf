import { makeStyles, Text, tokens } from '@fluentui/react-components';
import type { Headline } from '../../../../contract/dashboard';
import { formatFigure } from './figureFormat';

const useStyles = makeStyles({
  list: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(170px, 1fr))', gap: tokens.spacingHorizontalS, listStyle: 'none', margin: 0, padding: 0 },
  item: {
    display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, padding: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground1, borderRadius: tokens.borderRadiusMedium, border: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  label: { color: tokens.colorNeutralForeground2 },
  value: { fontSize: tokens.fontSizeHero700, lineHeight: tokens.lineHeightHero700, fontWeight: tokens.fontWeightSemibold },
  note: { color: tokens.colorNeutralForeground3 },
});

/** The headline numbers, each read as "label: value". */
export function Headlines({ headlines }: { headlines: Headline[] }) {
  const styles = useStyles();
  if (headlines.length === 0) return null;
  return (
    <ul className={styles.list} aria-label="Headline figures" data-testid="headlines">
      {headlines.map((h) => (
        <li key={h.id} className={styles.item}>
          <Text className={styles.label}>{h.label}</Text>
          <Text className={styles.value}>{formatFigure(h.value, h.kind)}</Text>
          {h.note ? <Text size={200} className={styles.note}>{h.note}</Text> : null}
        </li>
      ))}
    </ul>
  );
}
