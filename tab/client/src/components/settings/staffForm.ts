/** The staff dialog's fields as typed, and the change or new member they make. */
import type { NewStaffMember, StaffChange, StaffMember } from '../../../../contract/settings';
import { numberText, readNumber, type Read } from './numbers';

export type Role = StaffMember['roles'][number];
export const roles: readonly Role[] = ['worker', 'manager', 'admin', 'dsl'];
export const roleLabels: Record<Role, string> = {
  worker: 'Outreach worker',
  manager: 'Manager',
  admin: 'Administrator',
  dsl: 'Designated safeguarding lead',
};

export interface StaffForm {
  userId: string;
  displayName: string;
  email: string;
  roles: Role[];
  capacityHours: string;
  active: boolean;
}

export const blankStaffForm: StaffForm = { userId: '', displayName: '', email: '', roles: ['worker'], capacityHours: '0', active: true };

export const staffFormOf = (m: StaffMember): StaffForm => ({
  userId: m.userId,
  displayName: m.displayName,
  email: m.email,
  roles: [...m.roles],
  capacityHours: numberText(m.capacityHours),
  active: m.active,
});

/** Ticks or unticks a role, keeping the roles in the order they are listed. */
export const withRole = (current: readonly Role[], role: Role, on: boolean): Role[] => roles.filter((r) => (r === role ? on : current.includes(r)));

const entraId = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const emailShape = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function common(form: StaffForm): Read<Omit<StaffChange, 'etag' | 'active'>> {
  const displayName = form.displayName.trim();
  const email = form.email.trim();
  if (!displayName) return { ok: false, message: 'Name: enter the name people know them by.' };
  if (!emailShape.test(email)) return { ok: false, message: 'E-mail: enter an address such as name@example.org.' };
  if (form.roles.length === 0) return { ok: false, message: 'Roles: tick at least one.' };
  // A week has 168 hours; anything near it is a typo.
  const capacity = readNumber(form.capacityHours, 'Capacity (hours a week)', { max: 60 });
  if (!capacity.ok) return capacity;
  return { ok: true, value: { displayName, email, roles: form.roles, capacityHours: capacity.value } };
}

export function staffChange(form: StaffForm, etag: string): Read<StaffChange> {
  const read = common(form);
  return read.ok ? { ok: true, value: { ...read.value, active: form.active, etag } } : read;
}

export function newStaffMember(form: StaffForm): Read<NewStaffMember> {
  const userId = form.userId.trim();
  if (!entraId.test(userId)) return { ok: false, message: 'Entra object id: paste the 36-character id from the person\'s Entra ID (Azure AD) profile, e.g. 00000000-0000-4000-8000-000000000000.' };
  const read = common(form);
  return read.ok ? { ok: true, value: { ...read.value, userId } } : read;
}
