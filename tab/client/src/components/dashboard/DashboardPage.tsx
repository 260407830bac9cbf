import { Button, makeStyles, Spinner, Text, Title2, tokens } from '@fluentui/react-components';
import { ArrowDownloadRegular } from '@fluentui/react-icons';
import { useMemo } from 'react';
import { dashboardRoutes, Figures } from '../../../../contract/dashboard';
import { useSigned } from '../../context';
import { formatDateTime } from '../../format';
import { useLoad } from '../../hooks/useLoad';
import { dashboardHref } from '../../route';
import { EmptyNote } from '../EmptyNote';
import { ErrorNote } from '../ErrorNote';
import { Loading } from '../Loading';
import { DashboardFilters } from './DashboardFilters';
import { ExportNote } from './ExportNote';
import { FigureSection } from './FigureSection';
import { searchOfView, viewFromSearch } from './figuresView';
import { Headlines } from './Headlines';
import { useExport } from './useExport';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  top: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalS },
  period: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, color: tokens.colorNeutralForeground2, minHeight: '24px' },
  grid: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 460px), 1fr))', gap: tokens.spacingHorizontalM },
});

const exportSearch = (format: 'csv' | 'xlsx', table: string, search: string): string => {
  const params = new URLSearchParams(search.replace(/^\?/, ''));
  params.set('format', format);
  params.set('table', table);
  return `${dashboardRoutes.figuresExport}?${params.toString()}`;
};

/** The manager's figures for a period: filters in the hash, headline numbers, each table as a chart and a table, exports. */
export function DashboardPage({ search }: { search: string }) {
  const styles = useStyles();
  const { api } = useSigned();
  const view = useMemo(() => viewFromSearch(search), [search]);
  const query = searchOfView(view);
  const figures = useLoad(() => api.get(`${dashboardRoutes.figures}${query}`, Figures), query);
  const exporter = useExport();
  const data = figures.data;
  const empty = data ? data.tables.every((t) => t.rows.length === 0) : false;
  const download = (format: 'csv' | 'xlsx', table: string) => void exporter.run(exportSearch(format, table, query), `figures-${table}.${format}`);

  return (
    <div className={styles.page}>
      <div className={styles.top}>
        <Title2 as="h1">Dashboard</Title2>
        <Button icon={<ArrowDownloadRegular />} disabled={!data || empty || exporter.status.state === 'busy'} onClick={() => download('xlsx', 'all')}>
          Excel (all tables)
        </Button>
      </div>
      <DashboardFilters view={view} onView={(next) => (window.location.hash = dashboardHref(searchOfView(next)))} options={data?.options} period={data?.period} />
      <div className={styles.period} aria-live="polite">
        {data ? (
          <Text data-testid="figures-period">
            {data.period.label} · worked out {formatDateTime(data.computedAt)}
          </Text>
        ) : null}
        {figures.state === 'loading' && data ? <Spinner size="extra-tiny" aria-label="Loading" /> : null}
      </div>
      <ExportNote status={exporter.status} />
      {figures.state === 'error' ? <ErrorNote title="The figures could not be loaded" message={figures.message} onRetry={figures.reload} /> : null}
      {!data ? (
        figures.state === 'loading' ? <Loading label="Working out the figures…" /> : null
      ) : (
        <>
          <Headlines headlines={data.headlines} />
          {empty ? (
            <EmptyNote>No cases in this period.</EmptyNote>
          ) : (
            <div className={styles.grid}>
              {data.tables.map((t) => (
                <FigureSection key={t.id} table={t} exporting={exporter.status.state === 'busy'} onCsv={() => download('csv', t.id)} />
              ))}
            </div>
          )}
        </>
      )}
    </div>
  );
}
