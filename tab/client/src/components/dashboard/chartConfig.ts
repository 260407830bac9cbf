/** A figures table as a chart.js configuration: pure, so it is tested without a canvas. */
import type { ChartConfiguration, ChartDataset } from 'chart.js';
import type { ColumnKind, FigureTable } from '../../../../contract/dashboard';
import { seriesColour, type ChartPalette } from './chartPalette';
import { formatFigure, formatTick } from './figureFormat';

export type FigureChartConfig = ChartConfiguration<'bar' | 'doughnut' | 'line', (number | null)[], string>;

const numberOf = (value: string | number | null | undefined): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);

/** The rows' labels and, per series column, its label, kind and numbers. */
export function chartData(table: FigureTable): { labels: string[]; series: { key: string; label: string; kind: ColumnKind; values: (number | null)[] }[] } | undefined {
  const spec = table.chart;
  if (!spec) return undefined;
  const labels = table.rows.map((row) => formatFigure(row[spec.label], table.columns.find((c) => c.key === spec.label)?.kind ?? 'text'));
  const series = spec.series.flatMap((key) => {
    const column = table.columns.find((c) => c.key === key);
    return column ? [{ key, label: column.label, kind: column.kind, values: table.rows.map((row) => numberOf(row[key])) }] : [];
  });
  return series.length > 0 ? { labels, series } : undefined;
}

/** The chart the table's spec asks for, in the palette's colours; undefined when there is nothing to draw. */
export function chartConfig(table: FigureTable, palette: ChartPalette): FigureChartConfig | undefined {
  const spec = table.chart;
  const data = chartData(table);
  if (!spec || !data || table.rows.length === 0) return undefined;
  const kind = data.series[0]?.kind ?? 'count';
  const font = { family: palette.fontFamily, size: 12 };
  const legend = { display: data.series.length > 1 || spec.kind === 'doughnut', position: 'bottom' as const, labels: { color: palette.text, font } };
  const tooltip = {
    callbacks: {
      label: (item: { dataset: { label?: string }; raw: unknown; datasetIndex: number; label: string }) => {
        const s = data.series[item.datasetIndex];
        const value = formatFigure(typeof item.raw === 'number' ? item.raw : null, s?.kind ?? kind);
        return spec.kind === 'doughnut' ? `${item.label}: ${value}` : `${item.dataset.label ?? ''}: ${value}`;
      },
    },
  };

  if (spec.kind === 'doughnut') {
    const first = data.series[0];
    if (!first) return undefined;
    return {
      type: 'doughnut',
      data: {
        labels: data.labels,
        datasets: [{ label: first.label, data: first.values, backgroundColor: data.labels.map((_, i) => seriesColour(palette, i)), borderColor: palette.surface, borderWidth: 2 }],
      },
      options: { responsive: true, maintainAspectRatio: false, animation: false, plugins: { legend, tooltip } },
    };
  }

  const horizontal = spec.kind === 'horizontal-bar';
  const stacked = spec.kind === 'stacked-bar';
  const line = spec.kind === 'line';
  const valueAxis = {
    beginAtZero: true,
    stacked,
    ticks: { color: palette.text, font, callback: (value: string | number) => (typeof value === 'number' ? formatTick(value, kind) : value) },
    grid: { color: palette.grid },
    border: { color: palette.grid },
  };
  const labelAxis = { stacked, ticks: { color: palette.text, font }, grid: { display: false }, border: { color: palette.grid } };
  const datasets: ChartDataset<'bar' | 'line', (number | null)[]>[] = data.series.map((s, i) => {
    const colour = seriesColour(palette, i);
    return line
      ? { type: 'line' as const, label: s.label, data: s.values, borderColor: colour, backgroundColor: colour, pointRadius: 3, borderWidth: 2, tension: 0.2 }
      : { type: 'bar' as const, label: s.label, data: s.values, backgroundColor: colour, borderColor: colour, borderWidth: 1 };
  });
  return {
    type: line ? 'line' : 'bar',
    data: { labels: data.labels, datasets },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      indexAxis: horizontal ? 'y' : 'x',
      scales: horizontal ? { x: valueAxis, y: labelAxis } : { x: labelAxis, y: valueAxis },
      plugins: { legend, tooltip },
    },
  };
}

/** Room for a horizontal bar per row; the others a fixed height (px). */
export const chartHeight = (table: FigureTable): number =>
  table.chart?.kind === 'horizontal-bar' ? Math.max(200, 60 + table.rows.length * 28) : table.chart?.kind === 'doughnut' ? 300 : 280;

const kindWords = { bar: 'Bar chart', 'stacked-bar': 'Stacked bar chart', 'horizontal-bar': 'Bar chart', doughnut: 'Doughnut chart', line: 'Line chart' } as const;

/** What a screen reader hears for the canvas: which chart, and where its numbers are. */
export const chartLabel = (table: FigureTable): string =>
  `${table.chart ? kindWords[table.chart.kind] : 'Chart'}: ${table.title}. The figures are in the table that follows.`;
