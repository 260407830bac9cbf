import { makeStyles, Tab, TabList, Title2, tokens } from '@fluentui/react-components';
import type { ComponentType } from 'react';
import { ChannelSection } from './ChannelSection';
import { PricesSection } from './PricesSection';
import { PurchasesSection } from './PurchasesSection';
import { SchoolsSection } from './SchoolsSection';
import { sectionHref, sectionLabels, settingsSections, toSection, type SettingsSection } from './sections';
import { StaffSection } from './StaffSection';
import { TermsSection } from './TermsSection';

export { sectionLabels, settingsSections, toSection } from './sections';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  tabs: { flexWrap: 'wrap' },
});

const sectionViews: Record<SettingsSection, ComponentType> = {
  staff: StaffSection,
  schools: SchoolsSection,
  purchases: PurchasesSection,
  prices: PricesSection,
  terms: TermsSection,
  channel: ChannelSection,
};

const tabId = (section: SettingsSection) => `settings-tab-${section}`;

/**
 * The settings (#/settings/<section>): one tab per section. Administrators change them;
 * managers read them. Each section loads its own data when shown.
 */
export function SettingsPage({ section }: { section: string }) {
  const styles = useStyles();
  const current = toSection(section);
  const View = sectionViews[current];
  return (
    <div className={styles.page}>
      <Title2 as="h1">Settings</Title2>
      <TabList className={styles.tabs} selectedValue={current} aria-label="Settings sections" onTabSelect={(_, data) => (window.location.hash = sectionHref(toSection(String(data.value))))}>
        {settingsSections.map((s) => (
          <Tab key={s} id={tabId(s)} value={s}>
            {sectionLabels[s]}
          </Tab>
        ))}
      </TabList>
      <div role="tabpanel" aria-labelledby={tabId(current)}>
        <View key={current} />
      </div>
    </div>
  );
}
