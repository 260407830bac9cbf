import { Button, Card, CardHeader, makeStyles, Text, tokens } from '@fluentui/react-components';
import type { DemoStaff } from '../../../contract/api';
import { rolesLabel } from '../labels';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: tokens.spacingVerticalS },
  row: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalM },
  roles: { color: tokens.colorNeutralForeground3 },
});

/** The local run's sign-in: pick any demo staff member (fictional people of the embedded Graph). */
export function DemoStaffPicker({ staff, onPick }: { staff: DemoStaff['staff']; onPick: (userId: string) => void }) {
  const styles = useStyles();
  return (
    <Card>
      <CardHeader header={<Text as="h2" weight="semibold">Sign in as</Text>} description={<Text>This is a local run with demo data: choose who you are.</Text>} />
      <ul className={styles.list} aria-label="Demo staff">
        {staff.map((s) => (
          <li key={s.userId} className={styles.row}>
            <span>
              <Text weight="semibold">{s.displayName}</Text> <Text className={styles.roles}>{rolesLabel(s.roles)}</Text>
            </span>
            <Button onClick={() => onPick(s.userId)} aria-label={`Sign in as ${s.displayName}`}>
              Sign in
            </Button>
          </li>
        ))}
      </ul>
    </Card>
  );
}
