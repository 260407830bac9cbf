import { recordInformationReturned, type RecordAdded } from '../../../workflow';
import { showDate } from '../format';
import fieldsTemplate from '../templates/informationReturnedForm.json';
import { expandFragment } from '../template';
import { caseFormVerbs } from './caseForm';
import { eventDates } from './dateBounds';
import { flag, text } from './formValues';
import { bodyOf, recordOutcome } from './recordOutcome';

const yesNo = (b: boolean | undefined): string => (b ? 'Yes' : 'No');

/** Step 2: the school's information form and the PDP came back. */
export const informationReturnedVerbs = caseFormVerbs<RecordAdded>({
  name: 'information-returned',
  title: 'Information returned by the school',
  submitTitle: 'Record it',
  defaults: (ctx, view) => ({ returnedOn: eventDates(ctx, view).value, formReturned: 'true', pdpReturned: 'true', notes: '' }),
  fields: (ctx, view, values) => expandFragment<unknown[]>(fieldsTemplate, { values, dates: eventDates(ctx, view) }),
  // A date left empty on the form is refused as before; no date at all (the case card's "Information returned today") is today, by the use case.
  toInput: (v) => ({ ...('returnedOn' in v ? { returnedOn: v.returnedOn?.trim() ?? '' } : {}), formReturned: flag(v, 'formReturned'), pdpReturned: flag(v, 'pdpReturned'), ...(text(v, 'notes') ? { notes: text(v, 'notes') } : {}) }),
  run: (ctx, input) => recordInformationReturned(ctx.deps, ctx.actor, input),
  recorded: (ctx, added) => {
    const b = bodyOf(added, 'information-returned');
    return recordOutcome(ctx, added, 'Information returned recorded', [
      { title: 'Returned', value: showDate(b?.returnedOn) },
      { title: 'Information form', value: yesNo(b?.formReturned) },
      { title: 'PDP', value: yesNo(b?.pdpReturned) },
      { title: 'Notes', value: b?.notes ?? '' },
    ]);
  },
});
