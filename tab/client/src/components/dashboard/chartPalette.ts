/** The charts' colours, from the Fluent theme's tokens (a canvas cannot read CSS variables as it draws). */
import type { Theme } from '@fluentui/react-components';
import { fluentTheme, type ThemeName } from '../../theme';

export interface ChartPalette {
  text: string;
  grid: string;
  /** Between doughnut segments: the surface the chart is on. */
  surface: string;
  series: readonly string[];
  /** The page's font (a canvas does not inherit it). */
  fontFamily: string;
}

const lightOrDarkSeries = (t: Theme): string[] => [
  t.colorPaletteBlueBorderActive,
  t.colorPaletteDarkOrangeBorderActive,
  t.colorPaletteTealBorderActive,
  t.colorPaletteBerryBorderActive,
  t.colorPaletteMarigoldBorderActive,
  t.colorPalettePurpleBorderActive,
  t.colorPaletteGreenBorderActive,
  t.colorPaletteRedBorderActive,
  t.colorPaletteGrapeBorderActive,
  t.colorPaletteLightGreenBorderActive,
];

/** High contrast maps every palette colour to one cyan: its few distinct system colours instead. */
const contrastSeries = (t: Theme): string[] => [t.colorCompoundBrandForeground1, t.colorBrandForegroundLink, t.colorNeutralForegroundDisabled, t.colorNeutralForeground1];

export function chartPalette(name: ThemeName): ChartPalette {
  const t = fluentTheme(name);
  return {
    text: t.colorNeutralForeground1,
    grid: name === 'contrast' ? t.colorNeutralStroke1 : t.colorNeutralStroke2,
    surface: t.colorNeutralBackground1,
    series: name === 'contrast' ? contrastSeries(t) : lightOrDarkSeries(t),
    fontFamily: t.fontFamilyBase,
  };
}

export const seriesColour = (palette: ChartPalette, index: number): string => palette.series[index % palette.series.length] ?? palette.text;
