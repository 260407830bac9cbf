import { schoolCalendar, type SchoolCalendar } from '../../calendar';
import { workflowError } from '../../errors';
import type { School } from '../../model/school';
import type { BankHolidays, TermCalendar } from '../../model/termDates';
import { fail, ok, type Result } from '../../result';
import type { WorkflowDeps } from '../deps';

/**
 * Calendars already worked out, by the configuration they were worked out from (building one
 * walks every day of its years: tens of milliseconds). Keyed weakly by the config's own objects,
 * so a changed configuration is a new key and an old one is let go.
 */
const built = new WeakMap<TermCalendar, WeakMap<BankHolidays, SchoolCalendar>>();

function schoolCalendarOf(calendar: TermCalendar, bankHolidays: BankHolidays): SchoolCalendar {
  const byHolidays = built.get(calendar) ?? new WeakMap<BankHolidays, SchoolCalendar>();
  built.set(calendar, byHolidays);
  const found = byHolidays.get(bankHolidays);
  if (found) return found;
  const made = schoolCalendar(calendar, bankHolidays);
  byHolidays.set(bankHolidays, made);
  return made;
}

/** The school's own term dates, or the authority's default. */
export function calendarForSchool(deps: WorkflowDeps, school: Pick<School, 'termCalendarId'>): Result<SchoolCalendar> {
  const id = school.termCalendarId ?? deps.config.defaultTermCalendarId;
  const calendar = deps.config.termCalendars.find((c) => c.id === id);
  if (!calendar) return fail(workflowError('TermDatesMissing', `No term dates are configured for calendar "${id}".`));
  return ok(schoolCalendarOf(calendar, deps.config.bankHolidays));
}

export async function calendarForSchoolId(deps: WorkflowDeps, schoolId: string): Promise<Result<SchoolCalendar>> {
  const school = await deps.stores.schools.get(schoolId);
  if (!school) return fail(workflowError('NotFound', `School ${schoolId} is not on the Schools list.`, { field: 'schoolId' }));
  return calendarForSchool(deps, school);
}
