import { readableDate } from '../calendar';
import type { ParentCarer } from '../model/child';
import type { Closure } from '../model/case';
import type { Contract } from '../model/contract';
import type { DocumentFields } from '../ports/documents';
import { closedHow } from '../process/caseProgress';
import { contractTerms } from './contractFields';

/** The letter to the school when a case closes early: when, and why. */
export function earlyClosureFields(closure: Closure): DocumentFields {
  const note = closure.note?.trim() ?? '';
  const how = closedHow[closure.how] ?? closure.how.replace(/-/g, ' ');
  return { closedOn: readableDate(closure.on), closeReason: how.charAt(0).toUpperCase() + how.slice(1), hasNote: note !== '', closureNote: note };
}

/** The letter to a parent or carer: the contract's outcome, and what it holds. */
export function parentsContractFields(parent: ParentCarer, contract: Contract, outcome: 'approved' | 'changes-requested'): DocumentFields {
  return { ...contractTerms(contract), parentName: parent.name, approved: outcome === 'approved' };
}

/** The evaluation form's own fields: a case's, or a school's for a term. */
export function evaluationFields(about: { aboutACase: true } | { aboutACase: false; term: string }, formLink: string | undefined): DocumentFields {
  const link = formLink?.trim() ?? '';
  return { aboutACase: about.aboutACase, term: about.aboutACase ? '' : about.term, hasFormLink: link !== '', formLink: link };
}
