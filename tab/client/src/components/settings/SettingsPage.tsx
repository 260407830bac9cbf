import { Tab, TabList } from '@fluentui/react-components';

export const settingsSections = ['staff', 'schools', 'purchases', 'prices', 'terms', 'channel'] as const;
export type SettingsSection = (typeof settingsSections)[number];

export const sectionLabels: Record<SettingsSection, string> = {
  staff: 'Staff',
  schools: 'Schools',
  purchases: 'Purchases',
  prices: 'Prices',
  terms: 'Term dates',
  channel: 'Channel',
};

export const toSection = (value: string): SettingsSection => settingsSections.find((s) => s === value) ?? 'staff';

/** The settings: one tab per section, each a link to #/settings/<section>. */
export function SettingsPage({ section }: { section: string }) {
  const current = toSection(section);
  return (
    <main aria-label="Settings">
      <TabList selectedValue={current} onTabSelect={(_, data) => (window.location.hash = `#/settings/${String(data.value)}`)}>
        {settingsSections.map((s) => (
          <Tab key={s} value={s}>
            {sectionLabels[s]}
          </Tab>
        ))}
      </TabList>
      <p>{sectionLabels[current]}: coming soon.</p>
    </main>
  );
}
