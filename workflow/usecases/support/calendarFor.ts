import { schoolCalendar, type SchoolCalendar } from '../../calendar';
import { workflowError } from '../../errors';
import type { School } from '../../model/school';
import { fail, ok, type Result } from '../../result';
import type { WorkflowDeps } from '../deps';

/** The school's own term dates, or the authority's default. */
export function calendarForSchool(deps: WorkflowDeps, school: Pick<School, 'termCalendarId'>): Result<SchoolCalendar> {
  const id = school.termCalendarId ?? deps.config.defaultTermCalendarId;
  const calendar = deps.config.termCalendars.find((c) => c.id === id);
  if (!calendar) return fail(workflowError('TermDatesMissing', `No term dates are configured for calendar "${id}".`));
  return ok(schoolCalendar(calendar, deps.config.bankHolidays));
}

export async function calendarForSchoolId(deps: WorkflowDeps, schoolId: string): Promise<Result<SchoolCalendar>> {
  const school = await deps.stores.schools.get(schoolId);
  if (!school) return fail(workflowError('NotFound', `School ${schoolId} is not on the Schools list.`, { field: 'schoolId' }));
  return calendarForSchool(deps, school);
}
