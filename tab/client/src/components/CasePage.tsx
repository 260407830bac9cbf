import { Link, makeStyles, Spinner, tokens } from '@fluentui/react-components';
import { CasePage as CasePageSchema, routes } from '../../../contract/api';
import { useSigned } from '../context';
import { useLoad } from '../hooks/useLoad';
import { casesHref } from '../route';
import { ActionCard } from './ActionCard';
import { CaseHeader } from './CaseHeader';
import { Chronology } from './Chronology';
import { Contracts } from './Contracts';
import { ErrorNote } from './ErrorNote';
import { FolderPanel } from './FolderPanel';
import { HoursPanel } from './HoursPanel';
import { Loading } from './Loading';
import { Meetings } from './Meetings';
import { StepTimeline } from './StepTimeline';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  grid: {
    display: 'grid', gap: tokens.spacingHorizontalM, alignItems: 'start',
    gridTemplateColumns: 'minmax(0, 3fr) minmax(0, 2fr)',
    '@media (max-width: 900px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  back: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center' },
});

export function CasePage({ caseId }: { caseId: string }) {
  const styles = useStyles();
  const { api } = useSigned();
  const page = useLoad(() => api.get(routes.case(caseId), CasePageSchema), caseId);
  const data = page.data;
  return (
    <div className={styles.page}>
      <nav aria-label="Back" className={styles.back}>
        <Link href={casesHref}>← All cases</Link>
        {page.state === 'loading' && data ? <Spinner size="extra-tiny" aria-label="Refreshing the case" /> : null}
      </nav>
      {page.state === 'error' ? <ErrorNote title="The case could not be loaded" message={page.message} onRetry={page.reload} /> : null}
      {!data ? (
        page.state === 'loading' ? <Loading label="Loading the case…" /> : null
      ) : (
        <>
          <CaseHeader page={data} />
          <div className={styles.grid}>
            <div className={styles.column}>
              <ActionCard caseId={caseId} onActed={page.reload} />
              <StepTimeline steps={data.steps} />
              <Chronology records={data.chronology} />
            </div>
            <div className={styles.column}>
              <HoursPanel hours={data.hours} />
              <Meetings meetings={data.meetings} />
              <Contracts contracts={data.contracts} />
              <FolderPanel caseId={caseId} onFiled={page.reload} />
            </div>
          </div>
        </>
      )}
    </div>
  );
}
