import { toHundredths, fromHundredths } from '../packages/units';
import { caseLedgerFor } from './caseLedgers';
import { closedInPeriod, openAtEnd, referredInPeriod } from './period';
import { casesInScope, type ReportIndex, type ReportInput } from './scope';

export interface WorkerLoad {
  /** The worker's Entra id; undefined for cases not allocated. */
  readonly workerId: string | undefined;
  readonly openAtEnd: number;
  readonly opened: number;
  readonly closed: number;
  /** Hours bought and not yet drawn on the cases open at the period's end (entries up to that day). */
  readonly hoursLeft: number;
}

/**
 * Cases per worker: open when the period ends, referred in it, closed in it; and the hours left
 * on the packages of the open ones. Every active worker has a line, with or without cases.
 */
export function workerLoads(input: ReportInput, index: ReportIndex): WorkerLoad[] {
  const loads = new Map<string | undefined, { openAtEnd: number; opened: number; closed: number; left: number }>();
  const lineOf = (id: string | undefined) => {
    const found = loads.get(id);
    if (found) return found;
    const fresh = { openAtEnd: 0, opened: 0, closed: 0, left: 0 };
    loads.set(id, fresh);
    return fresh;
  };
  if (input.filters.workerId !== undefined) lineOf(input.filters.workerId);
  else for (const s of input.staff) if (s.active && s.roles.includes('worker')) lineOf(s.userId);

  for (const c of casesInScope(input, index)) {
    const open = openAtEnd(c, input.period);
    const opened = referredInPeriod(c, input.period);
    const closed = closedInPeriod(c, input.period);
    if (!open && !opened && !closed) continue;
    const line = lineOf(c.workerId);
    if (opened) line.opened += 1;
    if (closed) line.closed += 1;
    if (open) {
      line.openAtEnd += 1;
      const ledger = caseLedgerFor(c, index, input.priceLists, input.period.to);
      line.left += toHundredths(ledger?.totals.left ?? 0);
    }
  }
  return [...loads.entries()].map(([workerId, l]) => ({
    workerId,
    openAtEnd: l.openAtEnd,
    opened: l.opened,
    closed: l.closed,
    hoursLeft: fromHundredths(l.left),
  }));
}
