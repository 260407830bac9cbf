import { DateTime } from 'luxon';
import { z } from 'zod';
import { GraphError } from '../../http/graphError';
import { json, param, route, type Route, type RouteContext } from '../../http/route';
import type { StoredEvent } from '../../store/eventsStore';
import { mailboxOf } from '../mailbox';
import { bodyOf } from '../resolve';
import { fromUtc, toUtc } from '../timeZones';
import { fieldsOf } from './eventShape';
import { zoneOf } from './eventRoutes';

const dateTimeTimeZone = z.looseObject({ dateTime: z.string().min(10), timeZone: z.string().optional() });
const getScheduleSchema = z.looseObject({
  schedules: z.array(z.string().min(1)).min(1),
  startTime: dateTimeTimeZone,
  endTime: dateTimeTimeZone,
  availabilityViewInterval: z.number().int().optional(),
});

/** getSchedule's documented limits (the codes of its refusals are not documented: these are the emulator's). */
export const scheduleLimits = { maxSchedules: 20, maxDays: 62, minInterval: 5, maxInterval: 1440 } as const;

const invalid = (message: string): GraphError => new GraphError(400, 'ErrorInvalidParameter', message);

/** availabilityView digits, and which wins when events overlap in one slot. */
const digitOf: Record<string, string> = { free: '0', tentative: '1', busy: '2', oof: '3', workingElsewhere: '4', unknown: '2' };
const weight: Record<string, number> = { '0': 0, '4': 1, '1': 2, '2': 3, '3': 4 };

const availabilityView = (events: StoredEvent[], startUtc: string, endUtc: string, interval: number): string => {
  const start = DateTime.fromISO(startUtc, { zone: 'UTC' });
  const slots = Math.ceil(DateTime.fromISO(endUtc, { zone: 'UTC' }).diff(start, 'minutes').minutes / interval);
  return Array.from({ length: slots }, (_, i) => {
    const from = start.plus({ minutes: i * interval }).toISO({ suppressMilliseconds: true }) as string;
    const to = start.plus({ minutes: (i + 1) * interval }).toISO({ suppressMilliseconds: true }) as string;
    return events
      .filter((e) => e.startUtc < to && e.endUtc > from)
      .map((e) => digitOf[fieldsOf(e).showAs ?? 'busy'] ?? '2')
      .reduce((best, d) => ((weight[d] ?? 0) > (weight[best] ?? 0) ? d : best), '0');
  }).join('');
};

/** One mailbox's schedule; an address outside the tenant gets Graph's per-schedule error, not a failed request. */
const scheduleOf = (ctx: RouteContext, scheduleId: string, window: { startUtc: string; endUtc: string; interval: number }) => {
  const user = ctx.store.users.find(scheduleId);
  if (!user && ctx.fidelity.unknownUsersNotFound) {
    return { scheduleId, availabilityView: '', error: { message: 'The specified mailbox could not be found in this organisation.', responseCode: 'ErrorMailRecipientNotFound' } };
  }
  const address = (user?.mail ?? scheduleId).toLowerCase();
  const zone = zoneOf(ctx);
  const events = ctx.store.events.involving(address, window.startUtc, window.endUtc);
  const settings = ctx.store.calendarSettings.of(address);
  return {
    scheduleId,
    availabilityView: availabilityView(events, window.startUtc, window.endUtc, window.interval),
    scheduleItems: events
      .filter((e) => (fieldsOf(e).showAs ?? 'busy') !== 'free')
      .map((e) => {
        const ev = fieldsOf(e);
        // Private events show only as busy: no subject, no location.
        const isPrivate = ev.sensitivity === 'private';
        return {
          isPrivate,
          status: ev.showAs ?? 'busy',
          ...(isPrivate ? {} : { subject: ev.subject ?? '', location: ev.location?.displayName ?? '' }),
          isMeeting: (ev.attendees ?? []).length > 0,
          isRecurring: false,
          isException: false,
          isReminderSet: false,
          start: fromUtc(e.startUtc, zone),
          end: fromUtc(e.endUtc, zone),
        };
      }),
    workingHours: {
      daysOfWeek: settings.workingHours.daysOfWeek,
      startTime: `${settings.workingHours.startTime}:00.0000000`,
      endTime: `${settings.workingHours.endTime}:00.0000000`,
      timeZone: { name: 'GMT Standard Time' },
    },
  };
};

export const scheduleRoutes: Route[] = [
  route('POST', /^\/users\/(?<user>[^/]+)\/calendar\/getSchedule$/i, [], (ctx) => {
    mailboxOf(ctx, param(ctx, 'user'));
    const input = bodyOf(ctx, (b) => getScheduleSchema.safeParse(b));
    if (input.schedules.length > scheduleLimits.maxSchedules) {
      throw invalid(`At most ${scheduleLimits.maxSchedules} schedules can be asked for at once (got ${input.schedules.length}).`);
    }
    const interval = input.availabilityViewInterval ?? 30;
    if (interval < scheduleLimits.minInterval || interval > scheduleLimits.maxInterval) {
      throw invalid(`availabilityViewInterval must be from ${scheduleLimits.minInterval} to ${scheduleLimits.maxInterval} minutes (got ${interval}).`);
    }
    const startUtc = toUtc(input.startTime);
    const endUtc = toUtc(input.endTime);
    if (endUtc <= startUtc) throw invalid('endTime must be after startTime.');
    const days = DateTime.fromISO(endUtc).diff(DateTime.fromISO(startUtc), 'days').days;
    if (days >= scheduleLimits.maxDays) throw invalid(`The time window must be under ${scheduleLimits.maxDays} days (got ${Math.round(days * 10) / 10}).`);
    const value = input.schedules.map((id) => scheduleOf(ctx, id, { startUtc, endUtc, interval }));
    return json(200, { '@odata.context': `${ctx.baseUrl}/$metadata#Collection(microsoft.graph.scheduleInformation)`, value });
  }),
];
