import type { RequestHandler, Response } from 'express';
import { identifyStaff, type Staff, type StaffStore } from '../../workflow';
import type { ApiError } from '../contract/api';
import { fromLoopback } from './answers';
import { tabCallers, type TabAuth } from './tabAuth';

/**
 * Signs the caller in (an Entra ID token of the tenant, or the development sign-in with the
 * embedded Graph: see tabAuth.ts) and finds them on the Staff list: 401 with what to do when the
 * sign-in is missing or refused, 403 when they are not an active member of staff. After it,
 * `res.locals.staff` is the Staff member (read it with `staffOf`).
 */
export function signedIn(auth: TabAuth, staff: StaffStore): RequestHandler {
  const callerOf = tabCallers(auth);
  return async (req, res, next) => {
    const caller = await callerOf(req.get('authorization'), fromLoopback(req));
    if (!caller.ok) {
      const body: ApiError = { error: caller.message, code: 'NotSignedIn' };
      res.status(401).setHeader('WWW-Authenticate', 'Bearer').json(body);
      return;
    }
    const member = await identifyStaff(staff, caller.userId);
    if (!member.ok) {
      const body: ApiError = { error: member.error.message, code: member.error.code };
      res.status(403).json(body);
      return;
    }
    res.locals.staff = member.value;
    next();
  };
}

/** The member of staff `signedIn` found. */
export const staffOf = (res: Response): Staff => res.locals.staff as Staff;
