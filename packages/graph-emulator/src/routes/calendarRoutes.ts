import { randomBytes } from 'node:crypto';
import { DateTime } from 'luxon';
import { z } from 'zod';
import { GraphError } from '../http/graphError';
import { json, param, route, type Route, type RouteContext } from '../http/route';
import { applySelect } from '../query/queryOptions';
import type { StoredEvent } from '../store/eventsStore';
import { mailboxOf } from './mailbox';
import { pagedCollection } from './paging';
import { bodyOf } from './resolve';
import { fromUtc, preferredZone, toUtc } from './timeZones';

const dateTimeTimeZone = z.looseObject({ dateTime: z.string().min(10), timeZone: z.string().optional() });
const attendeeSchema = z.looseObject({
  emailAddress: z.looseObject({ address: z.email(), name: z.string().optional() }),
  type: z.enum(['required', 'optional', 'resource']).optional(),
});
const eventFields = {
  subject: z.string().optional(),
  body: z.looseObject({ contentType: z.string().optional(), content: z.string() }).optional(),
  start: dateTimeTimeZone,
  end: dateTimeTimeZone,
  location: z.looseObject({ displayName: z.string().optional() }).optional(),
  attendees: z.array(attendeeSchema).optional(),
  isOnlineMeeting: z.boolean().optional(),
  onlineMeetingProvider: z.enum(['teamsForBusiness', 'skypeForBusiness', 'skypeForConsumer', 'unknown']).optional(),
  sensitivity: z.enum(['normal', 'personal', 'private', 'confidential']).optional(),
  showAs: z.enum(['free', 'tentative', 'busy', 'oof', 'workingElsewhere', 'unknown']).optional(),
  isAllDay: z.boolean().optional(),
  transactionId: z.string().optional(),
  categories: z.array(z.string()).optional(),
  importance: z.enum(['low', 'normal', 'high']).optional(),
};
const createEventSchema = z.looseObject(eventFields);
const patchEventSchema = z.looseObject({ ...eventFields, start: dateTimeTimeZone.optional(), end: dateTimeTimeZone.optional() });
const getScheduleSchema = z.looseObject({
  schedules: z.array(z.string().min(1)).min(1).max(100),
  startTime: dateTimeTimeZone,
  endTime: dateTimeTimeZone,
  availabilityViewInterval: z.number().int().min(5).max(1440).optional(),
});

type EventInput = z.infer<typeof createEventSchema>;

const joinUrl = (): string =>
  `https://teams.microsoft.com/l/meetup-join/19%3ameeting_${randomBytes(24).toString('base64url')}%40thread.v2/0?context=%7b%22Tid%22%3a%2200000000-0000-4000-8000-0000000000aa%22%7d`;

const checkSpan = (startUtc: string, endUtc: string): void => {
  if (endUtc < startUtc) throw new GraphError(400, 'ErrorInvalidRequest', 'The end of the event must not be before its start.');
};

export const eventJson = (e: StoredEvent, zone: string): Record<string, unknown> => {
  const ev = e.event as EventInput & { organizer: unknown; onlineMeeting: unknown; iCalUId: string };
  const changeKey = Buffer.from(`${e.id.slice(-12)}:${e.version}`).toString('base64url');
  return {
    '@odata.etag': `W/"${changeKey}"`,
    id: e.id,
    createdDateTime: e.created,
    lastModifiedDateTime: e.modified,
    changeKey,
    categories: ev.categories ?? [],
    transactionId: ev.transactionId ?? null,
    originalStartTimeZone: ev.start.timeZone ?? 'UTC',
    originalEndTimeZone: ev.end.timeZone ?? 'UTC',
    iCalUId: ev.iCalUId,
    subject: ev.subject ?? '',
    bodyPreview: (ev.body?.content ?? '').replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 255),
    importance: ev.importance ?? 'normal',
    sensitivity: ev.sensitivity ?? 'normal',
    isAllDay: ev.isAllDay ?? false,
    isCancelled: false,
    isOrganizer: true,
    showAs: ev.showAs ?? 'busy',
    type: 'singleInstance',
    isOnlineMeeting: ev.isOnlineMeeting ?? false,
    onlineMeetingProvider: ev.isOnlineMeeting ? ev.onlineMeetingProvider ?? 'teamsForBusiness' : 'unknown',
    onlineMeeting: ev.onlineMeeting ?? null,
    body: { contentType: (ev.body?.contentType ?? 'html').toLowerCase(), content: ev.body?.content ?? '' },
    start: fromUtc(e.startUtc, zone),
    end: fromUtc(e.endUtc, zone),
    location: { displayName: ev.location?.displayName ?? '', locationType: 'default' },
    attendees: (ev.attendees ?? []).map((a) => ({
      type: a.type ?? 'required',
      status: { response: 'none', time: '0001-01-01T00:00:00Z' },
      emailAddress: a.emailAddress,
    })),
    organizer: ev.organizer,
  };
};

const eventOf = (ctx: RouteContext): StoredEvent => {
  const owner = mailboxOf(ctx, param(ctx, 'user')).address;
  const event = ctx.store.events.get(param(ctx, 'event'));
  if (!event || event.owner !== owner) throw new GraphError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
  return event;
};

const availabilityDigit: Record<string, string> = { free: '0', tentative: '1', busy: '2', oof: '3', workingElsewhere: '4', unknown: '2' };

const eventsPath = String.raw`^\/users\/(?<user>[^/]+)\/(?:calendar\/)?events`;

