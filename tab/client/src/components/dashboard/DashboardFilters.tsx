import { Field, Input, makeStyles, Select, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { Figures, FiguresQuery } from '../../../../contract/dashboard';
import { rangeProblem } from './figuresView';

const useStyles = makeStyles({
  bar: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalS },
  field: { minWidth: '160px', '@media (max-width: 640px)': { minWidth: '100%' } },
});

const rangeValue = 'range';
type Options = Figures['options'];
type Period = Figures['period'];

/** Year or dates, then school, worker and package. Every change goes to the hash (the page reloads from it). */
export function DashboardFilters({ view, onView, options, period }: { view: FiguresQuery; onView: (view: FiguresQuery) => void; options: Options | undefined; period: Period | undefined }) {
  const styles = useStyles();
  const ranged = Boolean(view.from || view.to);
  const [rangeMode, setRangeMode] = useState(ranged);
  const [from, setFrom] = useState(view.from ?? '');
  const [to, setTo] = useState(view.to ?? '');
  useEffect(() => setRangeMode(ranged), [ranged]);
  useEffect(() => {
    setFrom(view.from ?? '');
    setTo(view.to ?? '');
  }, [view.from, view.to]);

  const choosePeriod = (value: string) => {
    if (value === rangeValue) {
      setRangeMode(true);
      // Start from the period on screen, so the first change is one date, not two.
      const start = from || period?.from || '';
      const end = to || period?.to || '';
      setFrom(start);
      setTo(end);
      if (!rangeProblem(start, end)) onView({ ...without(view, 'year'), from: start, to: end });
      return;
    }
    setRangeMode(false);
    const next = without(without(without(view, 'from'), 'to'), 'year');
    onView(value ? { ...next, year: value } : next);
  };
  const changeDate = (which: 'from' | 'to', value: string) => {
    const nextFrom = which === 'from' ? value : from;
    const nextTo = which === 'to' ? value : to;
    setFrom(nextFrom);
    setTo(nextTo);
    if (!rangeProblem(nextFrom, nextTo)) onView({ ...without(view, 'year'), from: nextFrom, to: nextTo });
  };
  const choose = (key: 'school' | 'worker' | 'package', value: string) => onView(value ? { ...view, [key]: value } : without(view, key));
  const problem = rangeMode ? rangeProblem(from, to) : undefined;

  return (
    <div className={styles.bar} role="group" aria-label="Filters">
      <Field label="Period" className={styles.field}>
        <Select value={rangeMode ? rangeValue : (view.year ?? '')} onChange={(_, d) => choosePeriod(d.value)}>
          <option value="">Current academic year</option>
          {(options?.years ?? []).map((o) => (
            <option key={o.value} value={o.value}>
              Academic year {o.label}
            </option>
          ))}
          <option value={rangeValue}>Between two dates</option>
        </Select>
      </Field>
      {rangeMode ? (
        <>
          <Field label="From" className={styles.field} validationState={problem ? 'error' : 'none'} validationMessage={problem}>
            <Input type="date" value={from} onChange={(_, d) => changeDate('from', d.value)} />
          </Field>
          <Field label="To" className={styles.field}>
            <Input type="date" value={to} onChange={(_, d) => changeDate('to', d.value)} />
          </Field>
        </>
      ) : null}
      <Choice label="School" all="All schools" value={view.school} options={options?.schools} onChange={(v) => choose('school', v)} className={styles.field} />
      <Choice label="Worker" all="Everyone" value={view.worker} options={options?.workers} onChange={(v) => choose('worker', v)} className={styles.field} />
      <Choice label="Package" all="All packages" value={view.package} options={options?.packages} onChange={(v) => choose('package', v)} className={styles.field} />
    </div>
  );
}

function Choice({ label, all, value, options, onChange, className }: { label: string; all: string; value: string | undefined; options: Options['schools'] | undefined; onChange: (value: string) => void; className: string }) {
  // A value from a link that the options do not (yet) hold is still shown, by its id.
  const known = !value || (options ?? []).some((o) => o.value === value);
  return (
    <Field label={label} className={className}>
      <Select value={value ?? ''} onChange={(_, d) => onChange(d.value)}>
        <option value="">{all}</option>
        {!known && value ? <option value={value}>{value}</option> : null}
        {(options ?? []).map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </Select>
    </Field>
  );
}

function without<K extends keyof FiguresQuery>(view: FiguresQuery, key: K): FiguresQuery {
  const copy = { ...view };
  delete copy[key];
  return copy;
}
