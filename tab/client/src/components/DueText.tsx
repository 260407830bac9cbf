import { Badge, Text } from '@fluentui/react-components';
import type { DueItem } from '../../../contract/api';
import { firstDue, formatShort } from '../format';

/** The most pressing thing due, with "Overdue" when it is; "+N more" when there are others. */
export function DueText({ due }: { due: DueItem[] }) {
  const first = firstDue(due);
  if (!first) return <Text>Nothing due</Text>;
  return (
    <Text>
      {first.overdue ? (
        <Badge appearance="filled" color="danger" size="small">
          Overdue
        </Badge>
      ) : null}{' '}
      {first.what}, {formatShort(first.dueAt)}
      {due.length > 1 ? ` (+${due.length - 1} more)` : ''}
    </Text>
  );
}
