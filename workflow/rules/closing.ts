import { workflowError } from '../errors';
import type { Case } from '../model/case';
import { fail, ok, type Result } from '../result';

/**
 * Rule "Closing": the normal close follows a review that ended, with the End of Outreach Report
 * filed and sent and an evaluation request sent. Returns what is still missing, if anything.
 */
export function normalCloseRule(c: Case): Result<void> {
  const m = c.milestones;
  if (m.lastReview?.outcome !== 'end') {
    return fail(workflowError('InvalidState', 'A case closes normally only after a review that ends the support.', { rule: 'Closing' }));
  }
  const missing = [
    !m.endReportFiled && 'the End of Outreach Report filed in the child\'s folder',
    !m.endReportSent && 'the report sent to the school',
    !m.evaluationRequested && 'the evaluation request sent',
  ].filter((x): x is string => Boolean(x));
  if (missing.length) return fail(workflowError('InvalidState', `Still needed before closing: ${missing.join(', ')}.`, { rule: 'Closing' }));
  return ok(undefined);
}

export function openCaseRule(c: Case): Result<void> {
  if (c.status === 'closed') return fail(workflowError('CaseClosed', `Case ${c.reference} is closed.`, { rule: 'Closing' }));
  return ok(undefined);
}
