import { Field, ProgressBar, Text } from '@fluentui/react-components';
import type { CasePage } from '../../../contract/api';
import { formatHours, usedShare } from '../format';
import { EmptyNote } from './EmptyNote';
import { Section } from './Section';

/** Time against the package: bought, used, left. */
export function HoursPanel({ hours }: { hours: CasePage['hours'] }) {
  return (
    <Section title="Hours" testId="hours">
      {!hours || hours.bought <= 0 ? (
        <EmptyNote>No package hours bought for this case yet.</EmptyNote>
      ) : (
        <Field
          label={`${formatHours(hours.used)} used of ${formatHours(hours.bought)}`}
          hint={`${formatHours(hours.left)} left`}
          validationState={hours.left <= 0 ? 'error' : 'none'}
        >
          <ProgressBar value={usedShare(hours)} thickness="large" color={hours.left <= 0 ? 'error' : hours.left < hours.bought * 0.2 ? 'warning' : 'brand'} />
        </Field>
      )}
      {hours && hours.bought > 0 ? <Text size={200}>Bought {formatHours(hours.bought)} · used {formatHours(hours.used)} · left {formatHours(hours.left)}</Text> : null}
    </Section>
  );
}
