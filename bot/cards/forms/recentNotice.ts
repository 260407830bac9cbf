import { counted, type CaseRecord, type RecordKind } from '../../../workflow';
import type { CaseFormName } from './formNames';

/** A form opened this soon after the same kind of record was written on the case says so. */
export const recentWindowMinutes = 10;

/** The kind of record each form writes, named as the notice says it ("An observation was recorded ..."). */
const formRecords: Partial<Record<CaseFormName, { kind: RecordKind; named: string }>> = {
  observation: { kind: 'observation', named: 'An observation' },
  'skip-observation': { kind: 'observation-skipped', named: 'A reason for skipping the further observation' },
  meeting: { kind: 'meeting', named: 'A meeting' },
  'home-visit': { kind: 'home-visit', named: 'A home visit or Teams call' },
  'check-in': { kind: 'lone-working', named: 'A lone-working check-in' },
  'support-session': { kind: 'support-session', named: 'A support session' },
  chronology: { kind: 'chronology', named: 'A chronology entry' },
  time: { kind: 'time', named: 'A time entry' },
  review: { kind: 'review', named: 'A review' },
  report: { kind: 'report', named: 'A report' },
};

export type WrittenRecord = Pick<CaseRecord, 'body' | 'createdAt' | 'createdBy'>;

/** The latest record the form `form` writes, if one was written on the case in the last 10 minutes. */
export function recentRecordFor(form: CaseFormName, records: readonly WrittenRecord[], now: Date): WrittenRecord | undefined {
  const kind = formRecords[form]?.kind;
  if (!kind) return undefined;
  const since = now.getTime() - recentWindowMinutes * 60_000;
  return records
    .filter((r) => r.body.kind === kind && Date.parse(r.createdAt) >= since)
    .reduce<WrittenRecord | undefined>((latest, r) => (!latest || r.createdAt > latest.createdAt ? r : latest), undefined);
}

/** "just now", "40 seconds ago", "1 minute ago", "9 minutes ago". */
export function howLongAgo(at: string, now: Date): string {
  const seconds = Math.max(0, Math.floor((now.getTime() - Date.parse(at)) / 1000));
  if (seconds < 5) return 'just now';
  if (seconds < 60) return `${counted(seconds, 'second')} ago`;
  return `${counted(Math.floor(seconds / 60), 'minute')} ago`;
}

/**
 * The line at the top of the form: "An observation was recorded 40 seconds ago by you. Record
 * another?" (`who` is "you" or the person's name), or undefined when nothing recent was written.
 */
export function recentRecordNotice(form: CaseFormName, recent: WrittenRecord | undefined, now: Date, who: string): string | undefined {
  const named = formRecords[form]?.named;
  if (!named || !recent) return undefined;
  return `${named} was recorded ${howLongAgo(recent.createdAt, now)} by ${who}. Record another?`;
}
