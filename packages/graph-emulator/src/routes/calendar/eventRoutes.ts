import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { GraphError } from '../../http/graphError';
import { json, param, route, type Route, type RouteContext } from '../../http/route';
import { applySelect } from '../../query/queryOptions';
import { attendeeAddresses, type StoredEvent } from '../../store/eventsStore';
import { mailboxOf } from '../mailbox';
import { pagedCollection } from '../paging';
import { bodyOf } from '../resolve';
import { preferredZone, toUtc } from '../timeZones';
import { createEventSchema, eventJson, fieldsOf, patchEventSchema, type EventInput } from './eventShape';
import { linkHiddenNow, onlineMeetingOnCreate, onlineMeetingOnPatch, readHidesLink } from './onlineMeeting';

const eventsPath = String.raw`^\/users\/(?<user>[^/]+)\/(?:calendar\/)?events`;
const cancelSchema = z.looseObject({ comment: z.string().max(10_000).optional() });

export const zoneOf = (ctx: RouteContext): string => preferredZone(ctx.req.headers.prefer);

const checkSpan = (startUtc: string, endUtc: string): void => {
  if (endUtc < startUtc) throw new GraphError(400, 'ErrorInvalidRequest', 'The end of the event must not be before its start.');
};

const itemNotFound = (): GraphError => new GraphError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');

/** The organiser's event; a cancelled one is gone from the calendar (Exchange moves it to Deleted Items). */
const eventOf = (ctx: RouteContext): StoredEvent => {
  const owner = mailboxOf(ctx, param(ctx, 'user')).address;
  const event = ctx.store.events.get(param(ctx, 'event'));
  if (!event || event.owner !== owner || event.cancelled) throw itemNotFound();
  return event;
};

/** What makes two creates "the same meeting" for transactionId: subject, times and who is invited. */
const essentials = (subject: string | undefined, startUtc: string, endUtc: string, attendees: string[]): string =>
  JSON.stringify([subject ?? '', startUtc, endUtc, [...attendees].sort()]);

const sameAsStored = (stored: StoredEvent, input: EventInput, startUtc: string, endUtc: string): boolean =>
  essentials(fieldsOf(stored).subject, stored.startUtc, stored.endUtc, attendeeAddresses(stored))
  === essentials(input.subject, startUtc, endUtc, (input.attendees ?? []).map((a) => a.emailAddress.address.toLowerCase()));

/** A read of one event as Graph answers it: counts a late link's reads down. */
const readJson = (ctx: RouteContext, e: StoredEvent): Record<string, unknown> =>
  applySelect(eventJson(e, zoneOf(ctx), { linkHidden: readHidesLink(ctx.store, e) }), ctx.options.select);

