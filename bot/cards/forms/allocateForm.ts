import { allocateCase, reallocateCase, type Case, type Versioned } from '../../../workflow';
import type { CardContext } from '../card';
import type { Outcome } from '../outcomes';
import { recordedBy } from '../recordedBy';
import { staffNames } from '../staffNames';
import fieldsTemplate from '../templates/allocateForm.json';
import { expandFragment } from '../template';
import { caseFormVerbs } from './caseForm';
import { text, type FormValues } from './formValues';
import { workerChoices } from './workerChoices';

/** The workers, most free this half-term first, with the suggestion chosen unless a worker already is. */
async function workerFields(ctx: CardContext, values: FormValues, withReason: boolean, currentWorkerId?: string): Promise<unknown[]> {
  const { choices, suggested, suggestion } = await workerChoices(ctx, currentWorkerId);
  const chosen = { ...values, workerId: values.workerId || suggested };
  return expandFragment<unknown[]>(fieldsTemplate, { values: chosen, workers: choices, suggestion, withReason });
}

async function allocatedOutcome(ctx: CardContext, c: Versioned<Case>, headline: string): Promise<Outcome> {
  const nameOf = await staffNames(ctx);
  return {
    headline,
    tone: 'good',
    facts: [{ title: 'Worker', value: nameOf(c.workerId) }],
    detail: 'The worker has been told.',
    by: await recordedBy(ctx, c.updatedBy, c.updatedAt),
  };
}

/** Step 2: the manager allocates the case to a worker, seeing each worker's free time this half-term. */
export const allocateVerbs = caseFormVerbs<Versioned<Case>>({
  name: 'allocate',
  roles: ['manager'],
  roleAction: 'allocate a case',
  title: 'Allocate the case',
  submitTitle: 'Allocate',
  defaults: () => ({ workerId: '', reason: '' }),
  fields: (ctx, _view, values) => workerFields(ctx, values, false),
  toInput: (v) => ({ workerId: text(v, 'workerId') }),
  run: (ctx, input) => allocateCase(ctx.deps, ctx.actor, input),
  recorded: (ctx, c) => allocatedOutcome(ctx, c, 'Case allocated'),
});

/** Pause and reallocation: the manager moves the case to another worker, with a reason. */
export const reallocateVerbs = caseFormVerbs<Versioned<Case>>({
  name: 'reallocate',
  anyStep: true,
  roles: ['manager'],
  roleAction: 'reallocate a case',
  title: 'Reallocate the case',
  submitTitle: 'Reallocate',
  defaults: () => ({ workerId: '', reason: '' }),
  fields: (ctx, view, values) => workerFields(ctx, values, true, view.case.workerId),
  toInput: (v) => ({ workerId: text(v, 'workerId'), reason: text(v, 'reason') }),
  run: (ctx, input) => reallocateCase(ctx.deps, ctx.actor, input),
  recorded: (ctx, c) => allocatedOutcome(ctx, c, 'Case reallocated'),
});
