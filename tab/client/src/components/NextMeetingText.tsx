import { Link, Text } from '@fluentui/react-components';
import type { NextMeeting } from '../../../contract/api';
import { formatShort } from '../format';

export function NextMeetingText({ meeting }: { meeting: NextMeeting | undefined }) {
  if (!meeting) return <Text>None booked</Text>;
  return (
    <Text>
      {meeting.label}, {formatShort(meeting.start, { time: true })}
      {meeting.joinUrl ? (
        <>
          {' · '}
          <Link href={meeting.joinUrl} target="_blank" rel="noopener noreferrer" onClick={(e) => e.stopPropagation()} aria-label={`Join on Teams: ${meeting.label}`}>
            Join on Teams
          </Link>
        </>
      ) : meeting.location ? (
        ` · ${meeting.location}`
      ) : null}
    </Text>
  );
}
