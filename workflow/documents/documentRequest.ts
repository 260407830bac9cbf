import type { Case, Closure } from '../model/case';
import type { Child, ParentCarer } from '../model/child';
import type { Contract } from '../model/contract';
import type { BodyOf, CaseRecord } from '../model/records';
import type { School } from '../model/school';
import type { Staff } from '../model/staff';

/** What every document of a case is made from: the case as it stands, read once by the use case. */
export interface CaseDocumentContext {
  serviceName: string;
  /** The service's mailbox, printed in letters as where to reply. */
  serviceEmail: string;
  /** The document's date (IsoDate, London). */
  today: string;
  case: Case;
  child: Child;
  school: School;
  /** The case's outreach worker, when one is allocated. */
  worker?: Staff;
}

/** A school's evaluation form at the end of a term: it is about the school's cases, not a child. */
export interface SchoolDocumentContext {
  serviceName: string;
  serviceEmail: string;
  today: string;
  school: School;
}

/** A package the contract draws on, as the contract shows it. */
export interface ContractPackage {
  name: string;
  hours: number;
}

/**
 * Which document, and what it is about beyond the case itself. A use case names the request; the
 * fields the template is filled with are derived from it (`fieldsFor`), never typed in again.
 */
export type CaseDocumentRequest =
  | { kind: 'information-letter'; returnBy: string }
  | { kind: 'information-form' }
  | { kind: 'pdp' }
  | { kind: 'observation-form'; record: BodyOf<'observation'>; observer: string }
  | { kind: 'meeting-record'; record: BodyOf<'meeting'>; recordedBy: string }
  | { kind: 'outreach-contract'; contract: Contract; packages: ContractPackage[]; approvedBy?: string }
  | { kind: 'chronology-log'; records: readonly CaseRecord[]; staffNames: ReadonlyMap<string, string> }
  | { kind: 'summary-record'; records: readonly CaseRecord[] }
  | { kind: 'end-of-outreach-report'; records: readonly CaseRecord[] }
  | { kind: 'outreach-report' | 'fap-report'; record: BodyOf<'report'>; writtenBy: string }
  | { kind: 'evaluation-form'; formLink?: string }
  | { kind: 'early-closure-letter'; closure: Closure }
  | { kind: 'parents-contract-letter'; parent: ParentCarer; contract: Contract; outcome: 'approved' | 'changes-requested' };

export type SchoolDocumentRequest = { kind: 'evaluation-form'; term: string; formLink?: string };
