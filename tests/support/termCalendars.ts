import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseBankHolidays, parseTermCalendars } from '../../workflow/calendar/parseTermDates';
import { schoolCalendar, type SchoolCalendar } from '../../workflow/calendar/schoolCalendar';
import type { Result } from '../../workflow/result';

/** The value of a result that must be ok (a failing test shows the error). */
export const valueOf = <T>(result: Result<T>): T => {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
};

const readConfig = (file: string): unknown => JSON.parse(readFileSync(join(__dirname, '../../data/config', file), 'utf8'));
const calendars = valueOf(parseTermCalendars(readConfig('term-dates.json')));
const bankHolidays = valueOf(parseBankHolidays(readConfig('bank-holidays.json')));

/** A school calendar from the shipped term dates and bank holidays, by its id (e.g. `northvale-la`). */
export function shippedSchoolCalendar(id: string): SchoolCalendar {
  const found = calendars.find((c) => c.id === id);
  if (!found) throw new Error(`no calendar ${id} in data/config/term-dates.json`);
  return schoolCalendar(found, bankHolidays);
}
