import type { SchoolCalendar } from '../../calendar/schoolCalendar';
import { plusDays } from '../../calendar/calendarDate';
import type { AcademicYear, IsoDate, Term } from '../../model/termDates';

/** A whole term of one school's calendar: from its first half-term's start to its last one's end. */
export interface WholeTerm {
  academicYear: AcademicYear;
  term: Term;
  start: IsoDate;
  end: IsoDate;
  /** Its last school day (the end itself, unless that is a weekend or a closure). */
  lastSchoolDay: IsoDate;
}

/** The term containing `date`, or the next one when `date` falls in a holiday; undefined past the calendar's dates. */
export function termOf(calendar: SchoolCalendar, date: IsoDate): WholeTerm | undefined {
  const found = calendar.halfTermAtOrAfter(date);
  if (!found.ok) return undefined;
  const { academicYear, term } = found.value;
  const halves = calendar.halfTerms.filter((h) => h.academicYear === academicYear && h.term === term);
  const start = halves[0]?.start;
  const end = halves[halves.length - 1]?.end;
  if (!start || !end) return undefined;
  return { academicYear, term, start, end, lastSchoolDay: lastSchoolDay(calendar, start, end) };
}

/** The term after `term`, by the same calendar. */
export const termAfter = (calendar: SchoolCalendar, term: WholeTerm): WholeTerm | undefined => termOf(calendar, plusDays(term.end, 1));

function lastSchoolDay(calendar: SchoolCalendar, start: IsoDate, end: IsoDate): IsoDate {
  for (let day = end; day >= start; day = plusDays(day, -1)) {
    const open = calendar.isSchoolDay(day);
    if (open.ok && open.value) return day;
  }
  return end;
}
