import type { SchoolCalendar } from '../../calendar';
import { workflowError } from '../../errors';
import type { Case } from '../../model/case';
import type { Child } from '../../model/child';
import type { School } from '../../model/school';
import type { Staff } from '../../model/staff';
import type { Versioned } from '../../ports/store';
import { fail, ok, type Result } from '../../result';
import { openCaseRule } from '../../rules/closing';
import type { WorkflowDeps } from '../deps';
import { calendarForSchool } from '../support/calendarFor';
import { loadCase } from '../support/caseAccess';

/** What booking a meeting for a case needs: the case, its school and term days, the organiser, and the child (for parents). */
export interface MeetingContext {
  case: Versioned<Case>;
  school: School;
  calendar: SchoolCalendar;
  /** Whose calendar holds the meeting: the case's worker, or the person booking while none is allocated. */
  organiser: Staff;
  /** Read only when `withChild` was asked (parents' contact details). */
  child?: Child;
}

/**
 * Loads a case the actor may book for (an open case on their caseload, or any as a manager), with
 * its school (cached), term calendar and organiser (cached). `childRead`, when given, is the read
 * of the child the caller started beside the case's (its id carried by the card), checked to be
 * this case's child and read again if not.
 */
export async function meetingContext(
  deps: WorkflowDeps,
  actor: Staff,
  caseId: string,
  withChild: boolean,
  childRead?: Promise<Versioned<Child> | undefined>,
): Promise<Result<MeetingContext>> {
  const loaded = await loadCase(deps, actor, caseId);
  if (!loaded.ok) return loaded;
  const c = loaded.value;
  const open = openCaseRule(c);
  if (!open.ok) return open;
  const [organiser, hinted] = await Promise.all([
    c.workerId && c.workerId !== actor.userId ? firstStaff(deps, c.workerId) : Promise.resolve(actor),
    withChild ? childRead : undefined,
  ]);
  if (!organiser) return fail(workflowError('NotOnStaffList', `The case's worker is not on the Staff list, so no calendar can hold the meeting.`));
  const context = await contextFor(deps, c, organiser);
  if (!context.ok || !withChild) return context;
  const child = hinted?.id === c.childId ? hinted : await deps.stores.children.get(c.childId);
  return ok({ ...context.value, ...(child ? { child } : {}) });
}

/** The context for a case already read, its meetings in `organiser`'s calendar (school and term dates from the cached lists). */
export async function contextFor(deps: WorkflowDeps, c: Versioned<Case>, organiser: Staff): Promise<Result<MeetingContext>> {
  const school = await deps.stores.schools.get(c.schoolId);
  if (!school) return fail(workflowError('NotFound', `The case's school is not on the Schools list.`, { field: 'schoolId' }));
  const calendar = calendarForSchool(deps, school);
  if (!calendar.ok) return calendar;
  return ok({ case: c, school, calendar: calendar.value, organiser });
}

async function firstStaff(deps: WorkflowDeps, userId: string): Promise<Staff | undefined> {
  const [found] = await deps.stores.staff.find({ userId });
  return found;
}
