/** The settings' sections, their names and their hash routes (#/settings/<section>). */
export const settingsSections = ['staff', 'schools', 'purchases', 'prices', 'terms', 'channel'] as const;
export type SettingsSection = (typeof settingsSections)[number];

export const sectionLabels: Record<SettingsSection, string> = {
  staff: 'Staff',
  schools: 'Schools',
  purchases: 'Purchases',
  prices: 'Prices',
  terms: 'Term dates',
  channel: 'Team channel',
};

/** An unknown section (an old link, a typo) shows the first one. */
export const toSection = (value: string): SettingsSection => settingsSections.find((s) => s === value) ?? 'staff';

export const sectionHref = (section: SettingsSection): string => `#/settings/${section}`;
