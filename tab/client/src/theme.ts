import { teamsDarkTheme, teamsHighContrastTheme, teamsLightTheme, type Theme } from '@fluentui/react-components';
import darkHostConfig from './hostConfig/dark.json';
import lightHostConfig from './hostConfig/light.json';

export type ThemeName = 'light' | 'dark' | 'contrast';
export const themeNames: readonly ThemeName[] = ['light', 'dark', 'contrast'];
export const themeLabels: Record<ThemeName, string> = { light: 'Light', dark: 'Dark', contrast: 'High contrast' };

export const fluentTheme = (name: ThemeName): Theme =>
  name === 'dark' ? teamsDarkTheme : name === 'contrast' ? teamsHighContrastTheme : teamsLightTheme;

/**
 * Teams' light host config writes "good" (#92c353) and "warning" (#f8d22a) text at under 2:1 on
 * white, below WCAG AA (4.5:1): in the light theme those two are darkened (about 6:1 and 5.4:1).
 */
const readableOnLight = { good: '#0e700e', warning: '#8f6200' } as const;

type ForegroundColours = Record<string, { default: string; subtle?: string }>;
type ContainerStyles = Record<string, { foregroundColors: ForegroundColours }>;

function withReadableColours(config: typeof lightHostConfig): object {
  const copy = JSON.parse(JSON.stringify(config)) as { containerStyles: ContainerStyles };
  for (const style of Object.values(copy.containerStyles)) {
    for (const [name, colour] of Object.entries(readableOnLight)) style.foregroundColors[name] = { default: colour, subtle: colour };
  }
  return copy;
}

const lightReadable = withReadableColours(lightHostConfig);

/**
 * The Teams Adaptive Cards host config for a theme (high contrast has none of its own: the dark
 * one). `narrow` (phone width): buttons one under the other, full width, as Teams mobile shows them.
 */
export function hostConfigJson(name: ThemeName, narrow = false): object {
  const config = name === 'light' ? lightReadable : darkHostConfig;
  if (!narrow) return config;
  const copy = JSON.parse(JSON.stringify(config)) as { actions?: Record<string, unknown> };
  copy.actions = { ...copy.actions, actionsOrientation: 'Vertical', actionAlignment: 'Stretch' };
  return copy;
}

/** Teams names its themes 'default', 'dark' and 'contrast'. */
export const fromTeamsTheme = (theme: string | undefined): ThemeName =>
  theme === 'dark' ? 'dark' : theme === 'contrast' ? 'contrast' : 'light';

export const parseThemeName = (value: string | null | undefined): ThemeName | undefined =>
  themeNames.find((t) => t === value);
