import { Button, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import { SchoolSettings, settingsRoutes, type SchoolSetting } from '../../../../contract/settings';
import { useSigned } from '../../context';
import { useLoad } from '../../hooks/useLoad';
import { useFormStyles } from './formStyles';
import { SavedNote } from './SavedNote';
import { calendarName, SchoolDialog } from './SchoolDialog';
import { phaseLabels, typeLabels } from './schoolForm';
import { ScrollArea } from './ScrollArea';
import { SettingsSection } from './SettingsSection';
import { useEditDialog } from './useEditDialog';

/** The schools: contacts, type and phase, term calendar, the years of Universal Offer they bought. */
export function SchoolsSection() {
  const styles = useFormStyles();
  const { api } = useSigned();
  const loaded = useLoad(() => api.get(settingsRoutes.schools, SchoolSettings), 'schools');
  const { editing, saved, opener, open, close, onSaved } = useEditDialog<SchoolSetting>(loaded.reload);
  return (
    <SettingsSection title="Schools" loaded={loaded}>
      {(data) => (
        <>
          <SavedNote message={saved} />
          {data.canEdit ? (
            <div className={styles.actions}>
              <Button {...opener} onClick={() => open(undefined)}>Add a school</Button>
            </div>
          ) : null}
          <ScrollArea label="The schools">
            <Table aria-label="Schools" size="small" className={styles.wideTable}>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>Name</TableHeaderCell>
                  <TableHeaderCell>URN</TableHeaderCell>
                  <TableHeaderCell>Type and phase</TableHeaderCell>
                  <TableHeaderCell>Authority</TableHeaderCell>
                  <TableHeaderCell>Headteacher</TableHeaderCell>
                  <TableHeaderCell>Term calendar</TableHeaderCell>
                  <TableHeaderCell>Universal Offer</TableHeaderCell>
                  {data.canEdit ? <TableHeaderCell>Change</TableHeaderCell> : null}
                </TableRow>
              </TableHeader>
              <TableBody>
                {data.schools.map((s) => (
                  <TableRow key={s.id}>
                    <TableCell className={styles.cell}>{s.name}</TableCell>
                    <TableCell className={styles.cell}>{s.urn}</TableCell>
                    <TableCell className={styles.cell}>
                      {typeLabels[s.type]}, {phaseLabels[s.phase].toLowerCase()}
                    </TableCell>
                    <TableCell className={styles.cell}>{s.localAuthority}</TableCell>
                    <TableCell className={styles.cell}>{s.headteacher.name}</TableCell>
                    <TableCell className={styles.cell}>{calendarName(data, s.termCalendarId)}</TableCell>
                    <TableCell className={styles.cell}>{s.universalOfferYears.length > 0 ? s.universalOfferYears.join(', ') : 'None'}</TableCell>
                    {data.canEdit ? (
                      <TableCell className={styles.cell}>
                        <Button {...opener} size="small" onClick={() => open(s)} aria-label={`Change ${s.name}`}>
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
            <SchoolDialog
              school={editing.item}
              settings={data}
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
