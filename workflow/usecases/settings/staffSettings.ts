import { z } from 'zod';
import { ItemNotFound, UniqueValueTaken, VersionConflict, workflowError } from '../../errors';
import { EntraObjectId } from '../../model/common';
import { Staff } from '../../model/staff';
import type { Versioned } from '../../ports/store';
import { fail, ok } from '../../result';
import type { UseCase } from '../deps';
import { audit } from '../support/audit';
import { parseInput } from '../support/input';
import type { Saved } from './priceLists';
import { canEditSettings, mayChangeSettings, mayReadSettings } from './settingsAccess';
import { staleChange } from './staleChange';

/** The Staff list, by name. */
export const listStaffSettings: UseCase<void, { canEdit: boolean; staff: Versioned<Staff>[] }> = async (deps, actor) => {
  const allowed = mayReadSettings(actor);
  if (!allowed.ok) return allowed;
  const staff = (await deps.stores.staff.list()).sort((a, b) => a.displayName.localeCompare(b.displayName));
  return ok({ canEdit: canEditSettings(actor), staff });
};

const NewMember = Staff.omit({ id: true, active: true }).extend({ userId: EntraObjectId });

/** Adds a member of staff (active from now): they can use the bot and the tab at once. */
export const addStaffMember: UseCase<unknown, Saved & { id: string }> = async (deps, actor, raw) => {
  const allowed = mayChangeSettings(actor, 'the Staff list');
  if (!allowed.ok) return allowed;
  const input = parseInput(NewMember, raw);
  if (!input.ok) return input;
  const taken = () => fail(workflowError('InvalidState', `That Microsoft 365 user is already on the Staff list.`, { field: 'userId' }));
  try {
    const { item, created } = await deps.stores.staff.create({ ...input.value, active: true }, `settings-staff:${input.value.userId}`);
    if (!created) return taken();
    await audit(deps, actor, 'settings.staff.changed', undefined, `added:${item.id}`, { staffId: item.id, change: 'added', roles: item.roles.join(',') });
    return ok({ id: item.id, etag: item.etag, message: `${item.displayName} is on the Staff list.` });
  } catch (error) {
    if (error instanceof UniqueValueTaken) return taken();
    throw error;
  }
};

const Change = Staff.omit({ userId: true }).extend({ etag: z.string().min(1, 'say which version you changed (etag)') });

/**
 * Changes a member of staff: roles, capacity, active, name, e-mail. The service must keep an
 * admin: an admin cannot take away their own admin role or make themselves inactive.
 */
export const changeStaffMember: UseCase<unknown, Saved> = async (deps, actor, raw) => {
  const allowed = mayChangeSettings(actor, 'the Staff list');
  if (!allowed.ok) return allowed;
  const input = parseInput(Change, raw);
  if (!input.ok) return input;
  const { id, etag, ...fields } = input.value;
  const current = await deps.stores.staff.get(id);
  if (!current) return fail(workflowError('NotFound', 'That member of staff is not on the Staff list.', { field: 'id' }));
  if (current.userId === actor.userId && !fields.roles.includes('admin')) {
    return fail(workflowError('InvalidState', 'You cannot take away your own admin role: the service must keep an admin. Another admin can.', { field: 'roles', rule: 'Roles' }));
  }
  if (current.userId === actor.userId && !fields.active) {
    return fail(workflowError('InvalidState', 'You cannot make yourself inactive: the service must keep an admin. Another admin can.', { field: 'active', rule: 'Roles' }));
  }
  try {
    const saved = await deps.stores.staff.update(id, fields, etag);
    await audit(deps, actor, 'settings.staff.changed', undefined, `${id}:${saved.etag}`, { staffId: id, change: 'changed', roles: saved.roles.join(','), active: String(saved.active) });
    return ok({ etag: saved.etag, message: `${saved.displayName}'s details are saved.` });
  } catch (error) {
    if (error instanceof VersionConflict) return staleChange(`${current.displayName}'s details`);
    if (error instanceof ItemNotFound) return fail(workflowError('NotFound', 'That member of staff is no longer on the Staff list.', { field: 'id' }));
    throw error;
  }
};
