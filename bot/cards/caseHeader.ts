import { steps, type Case, type StepNumber } from '../../workflow';
import headerTemplate from './templates/caseHeader.json';
import { expandFragment } from './template';

/** What every card about a case shows at the top: reference, step and next action. */
export interface CaseHeading {
  caseId: string;
  reference: string;
  step: StepNumber;
  status: Case['status'];
  /** A short line under the reference (e.g. the child's first name and school); '' for none. */
  title: string;
}

const statusShown: Record<Case['status'], { label: string; colour: string }> = {
  open: { label: 'Open', colour: 'Good' },
  paused: { label: 'Paused', colour: 'Warning' },
  closed: { label: 'Closed', colour: 'Default' },
};

export function caseHeader(heading: CaseHeading): unknown {
  const step = steps[heading.step];
  const status = statusShown[heading.status];
  return expandFragment(headerTemplate, {
    reference: heading.reference,
    title: heading.title,
    statusLabel: status.label,
    statusColour: status.colour,
    step: heading.step,
    stepName: step.name,
    nextAction: heading.status === 'paused' ? `Paused. ${step.nextAction} once the case resumes` : step.nextAction,
  });
}
