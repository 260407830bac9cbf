import { z } from 'zod';
import { isRealIsoDate } from '../calendar/calendarDate';
import { academicYearOf, followingYear, isYearSpan } from '../calendar/years';
import { IsoDate } from './common';

export { IsoDate };

/** An academic year, September to August, written like "2025-26". */
export const AcademicYear = z
  .string()
  .regex(/^\d{4}-\d{2}$/, 'must be an academic year written like 2025-26')
  .refine(isYearSpan, 'the second year must follow the first, like 2025-26');
export type AcademicYear = z.infer<typeof AcademicYear>;

export const Term = z.enum(['autumn', 'spring', 'summer']);
export type Term = z.infer<typeof Term>;

/** One half-term: the days the school is open between two breaks (both dates included). */
export const HalfTerm = z
  .object({
    academicYear: AcademicYear,
    term: Term,
    half: z.union([z.literal(1), z.literal(2)]),
    start: IsoDate,
    end: IsoDate,
  })
  .superRefine((half, ctx) => {
    // zod runs this even when a field above failed: only compare dates that parsed.
    if (!isRealIsoDate(half.start) || !isRealIsoDate(half.end)) return;
    if (half.end < half.start) {
      ctx.addIssue({ code: 'custom', path: ['end'], message: `a half-term cannot end (${half.end}) before it starts (${half.start})` });
      return;
    }
    for (const field of ['start', 'end'] as const) {
      if (academicYearOf(half[field]) !== half.academicYear) {
        ctx.addIssue({ code: 'custom', path: [field], message: `${half[field]} is not in academic year ${half.academicYear}` });
      }
    }
  });
export type HalfTerm = z.infer<typeof HalfTerm>;

const describe = (half: HalfTerm): string => `${half.academicYear} ${half.term} ${half.half}`;
/** Position in the year: autumn 1 = 0 ... summer 2 = 5. */
const placeInYear = (half: HalfTerm): number => Term.options.indexOf(half.term) * 2 + half.half - 1;

/**
 * The term dates of a local authority or an academy trust. Half-terms are listed in date order
 * without overlaps, and the academic years follow on with none missing, so every date between
 * the first start and the last end is known to be term or holiday.
 */
export const TermCalendar = z
  .object({
    id: z.string().min(1, 'a term calendar needs an id'),
    name: z.string().trim().min(1, 'a term calendar needs a name'),
    halfTerms: z.array(HalfTerm).min(1, 'a term calendar needs at least one half-term'),
    /** INSET days and other whole-school closures inside term. */
    closures: z.array(IsoDate).default([]),
  })
  .superRefine((calendar, ctx) => {
    calendar.halfTerms.forEach((half, index) => {
      const previous = calendar.halfTerms[index - 1];
      if (previous === undefined) return;
      if (half.start <= previous.end) {
        ctx.addIssue({
          code: 'custom',
          path: ['halfTerms', index, 'start'],
          message: `half-terms must be in date order and must not overlap: ${describe(half)} starts ${half.start}, on or before ${describe(previous)} ends ${previous.end}`,
        });
      } else if (half.academicYear === previous.academicYear && placeInYear(half) <= placeInYear(previous)) {
        ctx.addIssue({
          code: 'custom',
          path: ['halfTerms', index, 'term'],
          message: `half-terms of a year go autumn 1, autumn 2, spring 1, spring 2, summer 1, summer 2: ${describe(half)} cannot follow ${describe(previous)}`,
        });
      } else if (half.academicYear !== previous.academicYear && half.academicYear !== followingYear(previous.academicYear)) {
        ctx.addIssue({
          code: 'custom',
          path: ['halfTerms', index, 'academicYear'],
          message: `academic years must follow on: ${half.academicYear} comes after ${previous.academicYear} with a year missing`,
        });
      }
    });
  });
export type TermCalendar = z.infer<typeof TermCalendar>;

export const BankHoliday = z.object({ date: IsoDate, title: z.string().trim().min(1, 'a bank holiday needs a title') });
export type BankHoliday = z.infer<typeof BankHoliday>;

export const BankHolidays = z.object({
  region: z.string().min(1, 'bank holidays need a region, like england-and-wales'),
  dates: z.array(BankHoliday),
});
export type BankHolidays = z.infer<typeof BankHolidays>;
