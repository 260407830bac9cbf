import { workflowError } from '../errors';
import type { Case } from '../model/case';
import type { RecordBody } from '../model/records';
import { consentLabels, labelOf } from '../labels';
import { fail, ok, type Result } from '../result';

export const isDirectSupport = (body: RecordBody): boolean =>
  body.kind === 'support-session' || (body.kind === 'time' && body.activity === 'direct-work');

/**
 * Rule "No direct support": no step 8 record and no direct-work time before the home visit or
 * Teams call is recorded as held, and never while consent is not "given".
 */
export function directSupportRule(c: Case, body: RecordBody): Result<void> {
  if (!isDirectSupport(body)) return ok(undefined);
  if (c.consent !== 'given') {
    return fail(
      workflowError('DirectSupportWithoutConsent', `No direct support while parental consent is "${labelOf(consentLabels, c.consent).toLowerCase()}". Record consent as given first.`, {
        rule: 'No direct support',
      }),
    );
  }
  if (!c.milestones.homeVisit) {
    return fail(
      workflowError('DirectSupportBeforeHomeVisit', 'No direct support before the home visit or Teams call with the parent/carer is recorded as held.', {
        rule: 'No direct support',
      }),
    );
  }
  if (c.status === 'paused') {
    return fail(workflowError('CasePaused', 'The case is paused: resume it before recording support.', { rule: 'Pause and reallocation' }));
  }
  return ok(undefined);
}
