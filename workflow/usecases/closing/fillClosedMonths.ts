import { VersionConflict } from '../../errors';
import { closedMonthOf, type Case } from '../../model/case';
import type { Versioned } from '../../ports/store';
import type { WorkflowDeps } from '../deps';

/** Updates in flight at once (a Graph `$batch` holds 20). */
const AT_ONCE = 20;

/**
 * Gives closedMonth to cases closed before the ClosedMonth column existed, so a manager's
 * "closed in the last 12 months" shows them as well. Run once after provisioning adds the column;
 * a repeat changes nothing. It reads the whole Cases list page by page, which the list view
 * threshold allows (no filter), unlike `status eq 'closed'`; it is the one caller of `cases.list()`.
 * Attribution is left as it was: nobody changed the cases.
 */
export async function fillClosedMonths(deps: Pick<WorkflowDeps, 'stores'>): Promise<{ filled: number }> {
  const lacking = (await deps.stores.cases.list()).filter(needsMonth);
  for (let i = 0; i < lacking.length; i += AT_ONCE) await Promise.all(lacking.slice(i, i + AT_ONCE).map((c) => fill(deps, c)));
  return { filled: lacking.length };
}

const needsMonth = (c: Case): boolean => c.status === 'closed' && c.closure !== undefined && c.closedMonth === undefined;

async function fill(deps: Pick<WorkflowDeps, 'stores'>, c: Versioned<Case>): Promise<void> {
  const write = (at: Versioned<Case>) => deps.stores.cases.update(at.id, { closedMonth: closedMonthOf((at.closure as NonNullable<Case['closure']>).on) }, at.etag);
  try {
    await write(c);
  } catch (error) {
    if (!(error instanceof VersionConflict)) throw error;
    // Changed since the list was read (a closing use case sets closedMonth itself): decide again on the latest.
    const latest = await deps.stores.cases.get(c.id);
    if (latest && needsMonth(latest)) await write(latest);
  }
}
