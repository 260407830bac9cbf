import { z } from 'zod';
import { TermCalendar } from '../../model/termDates';
import { ok } from '../../result';
import type { UseCase } from '../deps';
import { audit } from '../support/audit';
import { parseInput } from '../support/input';
import { withTermCalendar } from './applySettings';
import type { Saved } from './priceLists';
import { canEditSettings, mayChangeSettings, mayReadSettings } from './settingsAccess';
import { settingKeys } from './settingKeys';
import { etagOf, saveSetting, storedSettings } from './storedSettings';

export interface TermCalendarsView {
  canEdit: boolean;
  calendars: Array<TermCalendar & { schools: number; etag: string }>;
  defaultTermCalendarId: string;
}

/** The term calendars in use, how many schools follow each, and which is the authority's default. */
export const listTermCalendars: UseCase<void, TermCalendarsView> = async (deps, actor) => {
  const allowed = mayReadSettings(actor);
  if (!allowed.ok) return allowed;
  const stored = await storedSettings(deps);
  const schools = await deps.stores.schools.list();
  const fallback = deps.config.defaultTermCalendarId;
  const calendars = deps.config.termCalendars.map((calendar) => ({
    ...calendar,
    schools: schools.filter((s) => (s.termCalendarId ?? fallback) === calendar.id).length,
    etag: etagOf(stored, settingKeys.termCalendar(calendar.id)),
  }));
  return ok({ canEdit: canEditSettings(actor), calendars, defaultTermCalendarId: fallback });
};

const Change = z.object({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a kebab-case id like northvale-la'),
  calendar: z.unknown(),
  etag: z.string().min(1, 'say which version you changed (etag)'),
});

/**
 * Replaces one term calendar (or adds one, for a trust with its own dates): due dates, support
 * periods and term ends worked out from now on use it at once. A school follows it when its
 * record names it; the authority's default otherwise.
 */
export const replaceTermCalendar: UseCase<unknown, Saved> = async (deps, actor, raw) => {
  const allowed = mayChangeSettings(actor, 'the term dates');
  if (!allowed.ok) return allowed;
  const input = parseInput(Change, raw);
  if (!input.ok) return input;
  const { id, etag } = input.value;
  const calendar = parseInput(TermCalendar, { ...(input.value.calendar as object), id });
  if (!calendar.ok) return calendar;
  const key = settingKeys.termCalendar(id);
  const saved = await saveSetting(deps, actor, key, calendar.value, etag, `The term dates of ${calendar.value.name}`);
  if (!saved.ok) return saved;
  withTermCalendar(deps.config, calendar.value);
  await audit(deps, actor, 'settings.term-calendar.changed', undefined, `${key}:${saved.value.etag}`, { key, termCalendarId: id });
  return ok({ etag: saved.value.etag, message: `The term dates of ${calendar.value.name} are saved and used from now on.` });
};
