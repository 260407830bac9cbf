import { Text } from '@fluentui/react-components';
import { formatHours } from '../format';

export function HoursLeftText({ hours }: { hours: { bought: number; used: number; left: number } | undefined }) {
  if (!hours) return <Text>No package</Text>;
  return <Text>{`${formatHours(hours.left)} of ${formatHours(hours.bought)}`}</Text>;
}
