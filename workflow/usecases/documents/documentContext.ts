import { workflowError } from '../../errors';
import type { CaseDocumentContext } from '../../documents/documentRequest';
import type { Case } from '../../model/case';
import type { Child } from '../../model/child';
import type { School } from '../../model/school';
import { fail, ok, type Result } from '../../result';
import type { WorkflowDeps } from '../deps';
import { now } from '../support/time';

/**
 * What a case's documents are made from: the child, the school and the worker, read together
 * (one $batch on Graph; the school and staff come from the reference cache), unless the caller
 * read them already.
 */
export async function documentContext(
  deps: WorkflowDeps,
  c: Case,
  known: { child?: Child | undefined; school?: School | undefined } = {},
): Promise<Result<CaseDocumentContext>> {
  const workerId = c.workerId;
  const [child, school, workers] = await Promise.all([
    known.child ?? deps.stores.children.get(c.childId),
    known.school ?? deps.stores.schools.get(c.schoolId),
    workerId ? deps.stores.staff.find({ userId: workerId }) : [],
  ]);
  if (!child || !school) return fail(workflowError('NotFound', "The case's child or school record is missing."));
  const worker = workers[0];
  return ok({
    serviceName: deps.config.serviceName,
    serviceEmail: deps.config.serviceEmail,
    today: now(deps).today,
    case: c,
    child,
    school,
    ...(worker ? { worker } : {}),
  });
}
