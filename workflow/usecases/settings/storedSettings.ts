import { UniqueValueTaken, VersionConflict } from '../../errors';
import type { ServiceSetting } from '../../model/serviceSetting';
import type { Staff } from '../../model/staff';
import type { Versioned } from '../../ports/store';
import { ok, type Result } from '../../result';
import type { WorkflowDeps } from '../deps';
import { updateOnce } from '../support/updateOnce';
import { now } from '../support/time';
import { applyStoredSettings } from './applySettings';
import { FILE_ETAG } from './settingKeys';
import { staleChange } from './staleChange';

/** Every stored setting by key; the configuration is brought in line with them on the way (another instance may have changed one). */
export async function storedSettings(deps: WorkflowDeps): Promise<Map<string, Versioned<ServiceSetting>>> {
  const items = await deps.stores.settings.list();
  applyStoredSettings(deps.config, items);
  return new Map(items.map((i) => [i.key, i]));
}

/** The version a page shows for a setting: the stored item's, or "file" while it was never changed. */
export const etagOf = (stored: Map<string, Versioned<ServiceSetting>>, key: string): string => stored.get(key)?.etag ?? FILE_ETAG;

/**
 * Stores a validated setting under its key, made from the version `etag` (FILE_ETAG: never
 * changed before). Someone else's change since then, or a first save racing another, is refused.
 */
export async function saveSetting(deps: WorkflowDeps, actor: Staff, key: string, value: unknown, etag: string, what: string): Promise<Result<Versioned<ServiceSetting>>> {
  const text = JSON.stringify(value);
  const by = { changedBy: actor.userId, changedAt: now(deps).at };
  const [current] = await deps.stores.settings.find({ key });
  if (!current) {
    if (etag !== FILE_ETAG) return staleChange(what);
    try {
      const { item, created } = await deps.stores.settings.create({ key, value: text, ...by }, `setting:${key}`);
      return created || item.value === text ? ok(item) : staleChange(what);
    } catch (error) {
      if (error instanceof UniqueValueTaken) return staleChange(what);
      throw error;
    }
  }
  if (etag !== current.etag) return staleChange(what);
  try {
    return ok(await updateOnce(deps.stores.settings, current.id, { value: text, ...by }, etag));
  } catch (error) {
    if (error instanceof VersionConflict) return staleChange(what);
    throw error;
  }
}
