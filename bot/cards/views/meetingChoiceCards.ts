import { MeetingKind, meetingLabels, type CaseView, type Meeting, type WorkflowError } from '../../../workflow';
import type { AdaptiveCardJson } from '../card';
import { headingOf } from '../caseHeading';
import { openVerb, submitVerb, viewVerbs } from '../forms/formNames';
import { composeCard } from '../outcomes';
import { meetingTimes, theMeeting } from './meetingLines';

type Viewed = Pick<CaseView, 'case' | 'child' | 'school' | 'progress'>;

/** "Book a meeting" without a kind: which meeting, each button opening its times. */
export function meetingKindCard(view: Viewed): AdaptiveCardJson {
  return composeCard({
    heading: headingOf(view),
    body: [
      { type: 'TextBlock', text: 'Book a meeting', weight: 'Bolder', size: 'Medium', wrap: true },
      { type: 'TextBlock', text: 'Which meeting? The next card offers free times from your diary.', wrap: true, isSubtle: true },
      {
        type: 'ActionSet',
        actions: MeetingKind.options.map((kind) => ({
          type: 'Action.Execute', title: meetingLabels[kind], verb: openVerb('meeting-book'), data: { caseId: view.case.id, kind }, associatedInputs: 'none',
        })),
      },
    ],
    actions: [{ type: 'Action.Execute', title: 'Back to the case', verb: viewVerbs.openCase, data: { caseId: view.case.id }, associatedInputs: 'none' }],
  });
}

/** Cancelling asks why: the reason goes to everyone invited, with Outlook's cancellation. */
export function cancelMeetingCard(view: Viewed, meeting: Meeting, requestKey: string, typed = '', problem?: Pick<WorkflowError, 'message' | 'rule' | 'field'>): AdaptiveCardJson {
  const ref = { caseId: view.case.id, meetingId: meeting.id };
  return composeCard({
    heading: headingOf(view),
    ...(problem ? { problem } : {}),
    body: [
      { type: 'TextBlock', text: `Cancel ${theMeeting(meeting.kind)}`, weight: 'Bolder', size: 'Medium', wrap: true },
      { type: 'TextBlock', text: meetingTimes(meeting.start, meeting.end), wrap: true, spacing: 'Small' },
      {
        type: 'Input.Text', id: 'reason', label: 'Why (sent to everyone invited)', isRequired: true, errorMessage: 'Say why it is cancelled', maxLength: 500, value: typed,
      },
    ],
    actions: [
      { type: 'Action.Execute', title: 'Cancel the meeting', verb: submitVerb('meeting-cancel'), data: { ...ref, requestKey }, style: 'destructive' },
      { type: 'Action.Execute', title: 'Keep it', verb: viewVerbs.viewMeeting, data: ref, associatedInputs: 'none' },
    ],
  });
}
