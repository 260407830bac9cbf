import { z } from 'zod';
import { PriceList } from '../../model/priceList';
import { ok } from '../../result';
import { agree, counted } from '../../words';
import type { UseCase } from '../deps';
import { audit } from '../support/audit';
import { parseInput } from '../support/input';
import { withPriceList } from './applySettings';
import { canEditSettings, mayChangeSettings, mayReadSettings } from './settingsAccess';
import { settingKeys } from './settingKeys';
import { etagOf, saveSetting, storedSettings } from './storedSettings';

export interface PriceListsView {
  canEdit: boolean;
  priceLists: Array<PriceList & { etag: string }>;
}

/** The price lists in use, one per financial year, each with the version it was read at. */
export const listPriceLists: UseCase<void, PriceListsView> = async (deps, actor) => {
  const allowed = mayReadSettings(actor);
  if (!allowed.ok) return allowed;
  const stored = await storedSettings(deps);
  const priceLists = deps.config.priceLists.map((list) => ({ ...list, etag: etagOf(stored, settingKeys.priceList(list.financialYear)) }));
  return ok({ canEdit: canEditSettings(actor), priceLists });
};

const Change = z.object({ financialYear: z.string(), list: z.unknown(), etag: z.string().min(1, 'say which version you changed (etag)') });

export interface Saved {
  etag: string;
  message: string;
}

/**
 * Replaces one financial year's price list (or adds a year's): used at once for purchases made
 * from now on. Purchases already recorded keep the hours and prices copied when they were bought.
 */
export const replacePriceList: UseCase<unknown, Saved> = async (deps, actor, raw) => {
  const allowed = mayChangeSettings(actor, 'the price lists');
  if (!allowed.ok) return allowed;
  const input = parseInput(Change, raw);
  if (!input.ok) return input;
  const { financialYear, etag } = input.value;
  const list = parseInput(PriceList, { ...(input.value.list as object), financialYear });
  if (!list.ok) return list;
  const key = settingKeys.priceList(financialYear);
  const saved = await saveSetting(deps, actor, key, list.value, etag, `The ${financialYear} price list`);
  if (!saved.ok) return saved;
  withPriceList(deps.config, list.value);
  await audit(deps, actor, 'settings.price-list.changed', undefined, `${key}:${saved.value.etag}`, { key, financialYear });
  const bought = (await deps.stores.purchases.find({ financialYear })).length;
  const kept = bought === 0 ? '' : ` ${counted(bought, 'purchase')} already recorded for ${financialYear} ${agree(bought, 'keeps the price it was', 'keep the prices they were')} bought at.`;
  return ok({ etag: saved.value.etag, message: `The ${financialYear} price list is saved and used from now on.${kept}` });
};
