/** The version a setting read from the shipped files has: it was never changed in the app. */
export const FILE_ETAG = 'file';

export const settingKeys = {
  priceList: (financialYear: string) => `price-list:${financialYear}`,
  termCalendar: (id: string) => `term-calendar:${id}`,
  teamChannel: 'team-channel',
} as const;

export type SettingKind = 'price-list' | 'term-calendar' | 'team-channel';

/** `price-list:2026-27` -> { kind: 'price-list', name: '2026-27' }; undefined for a key this version does not know. */
export function parseSettingKey(key: string): { kind: SettingKind; name: string } | undefined {
  if (key === settingKeys.teamChannel) return { kind: 'team-channel', name: '' };
  const match = /^(price-list|term-calendar):(.+)$/.exec(key);
  if (!match?.[1] || !match[2]) return undefined;
  return { kind: match[1] as SettingKind, name: match[2] };
}
