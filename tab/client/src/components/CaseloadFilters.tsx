import { Field, makeStyles, SearchBox, Select, tokens } from '@fluentui/react-components';
import type { Caseload, CaseloadQuery } from '../../../contract/api';
import { statusFilterLabels } from '../labels';
import type { CaseloadView } from '../query';

const useStyles = makeStyles({
  bar: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'flex-end' },
  search: { minWidth: '240px', flex: '1 1 240px', maxWidth: '420px' },
});

const statuses = Object.keys(statusFilterLabels) as CaseloadQuery['status'][];

/** Status, worker (managers: `workers` given) and the search box; each change starts on page 1. */
export function CaseloadFilters(props: {
  view: CaseloadView;
  onView: (view: CaseloadView) => void;
  searchText: string;
  onSearchText: (text: string) => void;
  workers: Caseload['workers'] | undefined;
}) {
  const styles = useStyles();
  const { view, onView } = props;
  return (
    <div className={styles.bar} role="search" aria-label="Filter the cases">
      <Field label="Search" className={styles.search}>
        <SearchBox placeholder="Reference, child, school or worker" value={props.searchText} onChange={(_, d) => props.onSearchText(d.value)} />
      </Field>
      <Field label="Status">
        <Select value={view.status} onChange={(_, d) => onView({ ...view, status: statuses.find((s) => s === d.value) ?? 'active', page: 1 })}>
          {statuses.map((s) => (
            <option key={s} value={s}>
              {statusFilterLabels[s]}
            </option>
          ))}
        </Select>
      </Field>
      {props.workers ? (
        <Field label="Worker">
          <Select value={view.worker ?? ''} onChange={(_, d) => {
            const { worker: _old, ...rest } = view;
            onView(d.value ? { ...rest, worker: d.value, page: 1 } : { ...rest, page: 1 });
          }}>
            <option value="">Everyone</option>
            {props.workers.map((w) => (
              <option key={w.userId} value={w.userId}>
                {w.displayName}
              </option>
            ))}
          </Select>
        </Field>
      ) : null}
    </div>
  );
}
