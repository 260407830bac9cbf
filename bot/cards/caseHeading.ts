import type { CaseView } from '../../workflow';
import type { CaseHeading } from './caseHeader';

/** The heading of a case's cards, from a view of it (child's name only in the person's own chat). */
export function headingOf(view: Pick<CaseView, 'case' | 'child' | 'school' | 'progress'>): CaseHeading {
  const child = view.child ? `${view.child.firstName} ${view.child.lastName}` : '';
  const school = view.school?.name ?? '';
  return {
    caseId: view.case.id,
    reference: view.case.reference,
    status: view.case.status,
    progress: view.progress,
    title: [child, school].filter((s) => s !== '').join(' · '),
  };
}
