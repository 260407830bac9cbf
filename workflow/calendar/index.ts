export { readableDate } from './calendarDate';
export { academicYearOf, financialYearOf } from './years';
export { londonDate, londonInstant, londonZone, minutesBetween, WallClockTime } from './londonTime';
export { parseBankHolidays, parseTermCalendars } from './parseTermDates';
export { defaultSupportWeeks, schoolCalendar, schoolDaysPerWeek, type SchoolCalendar } from './schoolCalendar';
