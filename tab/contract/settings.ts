/**
 * The settings pages as both sides read them: staff and roles, schools, purchases, price lists,
 * term dates and the team channel. Admins change them; managers read them. Every change names
 * the version it was made from (`etag`): a change made from an older page is refused (409), so
 * two people editing at once never overwrite each other. The server validates each change with
 * the workflow's own schemas (400 naming the field). Imports zod only.
 */
import { z } from 'zod';
import { apiBase } from './api';

const s = `${apiBase}/settings`;
export const settingsRoutes = {
  /** GET: the Staff list. POST: add a member of staff. */
  staff: `${s}/staff`,
  /** PUT: change one member of staff (roles, capacity, active, name, e-mail). */
  staffMember: (id: string) => `${s}/staff/${encodeURIComponent(id)}`,
  /** GET: the schools. POST: add one. */
  schools: `${s}/schools`,
  /** PUT: change one school (contacts, type, phase, term calendar). */
  school: (id: string) => `${s}/schools/${encodeURIComponent(id)}`,
  /** GET ?year=<financial year>: the purchases of a financial year. POST: record one. */
  purchases: `${s}/purchases`,
  /** GET: the price lists, one per financial year. */
  priceLists: `${s}/price-lists`,
  /** PUT: replace one financial year's price list. */
  priceList: (financialYear: string) => `${s}/price-lists/${encodeURIComponent(financialYear)}`,
  /** GET: the term calendars and which is the authority's default. */
  termCalendars: `${s}/term-calendars`,
  /** PUT: replace one term calendar. */
  termCalendar: (id: string) => `${s}/term-calendars/${encodeURIComponent(id)}`,
  /** GET / PUT: the Teams channel new referrals and decisions are posted in. */
  teamChannel: `${s}/team-channel`,
} as const;

/** Every settings answer says whether the person may change what they see. */
const Editable = z.object({ canEdit: z.boolean() });
const Etag = z.string().min(1, 'say which version you changed (etag)');

export const Role = z.enum(['worker', 'manager', 'admin', 'dsl']);

export const StaffMember = z.object({
  id: z.string(),
  userId: z.string(),
  displayName: z.string(),
  email: z.string(),
  roles: z.array(Role),
  active: z.boolean(),
  capacityHours: z.number(),
  etag: z.string(),
});
export type StaffMember = z.infer<typeof StaffMember>;
export const StaffSettings = Editable.extend({ staff: z.array(StaffMember) });
export type StaffSettings = z.infer<typeof StaffSettings>;
export const StaffChange = z.object({
  displayName: z.string(),
  email: z.string(),
  roles: z.array(Role),
  active: z.boolean(),
  capacityHours: z.number(),
  etag: Etag,
});
export type StaffChange = z.infer<typeof StaffChange>;
export const NewStaffMember = StaffChange.omit({ etag: true, active: true }).extend({ userId: z.string() });
export type NewStaffMember = z.infer<typeof NewStaffMember>;

export const SchoolContact = z.object({ name: z.string(), email: z.string(), phone: z.string().optional() });
export const SchoolFields = z.object({
  name: z.string(),
  urn: z.string(),
  type: z.enum(['maintained', 'academy', 'other']),
  phase: z.enum(['primary', 'secondary', 'all-through']),
  localAuthority: z.string(),
  headteacher: SchoolContact,
  senco: SchoolContact,
  finance: SchoolContact,
  /** Absent: the authority's default calendar. */
  termCalendarId: z.string().optional(),
});
export const SchoolSetting = SchoolFields.extend({
  id: z.string(),
  etag: z.string(),
  /** Financial years whose Universal Offer the school bought. */
  universalOfferYears: z.array(z.string()),
});
export type SchoolSetting = z.infer<typeof SchoolSetting>;
export const SchoolSettings = Editable.extend({ schools: z.array(SchoolSetting), termCalendars: z.array(z.object({ id: z.string(), name: z.string() })), defaultTermCalendarId: z.string() });
export type SchoolSettings = z.infer<typeof SchoolSettings>;
export const SchoolChange = SchoolFields.extend({ etag: Etag });
export type SchoolChange = z.infer<typeof SchoolChange>;
export const NewSchool = SchoolFields;
export type NewSchool = z.infer<typeof NewSchool>;

