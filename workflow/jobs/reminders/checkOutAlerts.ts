import { readableDateTime } from '../../calendar';
import { CHECK_OUT_GRACE_MINUTES, describePlace } from '../../rules/loneWorking';
import type { Job } from '../../model/job';
import type { WorkflowDeps } from '../../usecases/deps';
import { staffWithRole } from '../../usecases/support/notify';
import { updateOnce } from '../../usecases/support/updateOnce';
import type { JobOutcome } from '../runDueJobs';

/** After the first alert, the managers are alerted again this often until one acknowledges it or the worker checks out. */
export const CHECK_OUT_REPEAT_MINUTES = 15;

const minutes = (n: number) => n * 60_000;

/**
 * The missed check-out alert, repeated: the first at the planned end and the grace period, then
 * every 15 minutes after the first until a manager acknowledges it on the card or the worker
 * checks out. Repeat n (0 is the first) is counted from when the first went, each with its own
 * notification key, so a crash and a retry never send the same repeat twice; after downtime only
 * the repeat due now goes, not every one missed.
 */
export async function checkOutAlerts(deps: WorkflowDeps, job: Job): Promise<JobOutcome> {
  const record = await deps.stores.records.findByKey(job.payload.recordKey ?? '');
  if (!record || record.body.kind !== 'lone-working') return { done: true };
  const body = record.body;
  if (body.checkedOutAt || body.acknowledgedAt) return { done: true };
  const nowMs = deps.clock.now().getTime();
  const firstDue = Date.parse(body.plannedEnd) + minutes(CHECK_OUT_GRACE_MINUTES);
  if (nowMs < firstDue) return { retryAt: new Date(firstDue) };
  const c = await deps.stores.cases.get(record.caseId);
  if (!c) return { done: true };
  // The first alert is marked on the check-in before it goes (the check-out card tells the worker); a retry after a crash resends it by its key.
  const firstAt = body.managerAlertedAt ?? new Date(nowMs).toISOString();
  if (!body.managerAlertedAt) await updateOnce(deps.stores.records, record.id, { body: { ...body, managerAlertedAt: firstAt } }, record.etag);
  const repeat = Math.max(0, Math.floor((nowMs - Date.parse(firstAt)) / minutes(CHECK_OUT_REPEAT_MINUTES)));
  const [managers, [worker]] = await Promise.all([staffWithRole(deps, ['manager']), deps.stores.staff.find({ userId: record.createdBy })]);
  const overdue = Math.floor((nowMs - Date.parse(body.plannedEnd)) / 60_000);
  const again = repeat > 0 ? ` (alert ${repeat + 1}: not yet acknowledged)` : '';
  // Where the worker went is what the manager needs to act: it goes in the notice (the chat and its e-mail copy), never in a log.
  const summary =
    `No check-out from the home visit on case ${c.reference}, ${overdue} minutes after its planned end${again}. Contact the worker now, then acknowledge this alert.\n\n` +
    `Worker: ${worker?.displayName ?? 'someone no longer on the Staff list'}\n\nWhere: ${describePlace(body.where)}\n\n` +
    `Checked in: ${body.checkedInAt ? readableDateTime(body.checkedInAt) : 'not recorded'}\n\nPlanned end: ${readableDateTime(body.plannedEnd)}`;
  // The first alert keeps the key it always had; each repeat has its own.
  const about = repeat === 0 ? record.id : `${record.id}:repeat-${repeat}`;
  for (const recipientId of managers) {
    await deps.notifier.notify({
      kind: 'lone-working-check-out-missed',
      recipientId,
      caseId: c.id,
      caseReference: c.reference,
      summary,
      key: `lone-working-check-out-missed:${about}:${recipientId}`,
      acknowledge: { recordId: record.id },
    });
  }
  return { retryAt: new Date(Date.parse(firstAt) + minutes(CHECK_OUT_REPEAT_MINUTES) * (repeat + 1)) };
}
