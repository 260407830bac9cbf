import { hasRole, mayApprove, type CaseView, type Staff } from '../../../workflow';
import { viewVerbs, type CaseFormName, type ViewVerb } from '../forms/formNames';
import { meetingsAhead, stepMeetingKinds, theMeeting } from './meetingLines';

/** A button on the case card: it opens a form, or (`oneClick`) records at once through the form's submit. */
export interface Offer {
  title: string;
  form: CaseFormName;
  data?: Record<string, string>;
  /** Nothing to type in the common case: the button is the form's submit, carrying a request key. */
  oneClick?: boolean;
  /** A button that shows something (e.g. a booked meeting) rather than opening the form: its view verb. */
  view?: ViewVerb;
}

/**
 * The case card's buttons for one person: the next action (the card's one primary button, none
 * where this person cannot move the case on), the few shown beside it, and the rest, kept under
 * "More actions".
 */
export interface CaseOffers {
  primary?: Offer;
  /** Most useful first; the card shows the first ones beside the primary and moves the others to "More actions". */
  beside: Offer[];
  more: Offer[];
}

type StepOffers = CaseOffers;

const chronologyEntry: Offer = { title: 'Chronology entry', form: 'chronology' };
const concern: Offer = { title: 'Safeguarding concern', form: 'safeguarding' };
const recordConsent: Offer = { title: 'Record consent', form: 'consent' };

/** Consent is not "given": no direct work with the pupil (rule "No direct support"). */
export const consentNeeded = (view: CaseView): boolean => view.case.status !== 'closed' && view.case.consent !== 'given';

export function caseOffers(actor: Staff, view: CaseView, now: Date): CaseOffers {
  const c = view.case;
  // The DSL, reaching the case through a concern, acts on the concern only.
  if (view.asDsl) return { beside: [chronologyEntry, concern], more: [] };
  if (c.status === 'closed') return { beside: [], more: [chronologyEntry, concern] };
  const step = c.status === 'paused' ? pausedOffers(actor) : stepOffers(actor, view);
  // From the home visit on, consent is what direct work waits for: "Record consent" is in sight.
  const consentShown = consentNeeded(view) && view.step >= 5;
  const supportBlocked = consentNeeded(view);
  const usable = (o: Offer): boolean => !(supportBlocked && o.form === 'support-session');
  const primary = step.primary && !usable(step.primary) ? recordConsent : step.primary;
  const meetings = c.status === 'open' && mayBook(actor, view) ? meetingOffers(view, now) : { beside: [], more: [] };
  const beside = [...step.beside.filter(usable), ...(consentShown && primary !== recordConsent ? [recordConsent] : []), ...meetings.beside];
  const more = [...step.more, ...meetings.more, ...anyTimeOffers(actor, view, consentShown)];
  return { ...(primary ? { primary } : {}), beside, more };
}

/** Bookings are the case's worker's (in their calendar), or a manager's for them. */
const mayBook = (actor: Staff, view: CaseView): boolean => hasRole(actor, 'manager') || (hasRole(actor, 'worker') && view.case.workerId === actor.userId);

/**
 * The meetings of the case's step (rule "Order" governs records, not bookings): "Book the <meeting>"
 * beside the primary while none of that kind stands ahead, else a button to view it. Other booked
 * meetings ahead and "Book a meeting" (any kind) are under "More actions".
 */
function meetingOffers(view: CaseView, now: Date): Pick<StepOffers, 'beside' | 'more'> {
  const ahead = meetingsAhead(view, now);
  const kinds = stepMeetingKinds(view.step);
  const viewOf = (m: (typeof ahead)[number]): Offer => ({ title: `View ${theMeeting(m.kind)}`, form: 'meeting-book', view: viewVerbs.viewMeeting, data: { meetingId: m.id } });
  // The step's kinds are alternatives (step 5: a home visit or a Teams call): one booked, the others are not offered.
  const booked = ahead.filter((m) => kinds.includes(m.kind));
  const beside = booked.length > 0 ? booked.map(viewOf) : kinds.map((kind): Offer => ({ title: `Book ${theMeeting(kind)}`, form: 'meeting-book', data: { kind } }));
  const others = ahead.filter((m) => !kinds.includes(m.kind)).map(viewOf);
  return { beside, more: [...others, { title: 'Book a meeting', form: 'meeting-book' }] };
}

function pausedOffers(actor: Staff): StepOffers {
  return hasRole(actor, 'manager') ? { primary: { title: 'Resume the case', form: 'resume' }, beside: [], more: [] } : { beside: [], more: [] };
}

