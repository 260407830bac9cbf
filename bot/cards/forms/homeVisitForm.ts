import { recordHomeVisit, type RecordAdded } from '../../../workflow';
import { showDate } from '../format';
import fieldsTemplate from '../templates/homeVisitForm.json';
import { expandFragment } from '../template';
import { caseFormVerbs } from './caseForm';
import { eventDates } from './dateBounds';
import { lines, text } from './formValues';
import { heldPrefill } from './meetingPrefill';
import { bodyOf, recordOutcome } from './recordOutcome';

const modes = { 'home-visit': 'Home visit', 'teams-call': 'Teams call' } as const;

/** Step 5: the home visit (preferred) or Teams call with the parent/carer, before any work with the pupil. */
export const homeVisitVerbs = caseFormVerbs<RecordAdded>({
  name: 'home-visit',
  title: 'Home visit or Teams call with the parent/carer',
  submitTitle: 'Record it',
  defaults: (ctx, view) => {
    const dates = eventDates(ctx, view);
    // The visit or call booked for it, once its time has come.
    const held = heldPrefill(ctx, view, ['home-visit', 'parent-call'], dates);
    return { mode: held?.kind === 'parent-call' ? 'teams-call' : 'home-visit', heldOn: held?.heldOn ?? dates.value, attendees: held?.attendees ?? '', notes: '' };
  },
  fields: (ctx, view, values) => expandFragment<unknown[]>(fieldsTemplate, { values, dates: eventDates(ctx, view) }),
  toInput: (v) => ({ mode: text(v, 'mode'), heldOn: text(v, 'heldOn'), attendees: lines(v, 'attendees'), notes: text(v, 'notes') }),
  run: (ctx, input) => recordHomeVisit(ctx.deps, ctx.actor, input),
  recorded: (ctx, added) => {
    const b = bodyOf(added, 'home-visit');
    const mode = b ? modes[b.mode] : 'Home visit';
    return recordOutcome(ctx, added, `${mode} recorded (step ${added.record.step})`, [
      { title: 'Held', value: showDate(b?.heldOn) },
      { title: 'Attended', value: b?.attendees.join(', ') ?? '' },
      { title: 'Notes', value: b?.notes ?? '' },
    ]);
  },
});
