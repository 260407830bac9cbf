import { raiseSafeguardingConcern, type RecordAdded } from '../../../workflow';
import fieldsTemplate from '../templates/safeguardingForm.json';
import { expandFragment } from '../template';
import { caseFormVerbs } from './caseForm';
import { text } from './formValues';
import { bodyOf, recordOutcome } from './recordOutcome';

/** Rule "Safeguarding": a concern at any time; the DSL is alerted at once and the record is locked. */
export const safeguardingVerbs = caseFormVerbs<RecordAdded>({
  name: 'safeguarding',
  anyStep: true,
  title: 'Safeguarding concern',
  submitTitle: 'Record it and alert the DSL',
  defaults: () => ({ concern: '', actionTaken: '' }),
  fields: (_ctx, _view, values) => expandFragment<unknown[]>(fieldsTemplate, { values }),
  toInput: (v) => ({ concern: text(v, 'concern'), actionTaken: text(v, 'actionTaken') }),
  run: (ctx, input) => raiseSafeguardingConcern(ctx.deps, ctx.actor, input),
  recorded: (ctx, added) => {
    const b = bodyOf(added, 'safeguarding-concern');
    return recordOutcome(
      ctx,
      added,
      'Safeguarding concern recorded',
      [
        { title: 'Concern', value: b?.concern ?? '' },
        { title: 'Action taken', value: b?.actionTaken ?? '' },
        { title: 'Record', value: added.record.locked ? 'Locked: additions only, no edits' : '' },
      ],
      'The DSL has been alerted. The record is locked: it takes additions only, no edits.',
    );
  },
});
