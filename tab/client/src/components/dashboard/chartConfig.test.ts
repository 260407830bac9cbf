import type { FigureTable } from '../../../../contract/dashboard';
import { chartConfig, chartData, chartHeight, chartLabel } from './chartConfig';
import { chartPalette, type ChartPalette } from './chartPalette';

const palette: ChartPalette = { text: '#111111', grid: '#cccccc', surface: '#ffffff', series: ['#0000aa', '#aa0000'], fontFamily: 'sans-serif' };

const table = (kind: NonNullable<FigureTable['chart']>['kind'], rows: FigureTable['rows'] = [
  { school: 'Oak', open: 3, closed: 2 },
  { school: 'Elm', open: 1, closed: null },
]): FigureTable => ({
  id: 'cases-by-school',
  title: 'Cases by school',
  description: 'Cases open in the period, by school.',
  columns: [
    { key: 'school', label: 'School', kind: 'text' },
    { key: 'open', label: 'Open', kind: 'count' },
    { key: 'closed', label: 'Closed', kind: 'count' },
  ],
  rows,
  chart: { kind, label: 'school', series: ['open', 'closed'] },
});

describe('a figures table as a chart', () => {
  it('takes labels from the label column and one series per number column (an empty cell a gap)', () => {
    expect(chartData(table('bar'))).toEqual({
      labels: ['Oak', 'Elm'],
      series: [
        { key: 'open', label: 'Open', kind: 'count', values: [3, 1] },
        { key: 'closed', label: 'Closed', kind: 'count', values: [2, null] },
      ],
    });
  });

  it('draws bars, stacked bars, horizontal bars and lines in the palette', () => {
    const bar = chartConfig(table('bar'), palette);
    expect(bar?.type).toBe('bar');
    expect(bar?.data.datasets.map((d) => d.backgroundColor)).toEqual(['#0000aa', '#aa0000']);
    const stacked = chartConfig(table('stacked-bar'), palette);
    expect(stacked?.options?.scales?.y?.stacked).toBe(true);
    const horizontal = chartConfig(table('horizontal-bar'), palette);
    expect(horizontal?.options).toMatchObject({ indexAxis: 'y' });
    expect(chartConfig(table('line'), palette)?.type).toBe('line');
  });

  it('colours each doughnut segment, the first series only', () => {
    const doughnut = chartConfig(table('doughnut'), palette);
    expect(doughnut?.type).toBe('doughnut');
    expect(doughnut?.data.datasets).toHaveLength(1);
    expect(doughnut?.data.datasets[0]?.backgroundColor).toEqual(['#0000aa', '#aa0000']);
  });

  it('draws nothing for no rows or no spec', () => {
    expect(chartConfig(table('bar', []), palette)).toBeUndefined();
    const { chart: _chart, ...plain } = table('bar');
    expect(chartConfig(plain, palette)).toBeUndefined();
  });

  it('names the chart for a screen reader and makes room for horizontal bars', () => {
    expect(chartLabel(table('doughnut'))).toBe('Doughnut chart: Cases by school. The figures are in the table that follows.');
    const many = table('horizontal-bar', Array.from({ length: 20 }, (_, i) => ({ school: `S${i}`, open: i, closed: 0 })));
    expect(chartHeight(many)).toBe(60 + 20 * 28);
  });

  it('takes its colours from the Fluent theme, distinct in high contrast', () => {
    const light = chartPalette('light');
    const dark = chartPalette('dark');
    const contrast = chartPalette('contrast');
    expect(light.text).not.toBe(dark.text);
    expect(new Set(contrast.series).size).toBe(contrast.series.length);
    expect(contrast.surface).toBe('#000000');
  });
});