/** The step's own actions, for this person, in the order they are usually done. */
function stepOffers(actor: Staff, view: CaseView): StepOffers {
  const only = (title: string, form: CaseFormName): StepOffers => ({ primary: { title, form }, beside: [], more: [] });
  switch (view.step) {
    case 2:
      return gatheringOffers(actor, view);
    case 3:
      return only('Record the observation', 'observation');
    case 4:
      return only('Record the school meeting', 'meeting');
    case 5:
      return { primary: { title: 'Record the home visit or call', form: 'home-visit' }, beside: loneWorkingOffers(actor, view), more: [] };
    case 6:
      return { primary: { title: 'Record the 2nd observation', form: 'observation' }, beside: [{ title: 'Skip it, with a reason', form: 'skip-observation' }], more: [] };
    case 7:
      return contractOffers(actor, view);
    case 8: {
      // Support runs until the review is due, but a review may be held earlier (rule Order: once support has started).
      const parents = parentsInformedOffers(view);
      const earlyReview: Offer[] = view.case.milestones.supportStarted ? [{ title: 'Record the review', form: 'review' }] : [];
      return { primary: supportSession, beside: [...parents.beside, ...earlyReview], more: parents.more };
    }
    default: {
      if (view.case.milestones.lastReview?.outcome === 'end') return only('Complete and close the case', 'complete');
      const parents = parentsInformedOffers(view);
      return { primary: { title: 'Record the review', form: 'review' }, beside: [supportSession, ...parents.beside], more: parents.more };
    }
  }
}

const supportSession: Offer = { title: 'Record a support session', form: 'support-session' };

/** Step 2: allocation (a manager), the information request (admin, manager), the information back. */
function gatheringOffers(actor: Staff, view: CaseView): StepOffers {
  const m = view.case.milestones;
  const allocate: Offer[] = !m.allocated && hasRole(actor, 'manager') ? [{ title: 'Allocate a worker', form: 'allocate' }] : [];
  const request: Offer[] = !m.informationRequested && hasRole(actor, 'admin', 'manager') ? [{ title: 'Send the information request', form: 'information-request' }] : [];
  // Both documents back today is the common case: one click; the form takes another date or one of them missing.
  const returned: Offer[] = m.informationReturned
    ? []
    : [{ title: 'Information returned today', form: 'information-returned', oneClick: true, data: { formReturned: 'true', pdpReturned: 'true' } }];
  const [primary, ...rest] = [...allocate, ...returned];
  return {
    ...(primary ? { primary } : {}),
    beside: [...rest, ...request],
    more: m.informationReturned ? [] : [{ title: 'Information returned on another date', form: 'information-returned' }],
  };
}

function contractOffers(actor: Staff, view: CaseView): StepOffers {
  const pending = view.contracts.find((k) => k.status === 'awaiting-approval');
  if (pending) {
    return mayApprove(actor, pending)
      ? { primary: { title: 'Approve or request changes', form: 'contract-decision', data: { contractId: pending.id } }, beside: [], more: [] }
      : { beside: [], more: [] };
  }
  const returned = view.contracts.some((k) => k.status === 'changes-requested');
  return { primary: { title: returned ? 'Redraft the contract' : 'Draft the contract', form: 'contract-draft' }, beside: [], more: [] };
}

/** The parents told of the contract in force: today in one click, or through the form that says who and what. */
function parentsInformedOffers(view: CaseView): Pick<StepOffers, 'beside' | 'more'> {
  const inForce = view.case.contractInForce;
  const contract = inForce ? view.contracts.find((k) => k.id === inForce.contractId) : undefined;
  if (!contract || contract.parentsInformedAt) return { beside: [], more: [] };
  const data = { contractId: contract.id };
  return {
    beside: [{ title: 'Parents told today', form: 'parents-informed', oneClick: true, data }],
    more: [{ title: 'Parents informed of the contract', form: 'parents-informed', data }],
  };
}

/** What can be done at any time while the case is open. */
function anyTimeOffers(actor: Staff, view: CaseView, consentShown: boolean): Offer[] {
  const c = view.case;
  const manager = hasRole(actor, 'manager');
  // The use case lets the case's worker close it early too, not only a manager.
  const mayCloseEarly = manager || (hasRole(actor, 'worker') && c.workerId === actor.userId);
  return [
    chronologyEntry,
    // Step 10: a meeting record for any meeting attended (at step 4 it is the next step's action).
    ...(view.step !== 4 ? [{ title: 'Meeting record', form: 'meeting' as const }] : []),
    { title: 'Log time', form: 'time' },
    concern,
    { title: 'Outreach or FAP report', form: 'report' },
    ...(consentShown ? [] : [{ title: 'Parental consent', form: 'consent' as const }]),
    ...(view.step !== 5 ? loneWorkingOffers(actor, view) : []),
    ...(manager && c.status === 'open' ? [{ title: 'Pause the case', form: 'pause' as const }] : []),
    ...(manager ? [{ title: 'Reallocate', form: 'reallocate' as const }] : []),
    ...(mayCloseEarly ? [{ title: 'Close early', form: 'close-early' as const }] : []),
  ];
}

/** Check in when a visit starts; check out (once) from the visit still open; a manager acknowledges a missed check-out alert (issue 14). */
function loneWorkingOffers(actor: Staff, view: CaseView): Offer[] {
  const open = view.records.find((r) => r.body.kind === 'lone-working' && !r.body.checkedOutAt);
  if (!open) return [{ title: 'Check in to a visit', form: 'check-in' }];
  const alerted = open.body.kind === 'lone-working' && open.body.managerAlertedAt && !open.body.acknowledgedAt && hasRole(actor, 'manager');
  return [
    { title: 'Check out of the visit', form: 'check-out', data: { recordId: open.id } },
    ...(alerted ? [{ title: 'Acknowledge the missed check-out alert', form: 'check-out-acknowledge' as const, data: { recordId: open.id } }] : []),
  ];
}
