import { Button, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import { settingsRoutes, StaffSettings, type StaffMember } from '../../../../contract/settings';
import { useSigned } from '../../context';
import { formatHours } from '../../format';
import { useLoad } from '../../hooks/useLoad';
import { useFormStyles } from './formStyles';
import { SavedNote } from './SavedNote';
import { ScrollArea } from './ScrollArea';
import { SettingsSection } from './SettingsSection';
import { useEditDialog } from './useEditDialog';
import { StaffDialog } from './StaffDialog';
import { roleLabels } from './staffForm';

/** The Staff list: who may sign in, their roles, capacity; admins change a member or add one. */
export function StaffSection() {
  const styles = useFormStyles();
  const { api } = useSigned();
  const loaded = useLoad(() => api.get(settingsRoutes.staff, StaffSettings), 'staff');
  const { editing, saved, opener, open, close, onSaved } = useEditDialog<StaffMember>(loaded.reload);
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
              member={editing.item}
              onClose={close}
              onReload={loaded.reload}
              onSaved={onSaved}
            />
          ) : null}
        </>
      )}
    </SettingsSection>
  );
}
