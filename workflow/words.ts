/**
 * Words that agree with how many there are, for texts written to people ("Delphine Wrenfield
 * (Mother) has been told", "two parents have been told").
 */

/** `one` for exactly one, `many` otherwise (none included: "0 cases"). */
export const agree = (count: number, one: string, many: string): string => (count === 1 ? one : many);

/** "1 case", "3 cases", "1 person", "2 people". */
export const counted = (count: number, one: string, many = `${one}s`): string => `${count} ${agree(count, one, many)}`;

/** "A", "A and B", "A, B and C" (or with "or"). */
export const listed = (items: readonly string[], last: 'and' | 'or' = 'and'): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${last} ${items.at(-1) ?? ''}`;

/** "A has been told", "A and B have been told". */
export const haveBeen = (who: readonly string[], done: string): string => `${listed(who)} ${agree(who.length, 'has', 'have')} been ${done}`;
