import type { z } from 'zod';
import { workflowError } from '../errors';
import { BankHolidays, TermCalendar } from '../model/termDates';
import { fail, ok, type Result } from '../result';

/** `[1].halfTerms[3].end` for the path of a zod issue. */
const fieldOf = (path: readonly PropertyKey[]): string =>
  path.map((key, index) => (typeof key === 'number' ? `[${key}]` : `${index === 0 ? '' : '.'}${String(key)}`)).join('') || '(root)';

const parseWith = <T>(schema: z.ZodType<T>, what: string, json: unknown): Result<T> => {
  const parsed = schema.safeParse(json);
  if (parsed.success) return ok(parsed.data);
  const issue = parsed.error.issues[0];
  const field = fieldOf(issue?.path ?? []);
  return fail(workflowError('ValidationFailed', `${what}: ${field}: ${issue?.message ?? 'invalid'}`, { field }));
};

const TermCalendars = TermCalendar.array().superRefine((calendars, ctx) => {
  calendars.forEach((calendar, index) => {
    if (calendars.findIndex((other) => other.id === calendar.id) < index) {
      ctx.addIssue({ code: 'custom', path: [index, 'id'], message: `term calendar id ${calendar.id} is used twice` });
    }
  });
});

/** Term calendars from configuration (data/config/term-dates.json): an array of TermCalendar. */
export const parseTermCalendars = (json: unknown): Result<TermCalendar[]> => parseWith(TermCalendars, 'term dates', json);

/** Bank holidays from configuration (data/config/bank-holidays.json). */
export const parseBankHolidays = (json: unknown): Result<BankHolidays> => parseWith(BankHolidays, 'bank holidays', json);
