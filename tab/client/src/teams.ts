/** Teams: is the tab inside Teams, and if so its theme, its token, its theme changes. */
import { app, authentication, pages } from '@microsoft/teams-js';
import { fromTeamsTheme, type ThemeName } from './theme';

export interface TeamsStart {
  inTeams: boolean;
  /** The Teams theme (in Teams only). */
  theme?: ThemeName;
}

const INIT_TIMEOUT_MS = 3000;

/**
 * Teams hosts a tab in an iframe (desktop, web) or a webview with a native interface (mobile).
 * A top-level page with neither is not in Teams, so it need not wait for the timeout.
 */
function mayBeInTeams(): boolean {
  return window.parent !== window.self || window.opener !== null || 'nativeInterface' in window;
}

/** Outside Teams `app.initialize()` never settles: race it against a timeout. */
export async function startTeams(timeoutMs = INIT_TIMEOUT_MS): Promise<TeamsStart> {
  if (!mayBeInTeams()) return { inTeams: false };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  try {
    const outcome = await Promise.race([app.initialize().then(() => 'ready' as const), timeout]);
    if (outcome === 'timeout') return { inTeams: false };
    const context = await app.getContext();
    app.notifySuccess();
    return { inTeams: true, theme: fromTeamsTheme(context.app.theme) };
  } catch {
    return { inTeams: false };
  } finally {
    clearTimeout(timer);
  }
}

export const teamsToken = (): Promise<string> => authentication.getAuthToken();

export function onTeamsThemeChange(handler: (theme: ThemeName) => void): void {
  app.registerOnThemeChangeHandler((theme) => handler(fromTeamsTheme(theme)));
}

/** The channel tab's configuration: always valid; saving points the tab at the whole caseload. */
export function configureChannelTab(): void {
  pages.config.registerOnSaveHandler((save) => {
    const base = `${window.location.origin}/tab/`;
    pages.config
      .setConfig({ entityId: 'outreach-caseload', contentUrl: `${base}#/cases?scope=team`, websiteUrl: `${base}#/cases?scope=team`, suggestedDisplayName: 'Caseload' })
      .then(() => save.notifySuccess(), (error: unknown) => save.notifyFailure(error instanceof Error ? error.message : String(error)));
  });
  pages.config.setValidityState(true);
}
