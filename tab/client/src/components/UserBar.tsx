import { Button, makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import type { Me } from '../../../contract/api';
import { rolesLabel } from '../labels';
import { casesHref, dashboardHref, invoicingHref, settingsHref, type Route } from '../route';
import { managesService } from './dashboard/ManagersOnly';

const useStyles = makeStyles({
  bar: { display: 'flex', justifyContent: 'space-between', alignItems: 'center', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, marginBottom: tokens.spacingVerticalS },
  nav: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS, listStyle: 'none', margin: 0, padding: 0 },
  link: {
    display: 'inline-block', padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`, borderRadius: tokens.borderRadiusMedium,
    color: tokens.colorNeutralForeground1, textDecoration: 'none', border: `1px solid transparent`,
    ':hover': { backgroundColor: tokens.colorSubtleBackgroundHover, color: tokens.colorNeutralForeground1Hover },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '1px' },
  },
  current: { fontWeight: tokens.fontWeightSemibold, borderBottom: `2px solid ${tokens.colorCompoundBrandStroke}` },
  right: { display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, marginLeft: 'auto' },
  who: { color: tokens.colorNeutralForeground2 },
});

type Section = 'cases' | 'dashboard' | 'invoicing' | 'settings';
const sectionOf = (page: Route['page']): Section | undefined =>
  page === 'cases' || page === 'case' ? 'cases' : page === 'dashboard' || page === 'invoicing' || page === 'settings' ? page : undefined;

/** The pages a person may open (by their roles), then who is signed in. Plain links: Tab moves between them. */
export function UserBar({ me, page, onSignOut }: { me: Me; page: Route['page']; onSignOut?: (() => void) | undefined }) {
  const styles = useStyles();
  const current = sectionOf(page);
  const links: { section: Section; label: string; href: string }[] = [
    { section: 'cases', label: me.seesAllCases ? 'Cases' : 'My cases', href: casesHref },
    ...(managesService(me.roles)
      ? [
          { section: 'dashboard' as const, label: 'Dashboard', href: dashboardHref() },
          { section: 'invoicing' as const, label: 'Invoicing', href: invoicingHref() },
          { section: 'settings' as const, label: 'Settings', href: settingsHref() },
        ]
      : []),
  ];
  return (
    <div className={styles.bar}>
      {links.length > 1 ? (
        <nav aria-label="Pages">
          <ul className={styles.nav}>
            {links.map((l) => (
              <li key={l.section}>
                <a href={l.href} className={mergeClasses(styles.link, current === l.section && styles.current)} aria-current={current === l.section ? 'page' : undefined}>
                  {l.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      <div className={styles.right}>
        <Text className={styles.who}>
          Signed in as <strong>{me.displayName}</strong> ({rolesLabel(me.roles)}){me.demo ? ' · demo' : ''}
        </Text>
        {onSignOut ? (
          <Button size="small" appearance="subtle" onClick={onSignOut}>
            Sign out
          </Button>
        ) : null}
      </div>
    </div>
  );
}
