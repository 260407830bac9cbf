import { z } from 'zod';
import { isRealIsoDate } from '../calendar/calendarDate';

/** A calendar date, `YYYY-MM-DD`, read in Europe/London. */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
  .refine(isRealIsoDate, 'must be a real date');
export type IsoDate = z.infer<typeof IsoDate>;

/** An instant, ISO 8601 with offset (as Graph and SharePoint return them). */
export const Instant = z.iso.datetime({ offset: true });
export type Instant = z.infer<typeof Instant>;

/** A person in Microsoft 365: their Entra object id (`oid`, `from.aadObjectId`). */
export const EntraId = z.string().min(1, 'a Microsoft 365 user id is required');
export type EntraId = z.infer<typeof EntraId>;

export const Id = z.string().min(1);
export type Id = z.infer<typeof Id>;

/**
 * Ids as they enter from a card or an activity, checked for their shape before any lookup:
 * an Entra object id is a GUID; a SharePoint list item id (case, record, contract, school,
 * purchase) is a whole number.
 */
export const EntraObjectId = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'must be a Microsoft 365 user id (a GUID)');
export const ListItemId = z.string().regex(/^[1-9][0-9]{0,14}$/, 'must be a list item id (a whole number)');

/** What a required text left empty is told, wherever no more particular message is given. */
export const mustNotBeEmpty = 'must not be empty';

/** The rule (PRODUCT.md "Rules") a value out of its plausible range breaks; `parseInput` names it. */
export const plausibleFacts = 'Plausible facts';

/**
 * Longest texts kept: a name goes into the child's match key and folder name (SharePoint text
 * columns and path segments hold 255 characters); free text goes into the item's Payload.
 */
export const textLimits = { name: 100, line: 255, text: 4000 } as const;

/** A text of at most `max` characters; longer is refused under "Plausible facts", naming the field. */
export const upTo = <S extends z.ZodString>(schema: S, max: number): S =>
  schema.refine((v) => v.length <= max, { message: `must be at most ${max} characters`, params: { rule: plausibleFacts } });

/** Free text typed by staff: trimmed, not empty, within the Payload's room. */
export const Text = upTo(z.string().trim().min(1, mustNotBeEmpty), textLimits.text);

/** A person's first or last name. */
export const NameText = upTo(z.string().trim().min(1, mustNotBeEmpty), textLimits.name);

/** Hours worked or delivered: 5 minutes to 12 hours. */
export const WorkedHours = z
  .number()
  .refine((h) => h >= 5 / 60 && h <= 12, { message: 'must be between 5 minutes and 12 hours (0.09 to 12)', params: { rule: plausibleFacts } });

export const Email = z.email('must be an e-mail address');

/** Who made a change and when: every stored item carries it. */
export const Attribution = z.object({
  createdBy: EntraId,
  createdAt: Instant,
  updatedBy: EntraId,
  updatedAt: Instant,
});
export type Attribution = z.infer<typeof Attribution>;

export const FinancialYear = z.string().regex(/^\d{4}-\d{2}$/, 'must be a financial year like 2025-26');
