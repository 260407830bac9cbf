import { makeStyles } from '@fluentui/react-components';
import { ArcElement, BarController, BarElement, CategoryScale, Chart, DoughnutController, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip } from 'chart.js';
import { useEffect, useRef } from 'react';
import type { FigureTable } from '../../../../contract/dashboard';
import { useThemeName } from '../../context';
import { chartConfig, chartHeight, chartLabel } from './chartConfig';
import { chartPalette } from './chartPalette';

// Only the parts the five chart kinds use: chart.js tree-shakes the rest away.
Chart.register(BarController, BarElement, DoughnutController, ArcElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Legend, Tooltip);

const useStyles = makeStyles({
  // chart.js sizes the canvas to this box and follows its width (phone width included).
  box: { position: 'relative', width: '100%', minWidth: 0 },
});

/** One table drawn with chart.js, redrawn when the data or the theme changes. */
export function FigureChart({ table }: { table: FigureTable }) {
  const styles = useStyles();
  const canvas = useRef<HTMLCanvasElement>(null);
  const theme = useThemeName();
  useEffect(() => {
    const config = chartConfig(table, chartPalette(theme));
    if (!canvas.current || !config) return undefined;
    const chart = new Chart(canvas.current, config);
    return () => chart.destroy();
  }, [table, theme]);
  return (
    <div className={styles.box} style={{ height: `${chartHeight(table)}px` }}>
      <canvas ref={canvas} role="img" aria-label={chartLabel(table)} data-testid={`chart-${table.id}`} />
    </div>
  );
}
