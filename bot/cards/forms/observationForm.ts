import { recordObservation, type RecordAdded } from '../../../workflow';
import fieldsTemplate from '../templates/observationForm.json';
import { showDate } from '../format';
import { recordedBy } from '../recordedBy';
import { expandFragment } from '../template';
import { caseFormVerbs } from './caseForm';
import { eventDates } from './dateBounds';
import { lines, text, type FormValues } from './formValues';

/** Steps 3 and 6: the Observation Form (outcome, way forward, the school's strategies checked). */
export const observationVerbs = caseFormVerbs<RecordAdded>({
  name: 'observation',
  title: 'Observation',
  submitTitle: 'Record the observation',
  defaults: (ctx, view) => ({
    observedOn: eventDates(ctx, view).value,
    setting: '',
    focus: 'classroom',
    outcome: '',
    wayForward: '',
    strategiesInUse: '',
    strategiesPartly: '',
    strategiesNotWorking: '',
    strategiesNotInUse: '',
  }),
  fields: (ctx, view, values) => expandFragment<unknown[]>(fieldsTemplate, { values, dates: eventDates(ctx, view) }),
  toInput: (values) => ({
    observedOn: text(values, 'observedOn'),
    setting: text(values, 'setting'),
    focus: text(values, 'focus'),
    outcome: text(values, 'outcome'),
    wayForward: text(values, 'wayForward'),
    strategiesChecked: strategies(values),
  }),
  run: (ctx, input) => recordObservation(ctx.deps, ctx.actor, input),
  recorded: async (ctx, added) => {
    const body = added.record.body.kind === 'observation' ? added.record.body : undefined;
    return {
      headline: `Observation recorded (step ${added.record.step})`,
      tone: 'good',
      facts: [
        { title: 'Observed', value: showDate(body?.observedOn) },
        { title: 'Setting', value: body?.setting ?? '' },
        { title: 'Outcome', value: body?.outcome ?? '' },
        { title: 'Way forward', value: body?.wayForward ?? '' },
        { title: 'Strategies checked', value: String(body?.strategiesChecked.length ?? 0) },
      ],
      by: await recordedBy(ctx, added.record.createdBy, added.record.createdAt),
    };
  },
});

function strategies(values: FormValues) {
  const group = (field: string, inUse: boolean, effective: 'yes' | 'partly' | 'no' | 'not-known') =>
    lines(values, field).map((strategy) => ({ strategy, inUse, effective }));
  return [
    ...group('strategiesInUse', true, 'yes'),
    ...group('strategiesPartly', true, 'partly'),
    ...group('strategiesNotWorking', true, 'no'),
    ...group('strategiesNotInUse', false, 'not-known'),
  ];
}
