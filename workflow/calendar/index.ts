export { readableDate, readableDateTime, readableTime } from './showDates';
export { academicYearOf, financialYearOf } from './years';
export { yearGroupName, yearGroupOf } from './yearGroup';
export { londonDate, londonInstant, londonZone, minutesBetween, WallClockTime } from './londonTime';
export { parseBankHolidays, parseTermCalendars } from './parseTermDates';
export { defaultSupportWeeks, schoolCalendar, schoolDaysPerWeek, type SchoolCalendar } from './schoolCalendar';