export const calendarRoutes: Route[] = [
  route('POST', new RegExp(`${eventsPath}$`), [], (ctx) => {
    const input = bodyOf(ctx, (b) => createEventSchema.safeParse(b));
    const organizer = mailboxOf(ctx, param(ctx, 'user'));
    // transactionId: Graph's guard against a retried POST creating the event twice.
    if (input.transactionId) {
      const existing = ctx.store.events.byOwner(organizer.address).find((e) => (e.event as EventInput).transactionId === input.transactionId);
      if (existing) return json(201, eventJson(existing, preferredZone(ctx.req.headers.prefer)));
    }
    const startUtc = toUtc(input.start);
    const endUtc = toUtc(input.end);
    checkSpan(startUtc, endUtc);
    const online = input.isOnlineMeeting === true && (input.onlineMeetingProvider ?? 'teamsForBusiness') === 'teamsForBusiness';
    const stored = ctx.store.events.add({
      owner: organizer.address, startUtc, endUtc, at: ctx.clock.now(),
      event: {
        ...input,
        organizer: { emailAddress: { name: organizer.name, address: organizer.address } },
        onlineMeeting: online ? { joinUrl: joinUrl() } : null,
        iCalUId: `040000008200E00074C5B7101A82E008${randomBytes(28).toString('hex').toUpperCase()}`,
      },
    });
    return json(201, { '@odata.context': `${ctx.baseUrl}/$metadata#users('${param(ctx, 'user')}')/events/$entity`, ...eventJson(stored, preferredZone(ctx.req.headers.prefer)) });
  }),

  route('GET', new RegExp(`${eventsPath}$`), ['$select', '$top', '$skiptoken'], (ctx) => {
    const events = ctx.store.events.byOwner(mailboxOf(ctx, param(ctx, 'user')).address);
    const zone = preferredZone(ctx.req.headers.prefer);
    return pagedCollection(ctx, {
      context: `${ctx.baseUrl}/$metadata#users('${param(ctx, 'user')}')/events`,
      keyset: false,
      top: Math.min(ctx.options.top ?? 10, 1000),
      fetch: (p, limit) => events.slice(p.offset ?? 0, (p.offset ?? 0) + limit).map((e, i) => ({ key: i, body: applySelect(eventJson(e, zone), ctx.options.select) })),
    });
  }),

  route('GET', new RegExp(`${eventsPath}/(?<event>[^/]+)$`), ['$select'], (ctx) =>
    json(200, applySelect(eventJson(eventOf(ctx), preferredZone(ctx.req.headers.prefer)), ctx.options.select))),

  route('PATCH', new RegExp(`${eventsPath}/(?<event>[^/]+)$`), [], (ctx) => {
    const change = bodyOf(ctx, (b) => patchEventSchema.safeParse(b));
    const updated = ctx.store.transaction(() => {
      const current = eventOf(ctx);
      const ev = current.event as EventInput & { onlineMeeting: unknown };
      const merged: Record<string, unknown> = { ...ev, ...change };
      const startUtc = change.start ? toUtc(change.start) : current.startUtc;
      const endUtc = change.end ? toUtc(change.end) : current.endUtc;
      checkSpan(startUtc, endUtc);
      if (change.isOnlineMeeting === true && !ev.onlineMeeting) merged.onlineMeeting = { joinUrl: joinUrl() };
      return ctx.store.events.update(current.id, { startUtc, endUtc, event: merged, at: ctx.clock.now() });
    });
    return json(200, eventJson(updated, preferredZone(ctx.req.headers.prefer)));
  }),

  route('DELETE', new RegExp(`${eventsPath}/(?<event>[^/]+)$`), [], (ctx) => {
    ctx.store.events.delete(eventOf(ctx).id);
    return { status: 204 };
  }),

  route('POST', /^\/users\/(?<user>[^/]+)\/calendar\/getSchedule$/, [], (ctx) => {
    const input = bodyOf(ctx, (b) => getScheduleSchema.safeParse(b));
    const startUtc = toUtc(input.startTime);
    const endUtc = toUtc(input.endTime);
    checkSpan(startUtc, endUtc);
    const interval = input.availabilityViewInterval ?? 30;
    const zone = preferredZone(ctx.req.headers.prefer);
    const events = ctx.store.events.overlapping(startUtc, endUtc);
    const start = DateTime.fromISO(startUtc, { zone: 'UTC' });
    const slots = Math.ceil(DateTime.fromISO(endUtc).diff(start, 'minutes').minutes / interval);
    const value = input.schedules.map((scheduleId) => {
      const address = scheduleId.toLowerCase();
      const mine = events.filter((e) => e.owner === address
        || ((e.event as EventInput).attendees ?? []).some((a) => a.emailAddress.address.toLowerCase() === address));
      const view = Array.from({ length: slots }, (_, i) => {
        const from = start.plus({ minutes: i * interval }).toISO({ suppressMilliseconds: true }) as string;
        const to = start.plus({ minutes: (i + 1) * interval }).toISO({ suppressMilliseconds: true }) as string;
        const busy = mine.filter((e) => e.startUtc < to && e.endUtc > from).map((e) => availabilityDigit[(e.event as EventInput).showAs ?? 'busy'] ?? '2');
        return busy.sort().pop() ?? '0';
      }).join('');
      return {
        scheduleId,
        availabilityView: view,
        scheduleItems: mine
          .filter((e) => ((e.event as EventInput).showAs ?? 'busy') !== 'free')
          .map((e) => {
            const ev = e.event as EventInput;
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
          daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
          startTime: '08:00:00.0000000',
          endTime: '17:00:00.0000000',
          timeZone: { name: 'GMT Standard Time' },
        },
      };
    });
    return json(200, { '@odata.context': `${ctx.baseUrl}/$metadata#Collection(microsoft.graph.scheduleInformation)`, value });
  }),
];
