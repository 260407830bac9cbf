import { Button, Field, Input, Select, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { Saved, settingsRoutes, TermCalendarSettings, type TermCalendarSetting } from '../../../../contract/settings';
import { useSigned } from '../../context';
import { countLabel, formatDate } from '../../format';
import { useLoad } from '../../hooks/useLoad';
import { EmptyNote } from '../EmptyNote';
import { useFormStyles } from './formStyles';
import { ReadOnlyValue } from './ReadOnlyValue';
import { SaveFeedback } from './SaveFeedback';
import { ScrollArea } from './ScrollArea';
import { SettingsSection } from './SettingsSection';
import { halfTermLabel, termCalendarChange, termFormOf, withHalfTermDate } from './termForm';
import { useSave, type SaveState } from './useSave';

/** The term calendars: half-term dates and closure days; which is the authority's default, and who follows each. */
export function TermsSection() {
  const styles = useFormStyles();
  const { api } = useSigned();
  const loaded = useLoad(() => api.get(settingsRoutes.termCalendars, TermCalendarSettings), 'term-calendars');
  const save = useSave(loaded.reload);
  const [chosen, setChosen] = useState<string>();
  const reload = () => {
    save.clear();
    loaded.reload();
  };
  return (
    <SettingsSection title="Term dates" loaded={loaded}>
      {(data) => {
        const calendar = data.calendars.find((c) => c.id === chosen) ?? data.calendars.find((c) => c.id === data.defaultTermCalendarId) ?? data.calendars[0];
        if (!calendar) return <EmptyNote>There is no term calendar yet.</EmptyNote>;
        const isDefault = calendar.id === data.defaultTermCalendarId;
        return (
          <>
            <Field className={styles.single} label="Term calendar">
              <Select value={calendar.id} onChange={(_, d) => { save.clear(); setChosen(d.value); }}>
                {data.calendars.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.id === data.defaultTermCalendarId ? `${c.name} (authority default)` : c.name}
                  </option>
                ))}
              </Select>
            </Field>
            <Text data-testid="calendar-followers">
              {isDefault ? 'The authority default: ' : ''}
              {countLabel(calendar.schools, 'school follows', 'schools follow')} it{isDefault ? ', counting those with no calendar of their own' : ''}.
            </Text>
            <TermCalendarForm key={`${calendar.id}:${calendar.etag}`} calendar={calendar} canEdit={data.canEdit} save={save} onReload={reload} />
          </>
        );
      }}
    </SettingsSection>
  );
}

function TermCalendarForm({ calendar, canEdit, save, onReload }: { calendar: TermCalendarSetting; canEdit: boolean; save: SaveState; onReload: () => void }) {
  const styles = useFormStyles();
  const { api } = useSigned();
  const [form, setForm] = useState(() => termFormOf(calendar));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save.save(termCalendarChange(form, calendar.etag), (change) => api.put(settingsRoutes.termCalendar(calendar.id), change, Saved));
  };
  const closures = form.closures;
  return (
    <form className={styles.form} onSubmit={submit} aria-label={`The ${calendar.name} term calendar`}>
      {canEdit ? (
        <Field className={styles.single} label="Calendar name">
          <Input value={form.name} onChange={(_, d) => setForm({ ...form, name: d.value })} />
        </Field>
      ) : (
        <ReadOnlyValue label="Calendar name" value={calendar.name} />
      )}
      <ScrollArea label="Half-terms">
        <Table aria-label="Half-terms" size="small" className={styles.table}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Half-term</TableHeaderCell>
              <TableHeaderCell>First day</TableHeaderCell>
              <TableHeaderCell>Last day</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {form.halfTerms.map((h, index) => {
              const label = halfTermLabel(h);
              return (
                <TableRow key={label}>
                  <TableCell className={styles.cell}>{label}</TableCell>
                  <TableCell className={styles.cell}>
                    {canEdit ? <Input type="date" className={styles.date} aria-label={`${label} first day`} value={h.start} onChange={(_, d) => setForm(withHalfTermDate(form, index, 'start', d.value))} /> : formatDate(h.start, 'UTC')}
                  </TableCell>
                  <TableCell className={styles.cell}>
                    {canEdit ? <Input type="date" className={styles.date} aria-label={`${label} last day`} value={h.end} onChange={(_, d) => setForm(withHalfTermDate(form, index, 'end', d.value))} /> : formatDate(h.end, 'UTC')}
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </ScrollArea>
      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>Closure days (training days and other days the schools are shut)</legend>
        {closures.length === 0 ? <Text className={styles.muted}>None.</Text> : null}
        {canEdit ? (
          <>
            {closures.map((day, index) => (
              <div key={index} className={styles.actions}>
                <Input type="date" className={styles.date} aria-label={`Closure day ${index + 1}`} value={day} onChange={(_, d) => setForm({ ...form, closures: closures.map((c, i) => (i === index ? d.value : c)) })} />
                <Button size="small" onClick={() => setForm({ ...form, closures: closures.filter((_, i) => i !== index) })} aria-label={`Remove closure day ${index + 1}${day ? ` (${formatDate(day, 'UTC')})` : ''}`}>
                  Remove
                </Button>
              </div>
            ))}
            <div>
              <Button size="small" onClick={() => setForm({ ...form, closures: [...closures, ''] })}>
                Add a closure day
              </Button>
            </div>
          </>
        ) : (
          <ul>
            {[...calendar.closures].sort().map((day) => (
              <li key={day}>{formatDate(day, 'UTC')}</li>
            ))}
          </ul>
        )}
      </fieldset>
      <SaveFeedback outcome={save.outcome} onReload={onReload} />
      {canEdit ? (
        <div className={styles.actions}>
          <Button type="submit" appearance="primary" disabled={save.busy}>
            {save.busy ? 'Saving…' : 'Save the term dates'}
          </Button>
        </div>
      ) : null}
    </form>
  );
}
