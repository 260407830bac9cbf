import { Button, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, useRestoreFocusTarget } from '@fluentui/react-components';
import { useState } from 'react';
import { settingsRoutes, StaffSettings, type StaffMember } from '../../../../contract/settings';
import { useSigned } from '../../context';
import { formatHours } from '../../format';
import { useLoad } from '../../hooks/useLoad';
import { useFormStyles } from './formStyles';
import { SavedNote } from './SavedNote';
import { ScrollArea } from './ScrollArea';
import { SettingsSection } from './SettingsSection';
import { StaffDialog } from './StaffDialog';
import { roleLabels } from './staffForm';

type Editing = { member: StaffMember | undefined } | undefined;

/** The Staff list: who may sign in, their roles, capacity; admins change a member or add one. */
export function StaffSection() {
  const styles = useFormStyles();
  const { api } = useSigned();
  const loaded = useLoad(() => api.get(settingsRoutes.staff, StaffSettings), 'staff');
  const [editing, setEditing] = useState<Editing>();
  // Closing the dialog puts focus back on the button that opened it.
  const opener = useRestoreFocusTarget();
  const [saved, setSaved] = useState<string>();
  const open = (member: StaffMember | undefined) => {
    setSaved(undefined);
    setEditing({ member });
  };
  return (
    <SettingsSection title="Staff" loaded={loaded}>
      {(data) => (
        <>
          <SavedNote message={saved} />
          {data.canEdit ? (
            <div className={styles.actions}>
              <Button {...opener} onClick={() => open(undefined)}>Add a member of staff</Button>
            </div>
          ) : null}
          <ScrollArea label="The Staff list">
            <Table aria-label="Staff" size="small" className={styles.wideTable}>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>Name</TableHeaderCell>
                  <TableHeaderCell>E-mail</TableHeaderCell>
                  <TableHeaderCell>Roles</TableHeaderCell>
                  <TableHeaderCell>Capacity a week</TableHeaderCell>
                  <TableHeaderCell>Active</TableHeaderCell>
                  {data.canEdit ? <TableHeaderCell>Change</TableHeaderCell> : null}
                </TableRow>
              </TableHeader>
              <TableBody>
                {data.staff.map((m) => (
                  <TableRow key={m.id}>
                    <TableCell className={styles.cell}>{m.displayName}</TableCell>
                    <TableCell className={styles.cell}>{m.email}</TableCell>
                    <TableCell className={styles.cell}>{m.roles.map((r) => roleLabels[r]).join(', ') || 'None'}</TableCell>
                    <TableCell className={styles.cell}>{formatHours(m.capacityHours)}</TableCell>
                    <TableCell className={styles.cell}>{m.active ? 'Yes' : 'No'}</TableCell>
                    {data.canEdit ? (
                      <TableCell className={styles.cell}>
                        <Button {...opener} size="small" onClick={() => open(m)} aria-label={`Change ${m.displayName}`}>
                          Change
                        </Button>
                      </TableCell>
                    ) : null}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </ScrollArea>
          {editing ? (
            <StaffDialog
              member={editing.member}
              onClose={() => setEditing(undefined)}
              onReload={loaded.reload}
              onSaved={(message) => {
                setEditing(undefined);
                setSaved(message);
                loaded.reload();
              }}
            />
          ) : null}
        </>
      )}
    </SettingsSection>
  );
}
