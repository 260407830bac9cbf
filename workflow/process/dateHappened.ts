import { londonDate } from '../calendar';
import type { CaseRecord } from '../model/records';

/**
 * The date a record's event happened (held, delivered, observed...), not the day it was typed in.
 * Records without such a date (a concern, an addendum, a report) happened when they were recorded.
 */
export function dateHappened(record: Pick<CaseRecord, 'body' | 'createdAt'>): string {
  const b = record.body;
  switch (b.kind) {
    case 'information-returned':
      return b.returnedOn;
    case 'observation':
      return b.observedOn;
    case 'meeting':
    case 'home-visit':
    case 'review':
      return b.heldOn;
    case 'support-session':
      return b.deliveredOn;
    case 'chronology':
    case 'time':
      return b.on;
    case 'evaluation-request':
      return b.sentOn;
    case 'lone-working':
      return londonDate(new Date(b.plannedStart));
    default:
      return londonDate(new Date(record.createdAt));
  }
}

/** Records in the order they happened, oldest first (same day: in the order recorded). */
export function inOrderHappened<R extends Pick<CaseRecord, 'body' | 'createdAt'>>(records: readonly R[]): R[] {
  const keyed = records.map((r) => ({ r, on: dateHappened(r) }));
  keyed.sort((a, b) => a.on.localeCompare(b.on) || a.r.createdAt.localeCompare(b.r.createdAt));
  return keyed.map((k) => k.r);
}
