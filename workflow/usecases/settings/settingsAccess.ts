import type { Staff } from '../../model/staff';
import type { Result } from '../../result';
import { hasRole, requireRole } from '../../rules/access';

/** Managers and admins read the settings. */
export const mayReadSettings = (actor: Staff): Result<void> => requireRole(actor, ['manager', 'admin'], 'see the settings');

/** Only admins change them. */
export const mayChangeSettings = (actor: Staff, what: string): Result<void> => requireRole(actor, ['admin'], `change ${what}`);

/** Whether the settings pages offer changes to this person. */
export const canEditSettings = (actor: Staff): boolean => hasRole(actor, 'admin');