export const eventRoutes: Route[] = [
  route('POST', new RegExp(`${eventsPath}$`), [], (ctx) => {
    const input = bodyOf(ctx, (b) => createEventSchema.safeParse(b));
    const organizer = mailboxOf(ctx, param(ctx, 'user'));
    const startUtc = toUtc(input.start);
    const endUtc = toUtc(input.end);
    checkSpan(startUtc, endUtc);
    const zone = zoneOf(ctx);
    const context = `${ctx.baseUrl}/$metadata#users('${param(ctx, 'user')}')/events/$entity`;
    return ctx.store.transaction(() => {
      // transactionId: Graph's guard against a retried POST creating the event twice. A retry answers the first
      // event; the same id reused for a different meeting is refused 400 ErrorDuplicateTransactionId. Source:
      // public clients of Graph that handle this answer (a 400 with that code, message "…has already been used
      // to create a different event"); the documentation names neither the code nor the status.
      const earlier = input.transactionId ? ctx.store.events.byTransactionId(organizer.address, input.transactionId) : undefined;
      if (earlier) {
        if (!sameAsStored(earlier, input, startUtc, endUtc)) {
          throw new GraphError(400, 'ErrorDuplicateTransactionId', 'Your request can\'t be completed. The TransactionId specified in the request has already been used to create a different event.');
        }
        return json(201, { '@odata.context': context, ...eventJson(earlier, zone, { linkHidden: linkHiddenNow(earlier) }) });
      }
      const stored = ctx.store.events.add({
        owner: organizer.address, startUtc, endUtc, at: ctx.clock.now(),
        event: {
          ...input,
          organizer: { emailAddress: { name: organizer.name, address: organizer.address } },
          ...onlineMeetingOnCreate(ctx.store, organizer.address, input),
          iCalUId: `040000008200E00074C5B7101A82E008${randomBytes(28).toString('hex').toUpperCase()}`,
        },
      });
      return json(201, { '@odata.context': context, ...eventJson(stored, zone, { linkHidden: linkHiddenNow(stored) }) });
    });
  }),

  route('GET', new RegExp(`${eventsPath}$`), ['$select', '$top', '$skiptoken'], (ctx) => {
    const events = ctx.store.events.byOwner(mailboxOf(ctx, param(ctx, 'user')).address);
    return pagedCollection(ctx, {
      context: `${ctx.baseUrl}/$metadata#users('${param(ctx, 'user')}')/events`,
      keyset: false,
      top: Math.min(ctx.options.top ?? 10, 1000),
      fetch: (p, limit) => events.slice(p.offset ?? 0, (p.offset ?? 0) + limit).map((e, i) => ({ key: i, body: readJson(ctx, e) })),
    });
  }),

  route('GET', new RegExp(`${eventsPath}/(?<event>[^/]+)$`), ['$select'], (ctx) => json(200, readJson(ctx, eventOf(ctx)))),

  route('PATCH', new RegExp(`${eventsPath}/(?<event>[^/]+)$`), [], (ctx) => {
    const change = bodyOf(ctx, (b) => patchEventSchema.safeParse(b));
    const updated = ctx.store.transaction(() => {
      const current = eventOf(ctx);
      const ev = fieldsOf(current);
      if (change.transactionId !== undefined && change.transactionId !== (ev.transactionId ?? null)) {
        throw new GraphError(400, 'ErrorInvalidPropertyRequest', 'The transactionId of an event cannot be changed after it is created.');
      }
      const startUtc = change.start ? toUtc(change.start) : current.startUtc;
      const endUtc = change.end ? toUtc(change.end) : current.endUtc;
      checkSpan(startUtc, endUtc);
      const merged: Record<string, unknown> = { ...ev, ...change, ...onlineMeetingOnPatch(ctx.store, current, change) };
      return ctx.store.events.update(current.id, { startUtc, endUtc, event: merged, at: ctx.clock.now() });
    });
    return json(200, eventJson(updated, zoneOf(ctx), { linkHidden: linkHiddenNow(updated) }));
  }),

  // The organiser's DELETE also cancels the meeting for its attendees, without a comment.
  route('DELETE', new RegExp(`${eventsPath}/(?<event>[^/]+)$`), [], (ctx) => {
    ctx.store.events.cancel(eventOf(ctx).id, null, ctx.clock.now());
    return { status: 204 };
  }),

  route('POST', new RegExp(`${eventsPath}/(?<event>[^/]+)/(?:microsoft\\.graph\\.)?cancel$`), [], (ctx) => {
    const { comment } = bodyOf(ctx, (b) => cancelSchema.safeParse(b ?? {}));
    const reader = mailboxOf(ctx, param(ctx, 'user')).address;
    const event = ctx.store.events.get(param(ctx, 'event'));
    if (event && !event.cancelled && event.owner !== reader && attendeeAddresses(event).includes(reader)) {
      // As documented for event: cancel (the error code itself is not documented).
      throw new GraphError(400, 'ErrorAccessDenied', 'Your request can\'t be completed. You need to be an organizer to cancel a meeting.');
    }
    ctx.store.events.cancel(eventOf(ctx).id, comment ?? null, ctx.clock.now());
    return { status: 202 };
  }),
];
