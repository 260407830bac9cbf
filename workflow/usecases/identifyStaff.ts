import { workflowError } from '../errors';
import type { Staff } from '../model/staff';
import type { StaffStore } from '../ports/stores';
import { fail, ok, type Result } from '../result';

/** Finds the member of staff behind a Microsoft 365 user id; someone not on the Staff list is refused. */
export async function identifyStaff(staff: StaffStore, userId: string | undefined): Promise<Result<Staff>> {
  if (!userId) return fail(workflowError('NotOnStaffList', 'We could not tell who you are: sign in with your work account.'));
  const [member] = await staff.find({ userId });
  if (!member || !member.active) {
    return fail(workflowError('NotOnStaffList', 'You are not on the outreach service\'s Staff list. Ask the administrator to add you.'));
  }
  return ok(member);
}
