import { teamsDarkTheme, teamsHighContrastTheme, teamsLightTheme, type Theme } from '@fluentui/react-components';
import darkHostConfig from './hostConfig/dark.json';
import lightHostConfig from './hostConfig/light.json';

export type ThemeName = 'light' | 'dark' | 'contrast';
export const themeNames: readonly ThemeName[] = ['light', 'dark', 'contrast'];
export const themeLabels: Record<ThemeName, string> = { light: 'Light', dark: 'Dark', contrast: 'High contrast' };

export const fluentTheme = (name: ThemeName): Theme =>
  name === 'dark' ? teamsDarkTheme : name === 'contrast' ? teamsHighContrastTheme : teamsLightTheme;

/** The Teams Adaptive Cards host config for a theme (high contrast has none of its own: the dark one). */
export const hostConfigJson = (name: ThemeName): object => (name === 'light' ? lightHostConfig : darkHostConfig);

/** Teams names its themes 'default', 'dark' and 'contrast'. */
export const fromTeamsTheme = (theme: string | undefined): ThemeName =>
  theme === 'dark' ? 'dark' : theme === 'contrast' ? 'contrast' : 'light';

export const parseThemeName = (value: string | null | undefined): ThemeName | undefined =>
  themeNames.find((t) => t === value);
