import { Field, Input, Select, Text } from '@fluentui/react-components';
import { useState } from 'react';
import { Saved, settingsRoutes, type SchoolSetting, type SchoolSettings } from '../../../../contract/settings';
import { useSigned } from '../../context';
import { EditDialog } from './EditDialog';
import { useFormStyles } from './formStyles';
import { blankSchoolForm, contactLabels, contactRoles, newSchool, phaseLabels, schoolChange, schoolFormOf, schoolPhases, schoolTypes, typeLabels, type ContactRole, type SchoolForm } from './schoolForm';
import { useSave } from './useSave';

/** The school's term calendar as the select shows it: the authority's default, or a named one. */
export function calendarName(settings: Pick<SchoolSettings, 'termCalendars' | 'defaultTermCalendarId'>, termCalendarId: string | undefined): string {
  const name = (id: string) => settings.termCalendars.find((c) => c.id === id)?.name ?? id;
  return termCalendarId ? name(termCalendarId) : `Authority default (${name(settings.defaultTermCalendarId)})`;
}

/** Changes a school (`school` given) or adds one. Closes on success, handing the server's message to the page. */
export function SchoolDialog({ school, settings, onClose, onSaved, onReload }: { school: SchoolSetting | undefined; settings: SchoolSettings; onClose: () => void; onSaved: (message: string) => void; onReload: () => void }) {
  const styles = useFormStyles();
  const { api } = useSigned();
  const [form, setForm] = useState<SchoolForm>(() => (school ? schoolFormOf(school) : blankSchoolForm(settings.schools[0]?.localAuthority)));
  const save = useSave((saved) => onSaved(saved.message));
  const submit = () => {
    if (school) void save.save(schoolChange(form, school.etag), (change) => api.put(settingsRoutes.school(school.id), change, Saved));
    else void save.save(newSchool(form), (added) => api.post(settingsRoutes.schools, added, Saved));
  };
  const setContact = (role: ContactRole, field: 'name' | 'email' | 'phone', value: string) => setForm({ ...form, [role]: { ...form[role], [field]: value } });
  const title = school ? `Change ${school.name}` : 'Add a school';
  return (
    <EditDialog title={title} adding={!school} save={save} onSubmit={submit} onClose={onClose} onReload={onReload}>
      <div className={styles.fields}>
        <Field label="Name" required>
          <Input value={form.name} onChange={(_, d) => setForm({ ...form, name: d.value })} />
        </Field>
        <Field label="URN" required hint="Six or seven digits.">
          <Input inputMode="numeric" value={form.urn} onChange={(_, d) => setForm({ ...form, urn: d.value })} />
        </Field>
        <Field label="Type">
          <Select value={form.type} onChange={(_, d) => setForm({ ...form, type: schoolTypes.find((t) => t === d.value) ?? form.type })}>
            {schoolTypes.map((t) => (
              <option key={t} value={t}>
                {typeLabels[t]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Phase">
          <Select value={form.phase} onChange={(_, d) => setForm({ ...form, phase: schoolPhases.find((p) => p === d.value) ?? form.phase })}>
            {schoolPhases.map((p) => (
              <option key={p} value={p}>
                {phaseLabels[p]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Local authority" required>
          <Input value={form.localAuthority} onChange={(_, d) => setForm({ ...form, localAuthority: d.value })} />
        </Field>
        <Field label="Term calendar">
          <Select value={form.termCalendarId} onChange={(_, d) => setForm({ ...form, termCalendarId: d.value })}>
            <option value="">{calendarName(settings, undefined)}</option>
            {settings.termCalendars.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      {contactRoles.map((role) => (
        <fieldset key={role} className={styles.fieldset}>
          <legend className={styles.legend}>{contactLabels[role]}</legend>
          <div className={styles.fields}>
            <Field label={`${contactLabels[role]}: name`} required>
              <Input value={form[role].name} onChange={(_, d) => setContact(role, 'name', d.value)} />
            </Field>
            <Field label={`${contactLabels[role]}: e-mail`} required>
              <Input type="email" value={form[role].email} onChange={(_, d) => setContact(role, 'email', d.value)} />
            </Field>
            <Field label={`${contactLabels[role]}: phone`}>
              <Input type="tel" value={form[role].phone} onChange={(_, d) => setContact(role, 'phone', d.value)} />
            </Field>
          </div>
        </fieldset>
      ))}
      {school ? <Text>Universal Offer bought for: {school.universalOfferYears.length > 0 ? school.universalOfferYears.join(', ') : 'no year yet'}.</Text> : null}
    </EditDialog>
  );
}
