import type { Case } from '../../model/case';
import type { CaseRecord } from '../../model/records';
import type { CaseDocumentContext } from '../../documents/documentRequest';
import type { Versioned } from '../../ports/store';
import type { WorkflowDeps } from '../deps';
import { now } from '../support/time';

/** What a case's documents are made from, and the case's records (for versions and repeats): read together, in one $batch on Graph. */
export interface CaseDocumentReads {
  ctx: CaseDocumentContext;
  records: readonly Versioned<CaseRecord>[];
}

/** Reads the child, the school, the worker and the case's records; undefined when the child or school record is missing. */
export async function readForDocuments(deps: WorkflowDeps, c: Case, known: { records?: readonly Versioned<CaseRecord>[] } = {}): Promise<CaseDocumentReads | undefined> {
  const [child, school, workers, records] = await Promise.all([
    deps.stores.children.get(c.childId),
    deps.stores.schools.get(c.schoolId),
    c.workerId ? deps.stores.staff.find({ userId: c.workerId }) : [],
    known.records ?? deps.stores.records.find({ caseId: c.id }),
  ]);
  if (!child || !school) return undefined;
  const worker = workers[0];
  const ctx: CaseDocumentContext = {
    serviceName: deps.config.serviceName,
    serviceEmail: deps.config.serviceEmail,
    today: now(deps).today,
    case: c,
    child,
    school,
    ...(worker ? { worker } : {}),
  };
  return { ctx, records };
}

/** Documents of a kind already filed for the case (their records), oldest first. */
export function documentsFiled(records: readonly CaseRecord[], kind: string): CaseRecord[] {
  return records.filter((r) => r.body.kind === 'document' && r.body.document === kind);
}
