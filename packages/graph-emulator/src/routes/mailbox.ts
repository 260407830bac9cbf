import { GraphError } from '../http/graphError';
import type { RouteContext } from '../http/route';

/** Mail domain for users the emulator has not been told about (fictional; `example.org` is reserved). */
export const fallbackMailDomain = 'outreach.example.org';

/**
 * The mailbox `/users/{id-or-address}` stands for: a registered user's mail. An unknown user answers 404
 * as Graph does, unless the `unknownUsersNotFound` fidelity setting is off: then the address itself, or
 * `{id}@outreach.example.org` for an unregistered object id.
 */
export const mailboxOf = (ctx: RouteContext, userRef: string): { address: string; name: string } => {
  const user = ctx.store.users.find(userRef);
  if (user) return { address: user.mail.toLowerCase(), name: user.displayName };
  if (ctx.fidelity.unknownUsersNotFound) throw new GraphError(404, 'ErrorInvalidUser', `The requested user '${userRef}' is invalid.`);
  if (userRef.includes('@')) return { address: userRef.toLowerCase(), name: userRef };
  return { address: `${userRef.toLowerCase()}@${fallbackMailDomain}`, name: userRef };
};
