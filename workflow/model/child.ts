import { z } from 'zod';
import { Attribution, Email, Id, IsoDate, NameText, Text } from './common';

export const ParentCarer = z.object({
  name: NameText,
  relationship: Text,
  parentalResponsibility: z.boolean(),
  /** Contact details may be missing: the product then says so rather than guessing. */
  email: Email.optional(),
  phone: z.string().trim().min(1).optional(),
  address: z.string().trim().min(1).optional(),
  preferredContact: z.enum(['email', 'phone', 'letter', 'in-person']).optional(),
  language: z.string().trim().min(1).optional(),
  interpreterNeeded: z.boolean().default(false),
});
export type ParentCarer = z.infer<typeof ParentCarer>;

export const SendStatus = z.enum(['none', 'sen-support', 'ehc-plan']);
export const Gender = z.enum(['female', 'male', 'other', 'not-stated']);

/** What a referral tells us about the child (no ids, no computed fields). */
export const ChildDetails = z.object({
  firstName: NameText,
  lastName: NameText,
  dateOfBirth: IsoDate,
  gender: Gender,
  /** Reception is 0; Year 1..13. */
  yearGroup: z.number().int().min(0).max(13),
  schoolId: Id,
  send: SendStatus,
  pupilPremium: z.boolean(),
  freeSchoolMeals: z.boolean(),
  lookedAfter: z.boolean(),
  parents: z.array(ParentCarer).default([]),
});
export type ChildDetails = z.infer<typeof ChildDetails>;

export const Child = ChildDetails.extend({
  id: Id,
  /** The child's reference, used in folder names instead of their full name. */
  reference: z.string().regex(/^C-[0-9A-Z]{6}$/),
  /** Retention: SEN-related files are kept to date of birth + 31 years (IRMS toolkit). */
  destroyAfter: IsoDate,
  legalHold: z.boolean().default(false),
  /** Normalised name + date of birth + school: finds the child again on a re-referral. */
  matchKey: z.string().min(1),
}).extend(Attribution.shape);
export type Child = z.infer<typeof Child>;
