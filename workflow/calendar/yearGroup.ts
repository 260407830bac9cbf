import { yearAndMonth } from './calendarDate';

export const RECEPTION = 0;
export const LAST_YEAR_GROUP = 13;
/** In England a child starts Reception in the September after turning 4. */
const AGE_IN_RECEPTION = 4;

/**
 * The English school year group (Reception = 0, Year 1..13) of a child born on `dateOfBirth`
 * in the academic year that `onDate` falls in: their age on the 31 August before that year
 * starts, less 4. Undefined for a child too young for Reception or past Year 13.
 * Throws on a malformed date.
 */
export function yearGroupOf(dateOfBirth: string, onDate: string): number | undefined {
  const on = yearAndMonth(onDate);
  const startYear = on.month >= 9 ? on.year : on.year - 1;
  const born = yearAndMonth(dateOfBirth);
  // Born in September or later: not yet had that year's birthday by 31 August.
  const ageOn31August = startYear - born.year - (born.month >= 9 ? 1 : 0);
  const group = ageOn31August - AGE_IN_RECEPTION;
  return group >= RECEPTION && group <= LAST_YEAR_GROUP ? group : undefined;
}

/** "Reception" or "Year 5". */
export const yearGroupName = (group: number): string => (group === RECEPTION ? 'Reception' : `Year ${group}`);
