import { readableDate } from '../calendar/showDates';
import { plusDays } from '../calendar/calendarDate';
import type { Case } from '../model/case';
import type { Contract } from '../model/contract';
import { steps, type StepNumber } from './steps';

/** Where a case is, in one place: every card, notice and list shows this, never its own guess. */
export interface CaseProgress {
  /** The step the case is at (10 once closed). */
  step: StepNumber;
  stepName: string;
  /** One line for the top of a card: "Step 8 of 10: Support begins", "Paused since …", "Closed on …". */
  statusLine: string;
  /** What is to be done next, as a sentence starting with a capital and without a full stop. */
  nextAction: string;
  /** Support is under way and the review is due (see `reviewDue`). */
  reviewDue: boolean;
}

/** How a case closed, as a person says it (the closure's stored key is not shown). */
export const closedHow: Record<NonNullable<Case['closure']>['how'], string> = {
  'review-ended': 'support ended at the review',
  'referral-declined': 'referral declined',
  'consent-refused': 'parental consent refused',
  'consent-withdrawn': 'parental consent withdrawn',
  'moved-school': 'pupil moved school',
  'permanently-excluded': 'pupil permanently excluded',
  'no-longer-needed': 'support no longer needed',
};

/** A review is shown as due this many days before the agreed review date. */
export const REVIEW_DUE_DAYS_BEFORE = 7;

/**
 * "Due" for the review: today is on or after the review date minus REVIEW_DUE_DAYS_BEFORE days,
 * or the support period under the contract has ended (today is after its last day). Until then
 * support runs and the case stays at step 8. The Order rule does not use this: a review may still
 * be recorded earlier, once support has started.
 */
export function reviewDue(inForce: NonNullable<Case['contractInForce']>, today: string): boolean {
  return today >= plusDays(inForce.reviewDate, -REVIEW_DUE_DAYS_BEFORE) || today > inForce.supportEnds;
}

/** The step and next action of a case, from what is recorded, its contracts and today's date (YYYY-MM-DD). */
export function caseProgress(c: Case, contracts: readonly Contract[], today: string): CaseProgress {
  if (c.status === 'closed') {
    const how = c.closure ? `: ${closedHow[c.closure.how]}` : '';
    const on = c.closure ? ` on ${readableDate(c.closure.on)}` : '';
    return { step: 10, stepName: steps[10].name, statusLine: `Closed${on}${how}`, nextAction: 'Nothing: the case is closed', reviewDue: false };
  }
  const open = openProgress(c, contracts, today);
  const stepName = steps[open.step].name;
  const progress = { step: open.step, stepName, reviewDue: open.reviewDue ?? false };
  if (c.status === 'paused') {
    const since = [...c.pauses].reverse().find((p) => !p.to)?.from ?? c.pauses.at(-1)?.from;
    return {
      ...progress,
      statusLine: `Paused${since ? ` since ${readableDate(since)}` : ''}, at step ${open.step} of 10: ${stepName}`,
      nextAction: `A manager resumes the case; then: ${open.next}`,
    };
  }
  return { ...progress, statusLine: `Step ${open.step} of 10: ${stepName}`, nextAction: open.next };
}

interface OpenStep {
  step: StepNumber;
  next: string;
  reviewDue?: boolean;
}

function openProgress(c: Case, contracts: readonly Contract[], today: string): OpenStep {
  const m = c.milestones;
  if (!m.allocated || !m.informationReturned) return { step: 2, next: informationNext(c) };
  if (!m.firstObservation) return { step: 3, next: steps[3].nextAction };
  if (!m.schoolMeeting) return { step: 4, next: steps[4].nextAction };
  if (!m.homeVisit) return { step: 5, next: steps[5].nextAction };
  if (!m.furtherObservation) return { step: 6, next: steps[6].nextAction };
  if (m.lastReview?.outcome === 'end') {
    return { step: 9, next: "Complete the case: file the End of Outreach Report in the child's folder, send it to the school with the evaluation request, and close the case" };
  }
  const inForce = c.contractInForce;
  if (!inForce) return { step: 7, next: contractNext(c, contracts) };
  if (!m.supportStarted) return { step: 8, next: `Record the first support session (support runs to ${readableDate(inForce.supportEnds)})` };
  if (!reviewDue(inForce, today)) {
    return { step: 8, next: `Record support sessions; the review is on ${readableDate(inForce.reviewDate)}` };
  }
  return { step: 9, next: `Record the review (agreed for ${readableDate(inForce.reviewDate)}): continue or end`, reviewDue: true };
}

/** Step 2 waits on what is still missing: the allocation, the information request, the returned form. */
function informationNext(c: Case): string {
  const m = c.milestones;
  if (!m.allocated) {
    if (m.informationReturned) return 'Allocate a worker (the information form and PDP are back)';
    if (m.informationRequested) return 'Allocate a worker; the information form and PDP are awaited from the school';
    return 'Allocate a worker and send the school the information request';
  }
  if (!m.informationRequested) return 'Send the school the information request (the information form and PDP)';
  const part = m.informationPartlyReturned;
  if (part?.form && !part.pdp) return 'Record the PDP when the school sends it back (the information form is back)';
  if (part?.pdp && !part.form) return 'Record the information form when the school sends it back (the PDP is back)';
  return 'Record the returned information form and PDP when the school sends them back';
}

/** Step 7 waits on the draft, on its approval, or on a redraft. */
function contractNext(c: Case, contracts: readonly Contract[]): string {
  const latest = [...contracts].filter((k) => k.caseId === c.id).sort((a, b) => b.version - a.version)[0];
  if (latest?.status === 'awaiting-approval') return `Waiting for approval of contract version ${latest.version}`;
  if (latest?.status === 'changes-requested') return `Redraft the contract: version ${latest.version} was returned for changes`;
  if (c.milestones.lastReview?.outcome === 'continue') return 'Draft the new contract version and have it approved (the review said continue)';
  return steps[7].nextAction;
}
