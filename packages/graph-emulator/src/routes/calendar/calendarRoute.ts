import { createHash } from 'node:crypto';
import { json, param, route, type Route } from '../../http/route';
import { demand } from '../directory/directoryRequests';
import { mailboxOf } from '../mailbox';

/**
 * `users/{id}/calendar`: the mailbox's default calendar. Without an Exchange RBAC scope covering the
 * mailbox (a test takes Calendars.ReadWrite away) Exchange answers 403 ErrorAccessDenied.
 */
export const calendarRoute: Route[] = [
  route('GET', /^\/users\/(?<user>[^/]+)\/calendar$/i, ['$select'], (ctx) => {
    demand(ctx, 'Calendars.ReadWrite', 'ErrorAccessDenied');
    const mailbox = mailboxOf(ctx, param(ctx, 'user'));
    const id = `AAMkA${createHash('sha256').update(mailbox.address).digest('base64url').slice(0, 40)}`;
    return json(200, {
      '@odata.context': `${ctx.baseUrl}/$metadata#users('${encodeURIComponent(param(ctx, 'user'))}')/calendar/$entity`,
      id, name: 'Calendar', canEdit: true, canShare: true, isDefaultCalendar: true, owner: { name: mailbox.name, address: mailbox.address },
    });
  }),
];
