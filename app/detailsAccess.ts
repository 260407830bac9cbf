import type { TabCaller } from '../tab/server/tabAuth';

export type DetailsAccess = (authorization: string | undefined, fromLoopback: boolean) => Promise<{ ok: true } | { ok: false; status: 401 | 403; message: string }>;

/** The app role that may read /healthz/details in a tenant. */
export const detailsRole = 'Admin';

/**
 * /healthz/details in a tenant: the caller signs in as for the tab (the tab's token check, whatever
 * it is, decides who they are) and the token must carry the Admin app role.
 */
export function adminDetailsAccess(callers: (authorization: string | undefined, fromLoopback: boolean) => Promise<TabCaller>): DetailsAccess {
  return async (authorization, fromLoopback) => {
    const caller = await callers(authorization, fromLoopback);
    if (!caller.ok) return { ok: false, status: 401, message: caller.message };
    if (caller.entraRoles?.includes('admin')) return { ok: true };
    return { ok: false, status: 403, message: `the site check is for the ${detailsRole} app role: ask IT to assign it to you in Entra` };
  };
}
