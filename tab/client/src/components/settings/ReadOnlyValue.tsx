import { makeStyles, Text, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({ row: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS } });

/** A setting as plain text, where an administrator would have a field. */
export function ReadOnlyValue({ label, value }: { label: string; value: string }) {
  return (
    <div className={useStyles().row}>
      <Text weight="semibold">{label}</Text>
      <Text>{value}</Text>
    </div>
  );
}
