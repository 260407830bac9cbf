import { readableDate } from '../calendar';
import { contractStatusLabels, labelOf } from '../labels';
import type { Contract } from '../model/contract';
import type { DocumentFields } from '../ports/documents';
import type { ContractPackage } from './documentRequest';
import { showHours } from './recordText';

/** The contract's terms as every document about it shows them. */
export function contractTerms(contract: Contract): DocumentFields {
  return {
    contractVersion: String(contract.version),
    support: contract.support,
    startDate: readableDate(contract.startDate),
    reviewDate: readableDate(contract.reviewDate),
    supportEnds: readableDate(contract.supportEnds),
    targets: contract.targets.map((target, i) => ({ number: String(i + 1), target })),
  };
}

/** The Outreach Contract: its terms, the packages it draws on, and its approval. */
export function outreachContractFields(contract: Contract, packages: readonly ContractPackage[], approvedBy: string | undefined): DocumentFields {
  const approval = contract.decisions.filter((d) => d.outcome === 'approved').at(-1);
  const approved = approval !== undefined && contract.status !== 'withdrawn';
  return {
    ...contractTerms(contract),
    contractStatus: labelOf(contractStatusLabels, contract.status),
    approved,
    approvedBy: approved ? (approvedBy ?? 'a manager') : '',
    approvedOn: approved ? readableDate(approval.at) : '',
    packages: packages.map((p) => ({ name: p.name, hours: showHours(p.hours) })),
  };
}
