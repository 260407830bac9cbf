import { workflowError } from '../errors';
import type { Case } from '../model/case';
import type { RecordBody } from '../model/records';
import { fail, ok, type Result } from '../result';
import { currentStep, describeStep, isStepRecorded, type StepNumber } from '../process/steps';

/** Record kinds that belong to no step and can be added at any time (step 10, notes, concerns). */
const anyTime = new Set<RecordBody['kind']>(['chronology', 'safeguarding-concern', 'addendum', 'evaluation-request', 'lone-working']);

/** The step a new record belongs to, given how far the case has come. */
export function stepOfRecord(c: Case, body: RecordBody): StepNumber {
  switch (body.kind) {
    case 'information-returned':
      return 2;
    case 'observation':
      return c.milestones.firstObservation ? 6 : 3;
    case 'observation-skipped':
      return 6;
    case 'meeting':
      if (body.purpose === 'initial-school') return 4;
      if (body.purpose === 'contract') return 7;
      if (body.purpose === 'review') return 9;
      return 10;
    case 'home-visit':
      return 5;
    case 'support-session':
      return 8;
    case 'time':
      return body.activity === 'direct-work' ? 8 : 10;
    case 'review':
      return 9;
    case 'report':
      return body.reportType === 'end-of-outreach' ? 9 : 10;
    default:
      return 10;
  }
}

/**
 * Rule "Order": a step's record can be added only when the steps before it are recorded.
 * Step 10 records, chronology notes and safeguarding concerns can be added at any time; booking
 * is never restricted (that is not a record). A direct-work time entry is governed by the direct
 * support rule instead, so time can be logged from the home visit on.
 */
export function orderRule(c: Case, body: RecordBody): Result<StepNumber> {
  const step = stepOfRecord(c, body);
  if (step === 10 || anyTime.has(body.kind) || body.kind === 'time') return ok(step);
  const before = stepsBeforeRule(c, step);
  return before.ok ? ok(step) : before;
}

/** The steps before `step` are all recorded, or the error names the first one missing. */
export function stepsBeforeRule(c: Case, step: StepNumber): Result<void> {
  for (let earlier = 2; earlier < step; earlier++) {
    const s = earlier as StepNumber;
    if (!isStepRecorded(c, s)) {
      return fail(
        workflowError('OrderRule', `${describeStep(step)} can be recorded only after ${describeStep(s)}. Next: ${describeStep(currentStep(c))}.`, {
          rule: 'Order',
        }),
      );
    }
  }
  return ok(undefined);
}
