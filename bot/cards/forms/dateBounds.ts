import { DateTime } from 'luxon';
import { OLDEST_AT_REFERRAL, YOUNGEST_AT_REFERRAL, type CaseView } from '../../../workflow';
import type { CardContext } from '../card';
import { todayIn } from '../format';

/** A date input's default and its bounds (YYYY-MM-DD): the default is the latest date the rules accept. */
export interface DateBounds {
  value: string;
  min: string;
  max: string;
}

const earliest = (dates: Array<string | undefined>): string => dates.filter((d): d is string => Boolean(d)).sort()[0] ?? '';
const latest = (dates: Array<string | undefined>): string => dates.filter((d): d is string => Boolean(d)).sort().at(-1) ?? '';

/**
 * The dates a record of something that happened may carry (rule "Plausible facts"): not before
 * the referral, not after today (UK time), not after the case closed. `within` narrows them by a
 * further rule (e.g. "Contract": the support period). When no date is left (support starts
 * next week), the one date offered is the latest bound and the rule says why it is refused.
 */
export function eventDates(ctx: CardContext, view: Pick<CaseView, 'case'>, within: { from?: string; to?: string } = {}): DateBounds {
  const max = earliest([todayIn(ctx.deps.clock.now()), view.case.closure?.on, within.to]);
  const from = latest([view.case.referralDate, within.from]);
  return { value: max, min: from <= max ? from : max, max };
}

/** The support period of the contract in force, as rule "Contract" bounds a session's date. */
export const supportPeriod = (view: Pick<CaseView, 'case'>): { from?: string; to?: string } => {
  const k = view.case.contractInForce;
  return k ? { from: k.startDate, to: k.supportEnds } : {};
};

/**
 * The referral form's dates: received today at the latest; a date of birth that makes the child
 * 2 to 19 on a referral received today (rule "Plausible facts"). No default date of birth.
 */
export function referralDates(ctx: CardContext): { today: string; bornFrom: string; bornBy: string } {
  const today = DateTime.fromISO(todayIn(ctx.deps.clock.now()));
  const iso = (d: DateTime): string => d.toISODate() ?? '';
  return { today: iso(today), bornFrom: iso(today.minus({ years: OLDEST_AT_REFERRAL + 1 }).plus({ days: 1 })), bornBy: iso(today.minus({ years: YOUNGEST_AT_REFERRAL })) };
}
