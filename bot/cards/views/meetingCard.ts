import { linkPending, meetingLabels, standing, type CaseView, type Meeting, type PhoneContact } from '../../../workflow';
import type { AdaptiveCardJson } from '../card';
import { headingOf } from '../caseHeading';
import { openVerb, viewVerbs } from '../forms/formNames';
import { composeCard, type Fact } from '../outcomes';
import { meetingPlace, meetingTimes, parentsToPhone } from './meetingLines';
import { partiesBlocks } from './slotCard';

const statusWords: Record<Meeting['status'], { word: string; colour: string }> = {
  proposed: { word: 'proposed', colour: 'Default' },
  booked: { word: 'booked', colour: 'Good' },
  moved: { word: 'moved', colour: 'Good' },
  cancelled: { word: 'cancelled', colour: 'Warning' },
  held: { word: 'held', colour: 'Default' },
};

export interface MeetingCardOptions {
  /** Replaces the status headline, e.g. "Already booked at 10:31 by you". */
  headline?: string;
  /** A line under the headline (e.g. why this card is shown). */
  note?: string;
  /** Parents to phone as the booking found them; by default derived from who was invited. */
  phone?: PhoneContact[];
}

/**
 * A booked meeting: what, when, where (or its Teams link), who was invited and whom to phone, and
 * (while it stands) Reschedule and Cancel. A cancelled one says why and offers only the case.
 */
export function meetingCard(view: Pick<CaseView, 'case' | 'child' | 'school' | 'progress'>, meeting: Meeting, options: MeetingCardOptions = {}): AdaptiveCardJson {
  const status = statusWords[meeting.status];
  const facts: Fact[] = [
    { title: 'What', value: `${meetingLabels[meeting.kind]}, case ${view.case.reference}` },
    { title: 'When', value: meetingTimes(meeting.start, meeting.end) },
    { title: 'Where', value: meetingPlace(meeting, view.school?.name) },
    ...(linkPending(meeting) ? [{ title: 'Teams', value: 'Teams link pending' }] : []),
    ...(meeting.status === 'cancelled' ? [{ title: 'Reason', value: meeting.cancelledReason ?? '' }] : []),
  ].filter((f) => f.value !== '');
  const phone = options.phone ?? parentsToPhone(meeting, view.child);
  const ref = { caseId: view.case.id, meetingId: meeting.id };
  const live = standing(meeting);
  return composeCard({
    heading: headingOf(view),
    body: [
      { type: 'TextBlock', text: options.headline ?? `${meetingLabels[meeting.kind]} ${status.word}`, weight: 'Bolder', size: 'Medium', color: status.colour, wrap: true },
      ...(options.note ? [{ type: 'TextBlock', text: options.note, wrap: true, spacing: 'Small' }] : []),
      { type: 'FactSet', facts },
      ...(meeting.status === 'cancelled' ? [] : partiesBlocks(meeting.attendees, phone)),
    ],
    actions: [
      ...(meeting.joinUrl && meeting.status !== 'cancelled' ? [{ type: 'Action.OpenUrl', title: 'Join the Teams meeting', url: meeting.joinUrl }] : []),
      ...(live
        ? [
            { type: 'Action.Execute', title: 'Reschedule', verb: openVerb('meeting-move'), data: { ...ref, kind: meeting.kind }, associatedInputs: 'none' },
            { type: 'Action.Execute', title: 'Cancel', verb: openVerb('meeting-cancel'), data: ref, associatedInputs: 'none' },
          ]
        : []),
      { type: 'Action.Execute', title: 'Back to the case', verb: viewVerbs.openCase, data: { caseId: view.case.id }, associatedInputs: 'none' },
    ],
  });
}
