import { makeStyles, Spinner, tokens } from '@fluentui/react-components';
import { useId, type ReactNode } from 'react';
import type { Loaded } from '../../hooks/useLoad';
import { ErrorNote } from '../ErrorNote';
import { Loading } from '../Loading';
import { ReadOnlyNote } from './ReadOnlyNote';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, backgroundColor: tokens.colorNeutralBackground1, borderRadius: tokens.borderRadiusMedium, padding: tokens.spacingHorizontalL, boxShadow: tokens.shadow2, minWidth: 0, '@media (max-width: 640px)': { padding: tokens.spacingHorizontalS } },
  head: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  heading: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
});

/**
 * One settings section: its heading, the read-only note for managers, a failure to load with a
 * retry, then what `children` makes of the data (kept on screen while it reloads).
 */
export function SettingsSection<T extends { canEdit: boolean }>({ title, loaded, children }: { title: string; loaded: Loaded<T> & { reload: () => void }; children: (data: T) => ReactNode }) {
  const styles = useStyles();
  const id = useId();
  const data = loaded.data;
  return (
    <section className={styles.section} aria-labelledby={id}>
      <div className={styles.head}>
        <h2 id={id} className={styles.heading}>
          {title}
        </h2>
        {loaded.state === 'loading' && data ? <Spinner size="extra-tiny" aria-label="Loading" /> : null}
      </div>
      {loaded.state === 'error' ? <ErrorNote title={`${title} could not be loaded`} message={loaded.message} onRetry={loaded.reload} /> : null}
      {data ? (
        <>
          <ReadOnlyNote canEdit={data.canEdit} />
          {children(data)}
        </>
      ) : loaded.state === 'loading' ? (
        <Loading label={`Loading ${title.toLowerCase()}…`} />
      ) : null}
    </section>
  );
}
