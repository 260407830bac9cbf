import { makeStyles, Text, tokens } from '@fluentui/react-components';
import type { ThemeName } from '../theme';
import { ThemeSwitcher } from './ThemeSwitcher';

const useStyles = makeStyles({
  header: {
    display: 'flex', alignItems: 'center', justifyContent: 'space-between', flexWrap: 'wrap', gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground1, borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  title: { fontWeight: tokens.fontWeightSemibold },
});

/** The banner: the product's name, and outside Teams the theme switcher. */
export function AppHeader({ theme, onTheme }: { theme: ThemeName; onTheme?: ((theme: ThemeName) => void) | undefined }) {
  const styles = useStyles();
  return (
    <header className={styles.header}>
      <Text size={400} className={styles.title}>
        Outreach Cases
      </Text>
      {onTheme ? <ThemeSwitcher value={theme} onChange={onTheme} /> : null}
    </header>
  );
}
