import { DateTime } from 'luxon';
import { GraphError } from '../../http/graphError';
import { param, route, type Route, type RouteContext } from '../../http/route';
import { applySelect } from '../../query/queryOptions';
import { mailboxOf } from '../mailbox';
import { pagedCollection } from '../paging';
import { eventJson } from './eventShape';
import { zoneOf } from './eventRoutes';
import { linkHiddenNow, readHidesLink } from './onlineMeeting';

const windowMissing = (): GraphError =>
  new GraphError(400, 'ErrorInvalidParameter', 'This request requires a time window specified by the query string parameters StartDateTime and EndDateTime.');

/** A query parameter as an instant: with an offset as given, without one as UTC (as Graph reads them). */
const instantParam = (ctx: RouteContext, name: string): string => {
  const raw = [...ctx.req.query].find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1];
  if (!raw) throw windowMissing();
  const read = DateTime.fromISO(raw, { zone: 'UTC', setZone: true });
  if (!read.isValid) throw new GraphError(400, 'ErrorInvalidParameter', `The value '${raw}' of parameter '${name}' is not a valid date-time.`);
  return read.toUTC().toISO({ suppressMilliseconds: true }) as string;
};

/**
 * `GET /users/{id}/calendarView` (or `/calendar/calendarView`): the events the mailbox organises or is
 * invited to that overlap the window, by start, cancelled ones left out; 10 a page unless `$top`.
 */
export const calendarViewRoutes: Route[] = [
  route('GET', /^\/users\/(?<user>[^/]+)\/(?:calendar\/)?calendarView$/i, ['$select', '$top', '$skiptoken', '$orderby'], (ctx) => {
    const startUtc = instantParam(ctx, 'startDateTime');
    const endUtc = instantParam(ctx, 'endDateTime');
    if (endUtc < startUtc) throw new GraphError(400, 'ErrorInvalidParameter', 'EndDateTime must not be before StartDateTime.');
    if (ctx.options.orderBy.some((o) => o.field.toLowerCase() !== 'start/datetime' || o.descending)) {
      throw new GraphError(400, 'BadRequest', 'The Graph emulator orders calendarView by start/dateTime (ascending) only.');
    }
    const reader = mailboxOf(ctx, param(ctx, 'user')).address;
    const events = ctx.store.events.involving(reader, startUtc, endUtc);
    const zone = zoneOf(ctx);
    return pagedCollection(ctx, {
      context: `${ctx.baseUrl}/$metadata#users('${param(ctx, 'user')}')/calendarView`,
      keyset: false,
      top: Math.min(ctx.options.top ?? 10, 1000),
      fetch: (p, limit) => events.slice(p.offset ?? 0, (p.offset ?? 0) + limit).map((e, i) => ({
        key: i,
        body: applySelect(eventJson(e, zone, { reader, linkHidden: e.owner === reader ? readHidesLink(ctx.store, e) : linkHiddenNow(e) }), ctx.options.select),
      })),
    });
  }),
];
