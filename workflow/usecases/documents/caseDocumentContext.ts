import type { Case } from '../../model/case';
import type { CaseRecord } from '../../model/records';
import type { CaseDocumentContext } from '../../documents/documentRequest';
import type { Versioned } from '../../ports/store';
import type { WorkflowDeps } from '../deps';
import { documentContext } from './documentContext';

/** What a case's documents are made from, and the case's records (for versions and repeats): read together, in one $batch on Graph. */
export interface CaseDocumentReads {
  ctx: CaseDocumentContext;
  records: readonly Versioned<CaseRecord>[];
}

/** Reads the child, the school, the worker and the case's records; undefined when the child or school record is missing. */
export async function readForDocuments(deps: WorkflowDeps, c: Case, known: { records?: readonly Versioned<CaseRecord>[] } = {}): Promise<CaseDocumentReads | undefined> {
  const [ctx, records] = await Promise.all([documentContext(deps, c), known.records ?? deps.stores.records.find({ caseId: c.id })]);
  return ctx.ok ? { ctx: ctx.value, records } : undefined;
}

/** Documents of a kind already filed for the case (their records), oldest first. */
export function documentsFiled(records: readonly CaseRecord[], kind: string): CaseRecord[] {
  return records.filter((r) => r.body.kind === 'document' && r.body.document === kind);
}
