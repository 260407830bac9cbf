import { addChronologyEntry, type RecordAdded } from '../../../workflow';
import { showDate, todayIn } from '../format';
import fieldsTemplate from '../templates/chronologyForm.json';
import { expandFragment } from '../template';
import { caseFormVerbs } from './caseForm';
import { text } from './formValues';
import { bodyOf, recordOutcome } from './recordOutcome';
import { choicesOf, chronologyTitles } from './supportLabels';

/** The Chronology Log: notes and updates to school and home, at any time (closed cases too). */
export const chronologyVerbs = caseFormVerbs<RecordAdded>({
  name: 'chronology',
  anyStep: true,
  title: 'Chronology entry',
  submitTitle: 'Add to the chronology',
  defaults: (ctx) => ({ on: todayIn(ctx.deps.clock.now()), category: 'note', note: '' }),
  fields: (_ctx, _view, values) => expandFragment<unknown[]>(fieldsTemplate, { values, categories: choicesOf(chronologyTitles) }),
  toInput: (v) => ({ on: text(v, 'on'), category: text(v, 'category'), note: text(v, 'note') }),
  run: (ctx, input) => addChronologyEntry(ctx.deps, ctx.actor, input),
  recorded: (ctx, added) => {
    const b = bodyOf(added, 'chronology');
    return recordOutcome(ctx, added, 'Chronology entry added', [
      { title: 'Date', value: showDate(b?.on) },
      { title: 'Kind', value: b ? chronologyTitles[b.category] : '' },
      { title: 'Note', value: b?.note ?? '' },
    ]);
  },
});
