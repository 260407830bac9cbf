import type { Case, CaseProgress } from '../../workflow';
import headerTemplate from './templates/caseHeader.json';
import { expandFragment } from './template';

/** What every card about a case shows at the top: reference, where the case is and the next action. */
export interface CaseHeading {
  caseId: string;
  reference: string;
  status: Case['status'];
  /** Where the case is (workflow's caseProgress): the step, or since when it is paused, or when it closed. */
  progress: Pick<CaseProgress, 'step' | 'statusLine' | 'nextAction'>;
  /** A short line under the reference (e.g. the child's first name and school); '' for none. */
  title: string;
}

const statusShown: Record<Case['status'], { label: string; colour: string }> = {
  open: { label: 'Open', colour: 'Good' },
  paused: { label: 'Paused', colour: 'Warning' },
  closed: { label: 'Closed', colour: 'Default' },
};

export function caseHeader(heading: CaseHeading): unknown {
  const status = statusShown[heading.status];
  return expandFragment(headerTemplate, {
    reference: heading.reference,
    title: heading.title,
    statusLabel: status.label,
    statusColour: status.colour,
    statusLine: heading.progress.statusLine,
    // A closed case has nothing next: its status line says when and how it closed.
    nextAction: heading.status === 'closed' ? '' : heading.progress.nextAction,
  });
}
