import { recordMeeting, type BodyOf, type MeetingKind, type RecordAdded } from '../../../workflow';
import { showDate } from '../format';
import fieldsTemplate from '../templates/meetingForm.json';
import { expandFragment } from '../template';
import { caseFormVerbs } from './caseForm';
import { eventDates } from './dateBounds';
import { lines, text } from './formValues';
import { heldPrefill } from './meetingPrefill';
import { bodyOf, recordedHeadline, recordOutcome } from './recordOutcome';

type Purpose = BodyOf<'meeting'>['purpose'];

export const meetingPurposes: Record<Purpose, string> = {
  'initial-school': 'Initial meeting with school',
  contract: 'Contract meeting',
  review: 'Review meeting',
  'other-agency': 'Other agency',
  'fair-access-panel': 'Fair Access Panel',
  other: 'Other',
};

/** The purpose a meeting record takes from the kind of meeting booked. */
const purposeOf: Record<MeetingKind, Purpose> = {
  'school-meeting': 'initial-school',
  'contract-meeting': 'contract',
  review: 'review',
  'home-visit': 'other',
  'parent-call': 'other',
};

/** Step 4 (the initial meeting with school) and a meeting record for any other meeting attended. */
export const meetingVerbs = caseFormVerbs<RecordAdded>({
  name: 'meeting',
  anyStep: true,
  title: 'Meeting record',
  submitTitle: 'Record the meeting',
  defaults: (ctx, view) => {
    const dates = eventDates(ctx, view);
    // The meeting booked for it, once its time has come: its date and who was invited.
    const initial = !view.case.milestones.schoolMeeting;
    const held = heldPrefill(ctx, view, initial ? ['school-meeting'] : ['contract-meeting', 'review'], dates);
    const purpose: Purpose = held ? purposeOf[held.kind] : initial ? 'initial-school' : 'other';
    return { purpose, heldOn: held?.heldOn ?? dates.value, attendees: held?.attendees ?? '', notes: '', agreedSupport: '', expectations: '' };
  },
  fields: (ctx, view, values) => expandFragment<unknown[]>(fieldsTemplate, { values, dates: eventDates(ctx, view) }),
  toInput: (v) => ({
    purpose: text(v, 'purpose'),
    heldOn: text(v, 'heldOn'),
    attendees: lines(v, 'attendees'),
    notes: text(v, 'notes'),
    ...(text(v, 'agreedSupport') ? { agreedSupport: text(v, 'agreedSupport') } : {}),
    ...(text(v, 'expectations') ? { expectations: text(v, 'expectations') } : {}),
  }),
  run: (ctx, input) => recordMeeting(ctx.deps, ctx.actor, input),
  recorded: (ctx, added) => {
    const b = bodyOf(added, 'meeting');
    return recordOutcome(ctx, added, recordedHeadline('Meeting', added), [
      { title: 'Purpose', value: b ? meetingPurposes[b.purpose] : '' },
      { title: 'Held', value: showDate(b?.heldOn) },
      { title: 'Attended', value: b?.attendees.join(', ') ?? '' },
      { title: 'Notes', value: b?.notes ?? '' },
      { title: 'Support agreed', value: b?.agreedSupport ?? '' },
      { title: 'Expectations', value: b?.expectations ?? '' },
    ]);
  },
});
