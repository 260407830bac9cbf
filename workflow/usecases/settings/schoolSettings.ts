import { z } from 'zod';
import { ItemNotFound, UniqueValueTaken, VersionConflict, workflowError } from '../../errors';
import type { PriceList } from '../../model/priceList';
import { School } from '../../model/school';
import type { Versioned } from '../../ports/store';
import { fail, ok, type Result } from '../../result';
import type { UseCase, WorkflowDeps } from '../deps';
import { audit } from '../support/audit';
import { parseInput } from '../support/input';
import type { Saved } from './priceLists';
import { canEditSettings, mayChangeSettings, mayReadSettings } from './settingsAccess';
import { staleChange } from './staleChange';

export interface SchoolsView {
  canEdit: boolean;
  schools: Array<Versioned<School> & { universalOfferYears: string[] }>;
  termCalendars: Array<{ id: string; name: string }>;
  defaultTermCalendarId: string;
}

const universalOfferCodes = (lists: readonly PriceList[]): Set<string> =>
  new Set(lists.flatMap((l) => l.items.filter((i) => i.kind === 'universal-offer').map((i) => `${l.financialYear}:${i.code}`)));

/** The schools by name, the financial years each bought the Universal Offer, and the term calendars to choose from. */
export const listSchoolSettings: UseCase<void, SchoolsView> = async (deps, actor) => {
  const allowed = mayReadSettings(actor);
  if (!allowed.ok) return allowed;
  const [schools, purchases] = await Promise.all([deps.stores.schools.list(), deps.stores.purchases.list()]);
  const offers = universalOfferCodes(deps.config.priceLists);
  const offerYears = (schoolId: string) =>
    [...new Set(purchases.filter((p) => p.schoolId === schoolId && offers.has(`${p.financialYear}:${p.packageCode}`)).map((p) => p.financialYear))].sort();
  return ok({
    canEdit: canEditSettings(actor),
    schools: schools.sort((a, b) => a.name.localeCompare(b.name)).map((s) => ({ ...s, universalOfferYears: offerYears(s.id) })),
    termCalendars: deps.config.termCalendars.map((c) => ({ id: c.id, name: c.name })),
    defaultTermCalendarId: deps.config.defaultTermCalendarId,
  });
};

/** A school's calendar must be one the service has (absent: the authority's default). */
function knownCalendar(deps: WorkflowDeps, school: Pick<School, 'termCalendarId'>): Result<void> {
  if (school.termCalendarId === undefined || deps.config.termCalendars.some((c) => c.id === school.termCalendarId)) return ok(undefined);
  return fail(workflowError('ValidationFailed', `termCalendarId: there is no term calendar "${school.termCalendarId}": choose one of the term calendars, or none for the authority's default.`, { field: 'termCalendarId' }));
}

const urnTaken = (urn: string) => fail(workflowError('InvalidState', `Another school on the Schools list has URN ${urn}: a URN belongs to one school.`, { field: 'urn' }));

const NewSchool = School.omit({ id: true });

/** Adds a school: referrals from it can be taken at once. */
export const addSchool: UseCase<unknown, Saved & { id: string }> = async (deps, actor, raw) => {
  const allowed = mayChangeSettings(actor, 'the Schools list');
  if (!allowed.ok) return allowed;
  const input = parseInput(NewSchool, raw);
  if (!input.ok) return input;
  const calendar = knownCalendar(deps, input.value);
  if (!calendar.ok) return calendar;
  try {
    const { item, created } = await deps.stores.schools.create(input.value, `settings-school:${input.value.urn}`);
    if (!created) return urnTaken(input.value.urn);
    await audit(deps, actor, 'settings.school.changed', undefined, `added:${item.id}`, { schoolId: item.id, change: 'added', urn: item.urn });
    return ok({ id: item.id, etag: item.etag, message: `${item.name} is on the Schools list.` });
  } catch (error) {
    if (error instanceof UniqueValueTaken) return urnTaken(input.value.urn);
    throw error;
  }
};

const Change = School.extend({ etag: z.string().min(1, 'say which version you changed (etag)') });

/** Changes a school's details, contacts or term calendar (none: the authority's default). */
export const changeSchool: UseCase<unknown, Saved> = async (deps, actor, raw) => {
  const allowed = mayChangeSettings(actor, 'the Schools list');
  if (!allowed.ok) return allowed;
  const input = parseInput(Change, raw);
  if (!input.ok) return input;
  const { id, etag, ...fields } = input.value;
  const calendar = knownCalendar(deps, fields);
  if (!calendar.ok) return calendar;
  const current = await deps.stores.schools.get(id);
  if (!current) return fail(workflowError('NotFound', 'That school is not on the Schools list.', { field: 'id' }));
  try {
    // Every field is sent: one left out (a phone, the calendar) is cleared.
    const saved = await deps.stores.schools.update(id, { ...fields, termCalendarId: fields.termCalendarId }, etag);
    await audit(deps, actor, 'settings.school.changed', undefined, `${id}:${saved.etag}`, { schoolId: id, change: 'changed', urn: saved.urn, termCalendarId: saved.termCalendarId ?? 'default' });
    return ok({ etag: saved.etag, message: `${saved.name}'s details are saved.` });
  } catch (error) {
    if (error instanceof VersionConflict) return staleChange(`${current.name}'s details`);
    if (error instanceof UniqueValueTaken) return urnTaken(fields.urn);
    if (error instanceof ItemNotFound) return fail(workflowError('NotFound', 'That school is no longer on the Schools list.', { field: 'id' }));
    throw error;
  }
};
