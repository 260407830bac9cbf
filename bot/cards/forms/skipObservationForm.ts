import { skipFurtherObservation, type RecordAdded } from '../../../workflow';
import fieldsTemplate from '../templates/skipObservationForm.json';
import { expandFragment } from '../template';
import { caseFormVerbs } from './caseForm';
import { text } from './formValues';
import { bodyOf, recordOutcome } from './recordOutcome';

/** Step 6 skipped: no further observation, with the worker's reason on record (rule "Step 6"). */
export const skipObservationVerbs = caseFormVerbs<RecordAdded>({
  name: 'skip-observation',
  title: 'Skip the further observation (step 6)',
  submitTitle: 'Record the reason',
  defaults: () => ({ reason: '' }),
  fields: (_ctx, _view, values) => expandFragment<unknown[]>(fieldsTemplate, { values }),
  toInput: (v) => ({ reason: text(v, 'reason') }),
  run: (ctx, input) => skipFurtherObservation(ctx.deps, ctx.actor, input),
  recorded: (ctx, added) => {
    const b = bodyOf(added, 'observation-skipped');
    return recordOutcome(ctx, added, `Further observation skipped (step ${added.record.step})`, [{ title: 'Reason', value: b?.reason ?? '' }]);
  },
});
