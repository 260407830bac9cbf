import { makeStyles, Spinner, Text, Title2, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import { Caseload, routes, type Caseload as CaseloadAnswer } from '../../../contract/api';
import { useSigned } from '../context';
import { countLabel } from '../format';
import { useDebounced } from '../hooks/useDebounced';
import { useLoad } from '../hooks/useLoad';
import { narrowQuery, useMediaQuery } from '../hooks/useMediaQuery';
import { caseloadSearch, initialView, pageCount, sortBy, type CaseloadView } from '../query';
import { caseHref } from '../route';
import { CaseCardList } from './CaseCardList';
import { CaseloadFilters } from './CaseloadFilters';
import { CaseloadTable } from './CaseloadTable';
import { EmptyNote } from './EmptyNote';
import { ErrorNote } from './ErrorNote';
import { Loading } from './Loading';
import { Pager } from './Pager';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  summary: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, minHeight: '24px' },
  surface: { backgroundColor: tokens.colorNeutralBackground1, borderRadius: tokens.borderRadiusMedium, padding: tokens.spacingHorizontalS, overflowX: 'auto' },
});

/** My cases (a worker) or the caseload (managers): filter, search, sort and pages from the server. */
export function CaseloadPage({ scope, prefetched }: { scope: 'personal' | 'team'; prefetched?: Promise<CaseloadAnswer> | undefined }) {
  const styles = useStyles();
  const { api, me } = useSigned();
  const narrow = useMediaQuery(narrowQuery);
  const [view, setView] = useState<CaseloadView>(initialView);
  const [searchText, setSearchText] = useState('');
  const q = useDebounced(searchText.trim(), 300);
  useEffect(() => setView((v) => (v.q === q ? v : { ...v, q, page: 1 })), [q]);
  const search = caseloadSearch(view);
  const waiting = useRef(prefetched);
  const caseload = useLoad(() => {
    const first = waiting.current;
    waiting.current = undefined;
    return first && search === caseloadSearch(initialView) ? first : api.get(`${routes.cases}${search}`, Caseload);
  }, search);
  const data = caseload.data;
  // For the load bench (tests/bench/tabLoad.ts): when a page of rows has been put on screen.
  useEffect(() => {
    if (data) performance.mark('caseload-rows', { detail: { page: data.page, total: data.total } });
  }, [data]);
  const open = (caseId: string) => {
    window.location.hash = caseHref(caseId);
  };
  const title = me.seesAllCases ? (scope === 'team' ? 'The caseload' : 'All cases') : 'My cases';

  return (
    <div className={styles.page}>
      <Title2 as="h1">{title}</Title2>
      <CaseloadFilters view={view} onView={setView} searchText={searchText} onSearchText={setSearchText} workers={me.seesAllCases ? (data?.workers ?? []) : undefined} />
      <div className={styles.summary} aria-live="polite">
        {data ? (
          <Text data-testid="caseload-total">
            {countLabel(data.total, 'case', 'cases')} · page {data.page} of {pageCount(data.total, data.pageSize)}
          </Text>
        ) : null}
        {caseload.state === 'loading' && data ? <Spinner size="extra-tiny" aria-label="Loading" /> : null}
      </div>
      {caseload.state === 'error' ? <ErrorNote title="The caseload could not be loaded" message={caseload.message} onRetry={caseload.reload} /> : null}
      {!data ? (
        caseload.state === 'loading' ? <Loading label="Loading the caseload…" /> : null
      ) : data.rows.length === 0 ? (
        <EmptyNote>{view.q || view.worker || view.status !== 'active' ? 'No case matches this filter or search.' : 'You have no open cases.'}</EmptyNote>
      ) : (
        <>
          <div className={styles.surface}>
            {narrow ? <CaseCardList rows={data.rows} /> : <CaseloadTable rows={data.rows} view={view} onSort={(c) => setView(sortBy(view, c))} onOpen={open} />}
          </div>
          <Pager page={data.page} pages={pageCount(data.total, data.pageSize)} onPage={(page) => setView({ ...view, page })} />
        </>
      )}
    </div>
  );
}
