import type { Case } from '../../model/case';
import type { Result } from '../../result';
import { contractDates, type ContractDates } from '../../rules/contractTerms';
import { pausedDays } from '../../rules/pause';
import type { WorkflowDeps } from '../deps';
import { calendarForSchoolId } from '../support/calendarFor';
import { now } from '../support/time';

/**
 * For a contract on case `c` starting on `startDate`: the last day of support and the latest
 * review date rule "Contract" allows, as draftContract will check them (the school's term
 * dates, the case's paused days). The draft form's default and bounds for the review date.
 */
export async function contractDatesFor(deps: WorkflowDeps, c: Pick<Case, 'schoolId' | 'pauses'>, startDate: string): Promise<Result<ContractDates>> {
  const calendar = await calendarForSchoolId(deps, c.schoolId);
  if (!calendar.ok) return calendar;
  return contractDates(startDate, calendar.value, pausedDays(c.pauses, now(deps).today));
}
