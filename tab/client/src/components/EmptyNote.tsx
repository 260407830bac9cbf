import { makeStyles, Text, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({ empty: { color: tokens.colorNeutralForeground3, display: 'block', padding: `${tokens.spacingVerticalS} 0` } });

export function EmptyNote({ children }: { children: string }) {
  return <Text className={useStyles().empty}>{children}</Text>;
}
