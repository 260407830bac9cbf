import { plusDays } from '../calendar/calendarDate';
import type { Case } from '../model/case';
import type { Contract } from '../model/contract';
import type { CaseRecord } from '../model/records';
import { inPeriod, type ReportPeriod } from './period';

/** A review held up to this many days after the agreed review date still counts as on time (a week's slack for diaries). */
export const REVIEW_GRACE_DAYS = 7;

export type ReviewOutcome = 'on-time' | 'late' | 'missed' | 'not-yet-due' | 'closed-first';

export interface ReviewTally {
  /** Reviews agreed in approved contracts, with the review date in the period. */
  readonly due: number;
  readonly onTime: number;
  readonly late: number;
  /** The date and its grace have passed and none was held. */
  readonly missed: number;
  /** Not held yet, still within the grace. */
  readonly notYetDue: number;
  /** The case closed before the review date, without one. */
  readonly closedFirst: number;
  /** Review records dated in the period. */
  readonly held: number;
}

const approved = (k: Contract): boolean => k.decisions.some((d) => d.outcome === 'approved');

/**
 * How one contract's review went: the first review recorded from the contract's start until the
 * next approved contract starts, against the review date plus REVIEW_GRACE_DAYS.
 */
export function reviewOutcome(contract: Contract, nextStart: string | undefined, c: Pick<Case, 'closure'>, reviewDates: readonly string[], today: string): ReviewOutcome {
  const held = reviewDates.filter((d) => d >= contract.startDate && (nextStart === undefined || d < nextStart)).sort()[0];
  const lastOnTime = plusDays(contract.reviewDate, REVIEW_GRACE_DAYS);
  if (held !== undefined) return held <= lastOnTime ? 'on-time' : 'late';
  if (c.closure !== undefined && c.closure.on < contract.reviewDate) return 'closed-first';
  return today > lastOnTime ? 'missed' : 'not-yet-due';
}

/** Reviews due in the period (by approved contracts' review dates) and how they went; reviews held in it. */
export function reviewTally(
  cases: readonly Case[],
  contractsByCase: ReadonlyMap<string, readonly Contract[]>,
  recordsByCase: ReadonlyMap<string, readonly CaseRecord[]>,
  period: ReportPeriod,
  today: string,
): ReviewTally {
  const t = { due: 0, onTime: 0, late: 0, missed: 0, notYetDue: 0, closedFirst: 0, held: 0 };
  for (const c of cases) {
    const reviewDates = (recordsByCase.get(c.id) ?? []).flatMap((r) => (r.body.kind === 'review' ? [r.body.heldOn] : []));
    t.held += reviewDates.filter((d) => inPeriod(d, period)).length;
    const contracts = (contractsByCase.get(c.id) ?? []).filter(approved).sort((a, b) => a.startDate.localeCompare(b.startDate) || a.version - b.version);
    contracts.forEach((k, i) => {
      if (!inPeriod(k.reviewDate, period)) return;
      t.due += 1;
      const outcome = reviewOutcome(k, contracts[i + 1]?.startDate, c, reviewDates, today);
      if (outcome === 'on-time') t.onTime += 1;
      else if (outcome === 'late') t.late += 1;
      else if (outcome === 'missed') t.missed += 1;
      else if (outcome === 'not-yet-due') t.notYetDue += 1;
      else t.closedFirst += 1;
    });
  }
  return t;
}
