import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import type { Me } from '../../../contract/api';
import { rolesLabel } from '../labels';

const useStyles = makeStyles({
  bar: { display: 'flex', justifyContent: 'flex-end', alignItems: 'center', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, marginBottom: tokens.spacingVerticalS },
  who: { color: tokens.colorNeutralForeground2 },
});

export function UserBar({ me, onSignOut }: { me: Me; onSignOut?: (() => void) | undefined }) {
  const styles = useStyles();
  return (
    <div className={styles.bar}>
      <Text className={styles.who}>
        Signed in as <strong>{me.displayName}</strong> ({rolesLabel(me.roles)}){me.demo ? ' · demo' : ''}
      </Text>
      {onSignOut ? (
        <Button size="small" appearance="subtle" onClick={onSignOut}>
          Sign out
        </Button>
      ) : null}
    </div>
  );
}
