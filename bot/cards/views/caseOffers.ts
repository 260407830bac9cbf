import { hasRole, mayApprove, type CaseView, type Staff } from '../../../workflow';
import type { CaseFormName } from '../forms/formNames';

/** A button on the case card that opens a form. */
export interface Offer {
  title: string;
  form: CaseFormName;
  data?: Record<string, string>;
}

/** The next step's actions, for this person, in the order they are usually done. */
export function nextStepOffers(actor: Staff, view: CaseView): Offer[] {
  const c = view.case;
  const m = c.milestones;
  if (c.status === 'closed' || view.asDsl) return [];
  if (c.status === 'paused') return hasRole(actor, 'manager') ? [{ title: 'Resume the case', form: 'resume' }] : [];
  switch (view.step) {
    case 2:
      return [
        ...(!m.allocated && hasRole(actor, 'manager') ? [{ title: 'Allocate a worker', form: 'allocate' as const }] : []),
        ...(!m.informationRequested && hasRole(actor, 'admin', 'manager') ? [{ title: 'Send the information request', form: 'information-request' as const }] : []),
        ...(!m.informationReturned ? [{ title: 'Information returned', form: 'information-returned' as const }] : []),
      ];
    case 3:
      return [{ title: 'Record the observation', form: 'observation' }];
    case 4:
      return [{ title: 'Record the school meeting', form: 'meeting' }];
    case 5:
      return [{ title: 'Record the home visit or call', form: 'home-visit' }, ...loneWorkingOffers(view)];
    case 6:
      return [{ title: 'Record the 2nd observation', form: 'observation' }, { title: 'Skip it, with a reason', form: 'skip-observation' }];
    case 7:
      return contractOffers(actor, view);
    case 8:
      return [{ title: 'Record a support session', form: 'support-session' }, ...parentsInformedOffer(view)];
    default:
      return m.lastReview?.outcome === 'end'
        ? [{ title: 'Complete and close the case', form: 'complete' }]
        : [{ title: 'Record the review', form: 'review' }, { title: 'Record a support session', form: 'support-session' }, ...parentsInformedOffer(view)];
  }
}

/** What can be done at any time while the case is open (or, for some, closed). */
export function otherOffers(actor: Staff, view: CaseView): Offer[] {
  const c = view.case;
  const open = c.status !== 'closed';
  // The DSL, reaching the case through a concern, acts on the concern only.
  if (view.asDsl) return [{ title: 'Chronology entry', form: 'chronology' }, { title: 'Safeguarding concern', form: 'safeguarding' }];
  const manager = hasRole(actor, 'manager');
  // The use case lets the case's worker close it early too, not only a manager.
  const mayCloseEarly = manager || (hasRole(actor, 'worker') && c.workerId === actor.userId);
  return [
    { title: 'Chronology entry', form: 'chronology' as const },
    // Step 10: a meeting record for any meeting attended (at step 4 it is the next step's action).
    ...(open && view.step !== 4 ? [{ title: 'Meeting record', form: 'meeting' as const }] : []),
    ...(open ? [{ title: 'Log time', form: 'time' as const }] : []),
    { title: 'Safeguarding concern', form: 'safeguarding' as const },
    ...(open ? [{ title: 'Outreach or FAP report', form: 'report' as const }, { title: 'Parental consent', form: 'consent' as const }] : []),
    ...(open && view.step !== 5 ? loneWorkingOffers(view) : []),
    ...(open && manager && c.status === 'open' ? [{ title: 'Pause the case', form: 'pause' as const }] : []),
    ...(open && manager ? [{ title: 'Reallocate', form: 'reallocate' as const }] : []),
    ...(open && mayCloseEarly ? [{ title: 'Close early', form: 'close-early' as const }] : []),
  ];
}

function contractOffers(actor: Staff, view: CaseView): Offer[] {
  const pending = view.contracts.find((k) => k.status === 'awaiting-approval');
  if (pending) {
    return mayApprove(actor, pending) ? [{ title: 'Approve or request changes', form: 'contract-decision', data: { contractId: pending.id } }] : [];
  }
  const returned = view.contracts.some((k) => k.status === 'changes-requested');
  return [{ title: returned ? 'Redraft the contract' : 'Draft the contract', form: 'contract-draft' }];
}

function parentsInformedOffer(view: CaseView): Offer[] {
  const inForce = view.case.contractInForce;
  const contract = inForce ? view.contracts.find((k) => k.id === inForce.contractId) : undefined;
  return contract && !contract.parentsInformedAt ? [{ title: 'Parents informed of the contract', form: 'parents-informed', data: { contractId: contract.id } }] : [];
}

/** Check in when a visit starts; check out (once) from the visit still open. */
function loneWorkingOffers(view: CaseView): Offer[] {
  const open = view.records.find((r) => r.body.kind === 'lone-working' && !r.body.checkedOutAt);
  return open ? [{ title: 'Check out of the visit', form: 'check-out', data: { recordId: open.id } }] : [{ title: 'Check in to a visit', form: 'check-in' }];
}
