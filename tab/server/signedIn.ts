import type { RequestHandler, Response } from 'express';
import { identifyStaff, roleLabels, type Role, type Staff, type StaffStore } from '../../workflow';
import type { ApiError } from '../contract/api';
import { fromLoopback } from './answers';
import { tabCallers, type TabAuth } from './tabAuth';

/** Who is calling, as a member of staff with the roles they hold now; or why not (401: sign in again; 403: not allowed). */
export type StaffCaller =
  | { ok: true; staff: Staff }
  | { ok: false; status: 401 | 403; body: ApiError };

export const noEntraRoleMessage = 'You have no Outreach Cases role in Entra: ask IT to assign you one (Manager, Admin, Worker or DSL) on the Outreach Cases app.';

const labelled = (roles: readonly Role[]) => roles.map((r) => roleLabels[r]).join(', ');

/**
 * Signs the caller in (an Entra ID token of the tenant, or the development sign-in with the
 * embedded Graph: see tabAuth.ts) and finds them on the Staff list. In tenant mode their roles are
 * the Staff list's roles that the token's app roles also grant: IT can take a role away in Entra and
 * the service's administrator on the Staff list, and either takes effect. A token with no app role,
 * or none in common with the Staff list, is refused (403). The bot has no user token: the Staff list
 * alone gives its roles.
 */
export function staffCaller(auth: TabAuth, staff: StaffStore): (authorization: string | undefined, fromLoopback: boolean) => Promise<StaffCaller> {
  const callerOf = tabCallers(auth);
  return async (authorization, loopback) => {
    const caller = await callerOf(authorization, loopback);
    if (!caller.ok) return { ok: false, status: 401, body: { error: caller.message, code: 'NotSignedIn' } };
    const granted = caller.entraRoles;
    if (granted?.length === 0) return { ok: false, status: 403, body: { error: noEntraRoleMessage, code: 'RoleRequired' } };
    const member = await identifyStaff(staff, caller.userId);
    if (!member.ok) return { ok: false, status: 403, body: { error: member.error.message, code: member.error.code } };
    if (!granted) return { ok: true, staff: member.value };
    const roles = member.value.roles.filter((role) => granted.includes(role));
    if (roles.length === 0) {
      const error = `Your roles on the Staff list (${labelled(member.value.roles)}) and your Outreach Cases roles in Entra (${labelled(granted)}) have none in common: ask IT or the service's administrator to match them.`;
      return { ok: false, status: 403, body: { error, code: 'RoleRequired' } };
    }
    return { ok: true, staff: { ...member.value, roles } };
  };
}

/**
 * Express middleware over `staffCaller`: 401 with what to do when the sign-in is missing or
 * refused, 403 when they may not use the app. After it, `res.locals.staff` is the Staff member with
 * the roles they hold now (read it with `staffOf`).
 */
export function signedIn(auth: TabAuth, staff: StaffStore): RequestHandler {
  const callerOf = staffCaller(auth, staff);
  return async (req, res, next) => {
    const caller = await callerOf(req.get('authorization'), fromLoopback(req));
    if (!caller.ok) {
      if (caller.status === 401) res.setHeader('WWW-Authenticate', 'Bearer');
      res.status(caller.status).json(caller.body);
      return;
    }
    res.locals.staff = caller.staff;
    next();
  };
}

/** The member of staff `signedIn` found. */
export const staffOf = (res: Response): Staff => res.locals.staff as Staff;
