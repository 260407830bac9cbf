import type { CaseRecord } from '../model/records';

export const CHECK_OUT_GRACE_MINUTES = 30;

export interface MissedCheckOut {
  record: CaseRecord;
  plannedEnd: string;
  minutesOverdue: number;
}

/**
 * Rule "Lone working": a home visit has a check-in and a check-out; no check-out within 30
 * minutes of the planned end alerts the manager (once: visits already alerted are left out).
 */
export function missedCheckOuts(records: CaseRecord[], now: Date, graceMinutes = CHECK_OUT_GRACE_MINUTES): MissedCheckOut[] {
  const missed: MissedCheckOut[] = [];
  for (const record of records) {
    const body = record.body;
    if (body.kind !== 'lone-working' || body.checkedOutAt || body.managerAlertedAt) continue;
    const minutesOverdue = (now.getTime() - Date.parse(body.plannedEnd)) / 60_000;
    if (minutesOverdue > graceMinutes) missed.push({ record, plannedEnd: body.plannedEnd, minutesOverdue: Math.floor(minutesOverdue) });
  }
  return missed;
}
