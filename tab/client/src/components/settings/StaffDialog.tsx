import { Checkbox, Field, Input, Switch } from '@fluentui/react-components';
import { useState } from 'react';
import { Saved, settingsRoutes, type StaffMember } from '../../../../contract/settings';
import { useSigned } from '../../context';
import { EditDialog } from './EditDialog';
import { useFormStyles } from './formStyles';
import { blankStaffForm, newStaffMember, roleLabels, roles, staffChange, staffFormOf, withRole } from './staffForm';
import { useSave } from './useSave';

/**
 * Changes a member of staff (`member` given) or adds one: roles, capacity, active; a new member
 * by their Entra object id. Closes on success, handing the server's message to the page.
 */
export function StaffDialog({ member, onClose, onSaved, onReload }: { member: StaffMember | undefined; onClose: () => void; onSaved: (message: string) => void; onReload: () => void }) {
  const styles = useFormStyles();
  const { api } = useSigned();
  const [form, setForm] = useState(() => (member ? staffFormOf(member) : blankStaffForm));
  const save = useSave((saved) => onSaved(saved.message));
  const submit = () => {
    if (member) void save.save(staffChange(form, member.etag), (change) => api.put(settingsRoutes.staffMember(member.id), change, Saved));
    else void save.save(newStaffMember(form), (added) => api.post(settingsRoutes.staff, added, Saved));
  };
  const title = member ? `Change ${member.displayName}` : 'Add a member of staff';
  return (
    <EditDialog title={title} adding={!member} save={save} onSubmit={submit} onClose={onClose} onReload={onReload}>
      {member ? null : (
        <Field label="Entra object id" hint="From the person's profile in Microsoft Entra ID (Azure AD): 36 characters, e.g. 00000000-0000-4000-8000-000000000000." required>
          <Input value={form.userId} onChange={(_, d) => setForm({ ...form, userId: d.value })} spellCheck={false} />
        </Field>
      )}
      <Field label="Name" required>
        <Input value={form.displayName} onChange={(_, d) => setForm({ ...form, displayName: d.value })} />
      </Field>
      <Field label="E-mail" required>
        <Input type="email" value={form.email} onChange={(_, d) => setForm({ ...form, email: d.value })} />
      </Field>
      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>Roles</legend>
        {roles.map((r) => (
          <Checkbox key={r} label={roleLabels[r]} checked={form.roles.includes(r)} onChange={(_, d) => setForm({ ...form, roles: withRole(form.roles, r, d.checked === true) })} />
        ))}
      </fieldset>
      <Field label="Capacity (hours a week)" hint="The hours of casework they take on; 0 for someone who takes no cases.">
        <Input className={styles.number} inputMode="decimal" value={form.capacityHours} onChange={(_, d) => setForm({ ...form, capacityHours: d.value })} />
      </Field>
      {member ? <Switch label="Active (can sign in and be given cases)" checked={form.active} onChange={(_, d) => setForm({ ...form, active: d.checked })} /> : null}
    </EditDialog>
  );
}
