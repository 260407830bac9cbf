import { createRemoteJWKSet, errors as joseErrors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { z } from 'zod';
import { EntraObjectId, type Role } from '../../workflow';

/**
 * How a tab's call to the app's API is authenticated.
 *
 * `tenant`: an Entra ID access token (Teams tab SSO, `getAuthToken`), `Authorization: Bearer <jwt>`,
 * checked here: signature against the tenant's published keys (RS256), issuer (the tenant, v1 or
 * v2 endpoint), expiry and not-before, audience (CLIENT_ID, or its `api://<host>/botid-<id>` URI as
 * the manifest's webApplicationInfo names it; `api://<host>/<id>` too), tenant id, the delegated
 * scope `access_as_user` in `scp` (the scope Teams asks for: a token for another scope of the app,
 * or an app-only token, is refused), and an `oid` that is a user object id. The token's `roles`
 * (the app roles IT assigned in Entra) are read too: what the caller may do is the Staff list's
 * roles that the token also holds (signedIn.ts).
 *
 * `embedded-dev`: the embedded Graph only (a local run or a test), never in tenant mode. The
 * caller names the member of staff they act as: `Authorization: Bearer embedded-dev:<Entra object id>`,
 * from this machine only. Nothing is verified but that shape and the address: it exists so the tab
 * can be built and tried against the demo data without a tenant. The Staff list alone gives roles.
 */
export type TabAuth =
  | { mode: 'tenant'; tenantId: string; appId: string; keys?: JWTVerifyGetKey }
  | { mode: 'embedded-dev' };

/** `entraRoles`: in tenant mode, the workflow roles the token's app roles grant (empty when IT assigned none); absent with the development sign-in. */
export type TabCaller = { ok: true; userId: string; entraRoles?: Role[] } | { ok: false; message: string };

export const embeddedDevPrefix = 'embedded-dev:';

/** The delegated scope the app exposes for the tab (Teams' `getAuthToken` asks for it). */
export const tabScope = 'access_as_user';

const TokenClaims = z.object({ oid: EntraObjectId, tid: z.string(), scp: z.string().optional(), roles: z.array(z.string()).optional() });

/** The app roles' values (as provisioning creates them on the app registration) and the workflow role each grants. */
export const entraAppRoles = { Manager: 'manager', Admin: 'admin', Worker: 'worker', DSL: 'dsl' } as const satisfies Record<string, Role>;

/** The workflow roles a token's `roles` claim grants; values that are not the app's roles are ignored. */
export const rolesFromToken = (roles: readonly string[] | undefined): Role[] =>
  [...new Set((roles ?? []).flatMap((value) => (Object.hasOwn(entraAppRoles, value) ? [entraAppRoles[value as keyof typeof entraAppRoles]] : [])))];

/** `scp` is a space-separated list of scopes. */
const hasScope = (scp: string | undefined): boolean => (scp ?? '').split(' ').includes(tabScope);

/** Reads the caller from the request's Authorization header (and, for the development scheme, its peer address). */
export function tabCallers(auth: TabAuth): (authorization: string | undefined, fromLoopback: boolean) => Promise<TabCaller> {
  const bearer = (header: string | undefined) => /^Bearer ([^\s]+)$/i.exec(header?.trim() ?? '')?.[1];
  if (auth.mode === 'embedded-dev') {
    return (header, fromLoopback) => {
      const token = bearer(header);
      if (!token?.startsWith(embeddedDevPrefix)) return Promise.resolve({ ok: false, message: `sign in: send "Authorization: Bearer ${embeddedDevPrefix}<your Entra object id>" (embedded Graph only)` });
      if (!fromLoopback) return Promise.resolve({ ok: false, message: 'the development sign-in works from this machine only' });
      const userId = EntraObjectId.safeParse(token.slice(embeddedDevPrefix.length));
      return Promise.resolve(userId.success ? { ok: true, userId: userId.data } : { ok: false, message: 'the development sign-in needs an Entra object id (a GUID)' });
    };
  }
  const keys = auth.keys ?? createRemoteJWKSet(new URL(`https://login.microsoftonline.com/${auth.tenantId}/discovery/v2.0/keys`));
  const issuers = [`https://login.microsoftonline.com/${auth.tenantId}/v2.0`, `https://sts.windows.net/${auth.tenantId}/`];
  const audiences = (aud: unknown): boolean => {
    const list = Array.isArray(aud) ? aud : [aud];
    return list.some((a) => typeof a === 'string' && (a === auth.appId || (a.startsWith('api://') && (a.endsWith(`/${auth.appId}`) || a.endsWith(`/botid-${auth.appId}`)))));
  };
  return async (header) => {
    const token = bearer(header);
    if (!token) return { ok: false, message: 'sign in: send your Microsoft 365 access token as "Authorization: Bearer <token>"' };
    try {
      const { payload } = await jwtVerify(token, keys, { issuer: issuers, algorithms: ['RS256'], clockTolerance: 60 });
      const claims = TokenClaims.safeParse(payload);
      if (!audiences(payload.aud) || !claims.success || claims.data.tid !== auth.tenantId) return { ok: false, message: 'this token is not for this app' };
      if (!hasScope(claims.data.scp)) return { ok: false, message: `this token does not carry the ${tabScope} scope: sign in through the app in Teams` };
      return { ok: true, userId: claims.data.oid, entraRoles: rolesFromToken(claims.data.roles) };
    } catch (error) {
      if (error instanceof joseErrors.JWTExpired) return { ok: false, message: 'your sign-in has expired: sign in again' };
      return { ok: false, message: 'your sign-in could not be verified: sign in again' };
    }
  };
}
