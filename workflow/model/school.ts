import { z } from 'zod';
import { Email, Id, Text } from './common';

export const SchoolType = z.enum(['maintained', 'academy', 'other']);

export const Contact = z.object({
  name: Text,
  email: Email,
  phone: z.string().trim().optional(),
});
export type Contact = z.infer<typeof Contact>;

export const School = z.object({
  id: Id,
  name: Text,
  urn: z.string().regex(/^\d{6}$/, 'a URN has six digits'),
  type: SchoolType,
  phase: z.enum(['primary', 'secondary', 'all-through']),
  localAuthority: Text,
  headteacher: Contact,
  senco: Contact,
  finance: Contact,
  /** The school's own term calendar; absent means the authority's default. */
  termCalendarId: z.string().optional(),
});
export type School = z.infer<typeof School>;
