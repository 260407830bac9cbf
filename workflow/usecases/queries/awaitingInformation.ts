import type { Staff } from '../../model/staff';
import { ok, type Result } from '../../result';
import { awaitsInformation, type ReturnedDocument } from '../../rules/returnedDocuments';
import type { WorkflowDeps } from '../deps';
import { myCases } from './caseloads';

/** A case waiting for the school's information, as a choice shows it: reference and school, nothing of the child. */
export interface AwaitingCase {
  caseId: string;
  reference: string;
  schoolName: string;
  /** Of the form and the PDP, what is not back yet. */
  awaited: ReturnedDocument[];
}

/** The cases the actor may record on that wait for the information form or the PDP (admins and managers: every one). */
export async function casesAwaitingInformation(deps: WorkflowDeps, actor: Staff): Promise<Result<AwaitingCase[]>> {
  const [cases, schools] = await Promise.all([myCases(deps, actor), deps.stores.schools.list()]);
  if (!cases.ok) return cases;
  const schoolNames = new Map(schools.map((s) => [s.id, s.name] as const));
  const waiting = cases.value.filter(awaitsInformation).map((c): AwaitingCase => {
    const parts = c.milestones.informationPartlyReturned;
    return {
      caseId: c.id,
      reference: c.reference,
      schoolName: schoolNames.get(c.schoolId) ?? 'school not found',
      awaited: [...(parts?.form ? [] : (['information-form'] as const)), ...(parts?.pdp ? [] : (['pdp'] as const))],
    };
  });
  return ok(waiting);
}
