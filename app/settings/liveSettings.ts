import { applyStoredSettings, type Applied, type WorkflowDeps } from '../../workflow';
import type { AppLogger } from '../logger';

export interface LiveSettings {
  /** Reads the stored settings and applies what changed to the workflow's configuration. */
  refresh(): Promise<Applied>;
  /** Stops refreshing (shutdown); waits for a refresh under way. */
  stop(): Promise<void>;
}

/** How often an instance looks for settings another instance changed (one small list read). */
export const settingsRefreshMs = 30_000;

/**
 * Keeps the workflow's configuration in line with the settings changed in the app: price lists,
 * term calendars and the team channel stored in the ServiceSettings list override the shipped
 * files. Read once at start (a restart keeps the changes), then every `everyMs`, so a change made
 * on another instance is used here within that long. This instance's own changes apply at once
 * (the use cases replace the arrays on `deps.config`).
 */
export async function startLiveSettings(deps: Pick<WorkflowDeps, 'stores' | 'config'>, logger: AppLogger, everyMs = settingsRefreshMs): Promise<LiveSettings> {
  const refresh = async (): Promise<Applied> => {
    const applied = applyStoredSettings(deps.config, await deps.stores.settings.list());
    if (applied.changed.length > 0) logger.info({ settings: applied.changed }, 'settings changed in the app are now used');
    if (applied.refused.length > 0) logger.warn({ settings: applied.refused }, 'stored settings that no longer pass the checks are ignored (the shipped files are used): change them again on the settings pages');
    return applied;
  };
  // At start: a failure stops the start rather than running on prices and dates an admin replaced.
  await refresh();
  let current: Promise<unknown> | undefined;
  const timer = setInterval(() => {
    current ??= refresh()
      .catch((error: unknown) => logger.warn({ err: { name: (error as Error).name } }, 'the settings could not be read: the ones held are used, the next refresh tries again'))
      .finally(() => {
        current = undefined;
      });
  }, everyMs);
  timer.unref();
  return {
    refresh,
    async stop() {
      clearInterval(timer);
      await current;
    },
  };
}
