import { Link, Text } from '@fluentui/react-components';
import type { NextMeeting } from '../../../contract/api';
import { formatDateTime } from '../format';

export function NextMeetingText({ meeting }: { meeting: NextMeeting | undefined }) {
  if (!meeting) return <Text>None booked</Text>;
  return (
    <Text>
      {meeting.label}, {formatDateTime(meeting.start)}
      {meeting.joinUrl ? (
        <>
          {' · '}
          <Link href={meeting.joinUrl} target="_blank" rel="noopener noreferrer" onClick={(e) => e.stopPropagation()} aria-label={`Join ${meeting.label}`}>
            Join
          </Link>
        </>
      ) : meeting.location ? (
        ` · ${meeting.location}`
      ) : null}
    </Text>
  );
}
