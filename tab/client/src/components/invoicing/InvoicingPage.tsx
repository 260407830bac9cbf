import { Button, Field, makeStyles, MessageBar, MessageBarBody, Select, Spinner, Text, Title2, tokens } from '@fluentui/react-components';
import { ArrowDownloadRegular, CheckmarkRegular } from '@fluentui/react-icons';
import { useEffect, useMemo, useRef, useState } from 'react';
import { dashboardRoutes, Invoicing, MarkedInvoiced, type MarkInvoicedBody } from '../../../../contract/dashboard';
import { failureMessage } from '../../api';
import { useSigned } from '../../context';
import { useLoad } from '../../hooks/useLoad';
import { invoicingHref } from '../../route';
import { formatFigure } from '../dashboard/figureFormat';
import { ExportNote } from '../dashboard/ExportNote';
import { useExport } from '../dashboard/useExport';
import { EmptyNote } from '../EmptyNote';
import { ErrorNote } from '../ErrorNote';
import { Loading } from '../Loading';
import { InvoicingTable } from './InvoicingTable';
import { invoicingViewFromSearch, searchOfInvoicingView, selectionOf, statusLabels, yearChoices, type InvoicingView } from './invoicingView';
import { MarkInvoicedDialog } from './MarkInvoicedDialog';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  top: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalS },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalS },
  field: { minWidth: '160px' },
  totals: { color: tokens.colorNeutralForeground2 },
  surface: { backgroundColor: tokens.colorNeutralBackground1, borderRadius: tokens.borderRadiusMedium, padding: tokens.spacingHorizontalS, overflowX: 'auto', maxWidth: '100%' },
});

type Outcome = { intent: 'success' | 'error'; text: string } | undefined;

const exportUrl = (format: 'csv' | 'xlsx', search: string): string => {
  const params = new URLSearchParams(search.replace(/^\?/, ''));
  params.set('format', format);
  return `${dashboardRoutes.invoicingExport}?${params.toString()}`;
};

/** What to invoice (hours over a package, purchases) and what was: select lines, mark them invoiced once, export. */
export function InvoicingPage({ search }: { search: string }) {
  const styles = useStyles();
  const { api } = useSigned();
  const view = useMemo(() => invoicingViewFromSearch(search), [search]);
  const query = searchOfInvoicingView(view);
  const answer = useLoad(() => api.get(`${dashboardRoutes.invoicing}${query}`, Invoicing), query);
  const data = answer.data;
  const [selected, setSelected] = useState<Set<string>>(() => new Set());
  const [confirming, setConfirming] = useState(false);
  const [sending, setSending] = useState(false);
  const inFlight = useRef(false);
  const [outcome, setOutcome] = useState<Outcome>();
  const exporter = useExport();
  useEffect(() => setSelected(new Set()), [query]);

  const lines = useMemo(() => data?.lines ?? [], [data]);
  const selection = selectionOf(lines, selected);
  const years = yearChoices(new Date(), lines, view.year);
  const setView = (next: InvoicingView) => {
    window.location.hash = invoicingHref(searchOfInvoicingView(next));
  };

  const mark = async () => {
    // A second click (or Enter held down) while the first is on its way sends nothing.
    if (inFlight.current || selection.count === 0) return;
    inFlight.current = true;
    setSending(true);
    try {
      const body: MarkInvoicedBody = { lineIds: selection.ids };
      const result = await api.post(dashboardRoutes.markInvoiced, body, MarkedInvoiced);
      setOutcome({ intent: 'success', text: result.message });
      setSelected(new Set());
      answer.reload();
    } catch (error) {
      setOutcome({ intent: 'error', text: failureMessage(error) });
    } finally {
      inFlight.current = false;
      setSending(false);
      setConfirming(false);
    }
  };

  return (
    <div className={styles.page}>
      <div className={styles.top}>
        <Title2 as="h1">Invoicing</Title2>
        <div className={styles.row}>
          <Button icon={<ArrowDownloadRegular />} disabled={exporter.status.state === 'busy'} onClick={() => void exporter.run(exportUrl('csv', query), 'invoicing.csv')}>
            CSV
          </Button>
          <Button icon={<ArrowDownloadRegular />} disabled={exporter.status.state === 'busy'} onClick={() => void exporter.run(exportUrl('xlsx', query), 'invoicing.xlsx')}>
            Excel
          </Button>
        </div>
      </div>
      <div className={styles.row} role="group" aria-label="Filters">
        <Field label="Show" className={styles.field}>
          <Select value={view.status} onChange={(_, d) => setView({ ...view, status: d.value === 'invoiced' || d.value === 'all' ? d.value : 'to-invoice' })}>
            {(['to-invoice', 'invoiced', 'all'] as const).map((s) => (
              <option key={s} value={s}>
                {statusLabels[s]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Financial year" className={styles.field}>
          <Select value={view.year ?? ''} onChange={(_, d) => setView(d.value ? { ...view, year: d.value } : { status: view.status })}>
            <option value="">All years</option>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </Select>
        </Field>
        {data ? (
          <Text className={styles.totals} data-testid="invoicing-totals">
            To invoice {formatFigure(data.totals.toInvoice, 'money')} · invoiced {formatFigure(data.totals.invoiced, 'money')}
          </Text>
        ) : null}
        {answer.state === 'loading' && data ? <Spinner size="extra-tiny" aria-label="Loading" /> : null}
      </div>
      <div aria-live="polite">
        {outcome ? (
          <MessageBar intent={outcome.intent} layout="multiline" data-testid="invoicing-outcome">
            <MessageBarBody>{outcome.text}</MessageBarBody>
          </MessageBar>
        ) : null}
      </div>
      <ExportNote status={exporter.status} />
      {answer.state === 'error' ? <ErrorNote title="The invoicing list could not be loaded" message={answer.message} onRetry={answer.reload} /> : null}
      {!data ? (
        answer.state === 'loading' ? <Loading label="Loading the invoicing list…" /> : null
      ) : data.lines.length === 0 ? (
        <EmptyNote>{view.status === 'invoiced' ? 'Nothing has been invoiced in this period.' : 'Nothing to invoice in this period.'}</EmptyNote>
      ) : (
        <>
          {data.canMark ? (
            <div className={styles.row}>
              <Button appearance="primary" icon={<CheckmarkRegular />} disabled={selection.count === 0 || sending} onClick={() => setConfirming(true)}>
                Mark invoiced
              </Button>
              <Text aria-live="polite" data-testid="invoicing-selection">
                {selection.count === 0 ? 'No line selected' : `${selection.count === 1 ? '1 line' : `${selection.count} lines`} selected · ${formatFigure(selection.total, 'money')}`}
              </Text>
            </div>
          ) : null}
          <div className={styles.surface} tabIndex={0} role="region" aria-label="Invoicing lines">
            <InvoicingTable lines={data.lines} selected={selected} onSelected={setSelected} canMark={data.canMark} />
          </div>
        </>
      )}
      <MarkInvoicedDialog open={confirming} count={selection.count} total={selection.total} sending={sending} onConfirm={() => void mark()} onCancel={() => setConfirming(false)} />
    </div>
  );
}