export const PurchaseSetting = z.object({
  id: z.string(),
  schoolId: z.string(),
  schoolName: z.string(),
  packageCode: z.string(),
  packageName: z.string(),
  financialYear: z.string(),
  purchasedOn: z.string(),
  purchaseOrderNumber: z.string().optional(),
  invoiceStatus: z.enum(['not-invoiced', 'invoiced', 'paid']),
  hours: z.number(),
  price: z.number(),
  /** The case drawing on it (its reference), if any. */
  caseReference: z.string().optional(),
});
export type PurchaseSetting = z.infer<typeof PurchaseSetting>;
export const PurchaseSettings = Editable.extend({ financialYear: z.string(), years: z.array(z.string()), purchases: z.array(PurchaseSetting) });
export type PurchaseSettings = z.infer<typeof PurchaseSettings>;
export const NewPurchase = z.object({
  schoolId: z.string(),
  packageCode: z.string(),
  financialYear: z.string(),
  purchasedOn: z.string(),
  purchaseOrderNumber: z.string().optional(),
  /** The same key sent again (a double click, a retry) records the purchase once. */
  requestKey: z.string().min(8).max(100),
});
export type NewPurchase = z.infer<typeof NewPurchase>;

export const PriceListItemSetting = z.object({
  code: z.string(),
  name: z.string(),
  kind: z.enum(['universal-offer', 'package', 'consultancy', 'training', 'placement']),
  hours: z.number(),
  price: z.number(),
  runsAlongside: z.boolean().optional(),
  requires: z.string().optional(),
  drawsFor: z.array(z.string()).optional(),
});
export const PriceListSetting = z.object({
  financialYear: z.string(),
  consultancyRatePerHour: z.number(),
  travelCountsTowardHours: z.boolean(),
  items: z.array(PriceListItemSetting),
  /** The version this list was read at ("file" for the list shipped with the product, never changed yet). */
  etag: z.string(),
});
export type PriceListSetting = z.infer<typeof PriceListSetting>;
export const PriceListSettings = Editable.extend({ priceLists: z.array(PriceListSetting) });
export type PriceListSettings = z.infer<typeof PriceListSettings>;
export const PriceListChange = PriceListSetting.omit({ financialYear: true });
export type PriceListChange = z.infer<typeof PriceListChange>;

export const HalfTermSetting = z.object({
  academicYear: z.string(),
  term: z.enum(['autumn', 'spring', 'summer']),
  half: z.union([z.literal(1), z.literal(2)]),
  start: z.string(),
  end: z.string(),
});
export const TermCalendarSetting = z.object({
  id: z.string(),
  name: z.string(),
  halfTerms: z.array(HalfTermSetting),
  closures: z.array(z.string()),
  /** How many schools follow it (the default calendar: also those with none of their own). */
  schools: z.number().int(),
  etag: z.string(),
});
export type TermCalendarSetting = z.infer<typeof TermCalendarSetting>;
export const TermCalendarSettings = Editable.extend({ calendars: z.array(TermCalendarSetting), defaultTermCalendarId: z.string() });
export type TermCalendarSettings = z.infer<typeof TermCalendarSettings>;
export const TermCalendarChange = TermCalendarSetting.omit({ id: true, schools: true });
export type TermCalendarChange = z.infer<typeof TermCalendarChange>;

export const TeamChannelSetting = Editable.extend({
  /** The channel's id (19:...@thread.tacv2); absent: nothing is posted to a channel. */
  channelId: z.string().optional(),
  etag: z.string(),
});
export type TeamChannelSetting = z.infer<typeof TeamChannelSetting>;
export const TeamChannelChange = z.object({ channelId: z.string().optional(), etag: Etag });
export type TeamChannelChange = z.infer<typeof TeamChannelChange>;

/** What a change answers: the saved item's new version, and a sentence saying what changed. */
export const Saved = z.object({ etag: z.string(), message: z.string() });
export type Saved = z.infer<typeof Saved>;
