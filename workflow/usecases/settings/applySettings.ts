import type { ServiceSetting } from '../../model/serviceSetting';
import type { PriceList } from '../../model/priceList';
import type { TermCalendar } from '../../model/termDates';
import type { WorkflowConfig } from '../deps';
import { parseSettingKey, settingKeys } from './settingKeys';
import { settingSchemas } from './settingValues';

/** The parts of the configuration the settings pages change. */
export type LiveConfig = Pick<WorkflowConfig, 'priceLists' | 'termCalendars' | 'teamChannelId'>;

const byYear = (a: PriceList, b: PriceList): number => a.financialYear.localeCompare(b.financialYear);

/** Replaces (or adds) one financial year's price list: a new array, so readers holding the old one are unaffected. */
export function withPriceList(config: LiveConfig, list: PriceList): void {
  config.priceLists = [...config.priceLists.filter((l) => l.financialYear !== list.financialYear), list].sort(byYear);
}

/** Replaces (or adds) one term calendar, keeping the others' order. */
export function withTermCalendar(config: LiveConfig, calendar: TermCalendar): void {
  const at = config.termCalendars.findIndex((c) => c.id === calendar.id);
  config.termCalendars = at < 0 ? [...config.termCalendars, calendar] : config.termCalendars.map((c, i) => (i === at ? calendar : c));
}

export interface Applied {
  /** Keys whose stored value differed from what this instance held, now applied. */
  changed: string[];
  /** Keys whose stored value no longer passes the workflow's schemas (changed by hand in SharePoint): left out. */
  refused: string[];
}

/**
 * Brings the configuration in line with the stored settings: each stored item overrides its
 * file entry. An entry whose value is already held is left as the same object (calendars worked
 * out from it stay cached), so a refresh that finds nothing new changes nothing.
 */
export function applyStoredSettings(config: LiveConfig, items: readonly Pick<ServiceSetting, 'key' | 'value'>[]): Applied {
  const applied: Applied = { changed: [], refused: [] };
  for (const item of items) {
    const key = parseSettingKey(item.key);
    if (!key) continue;
    let json: unknown;
    try {
      json = JSON.parse(item.value);
    } catch {
      applied.refused.push(item.key);
      continue;
    }
    const parsed = settingSchemas[key.kind].safeParse(json);
    if (!parsed.success) {
      applied.refused.push(item.key);
      continue;
    }
    const value = parsed.data;
    if ('financialYear' in value) {
      if (settingKeys.priceList(value.financialYear) !== item.key) applied.refused.push(item.key);
      else if (!sameJson(config.priceLists.find((l) => l.financialYear === value.financialYear), value)) {
        withPriceList(config, value);
        applied.changed.push(item.key);
      }
    } else if ('halfTerms' in value) {
      if (settingKeys.termCalendar(value.id) !== item.key) applied.refused.push(item.key);
      else if (!sameJson(config.termCalendars.find((c) => c.id === value.id), value)) {
        withTermCalendar(config, value);
        applied.changed.push(item.key);
      }
    } else if (config.teamChannelId !== value.channelId) {
      config.teamChannelId = value.channelId;
      applied.changed.push(item.key);
    }
  }
  return applied;
}

const sameJson = (held: unknown, stored: unknown): boolean => held !== undefined && JSON.stringify(held) === JSON.stringify(stored);
