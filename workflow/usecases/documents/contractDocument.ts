import type { Case } from '../../model/case';
import type { Contract } from '../../model/contract';
import type { Staff } from '../../model/staff';
import type { ContractPackage } from '../../documents/documentRequest';
import type { Versioned } from '../../ports/store';
import type { Result } from '../../result';
import type { WorkflowDeps } from '../deps';
import { UnitOfWork } from '../support/unitOfWork';
import { readForDocuments } from './caseDocumentContext';
import { addDocumentRecords, paperwork } from './documentRecords';
import { caseFolder, fileCaseDocument } from './fileCaseDocument';
import { linkOf, type DocumentLink } from './documentLinks';

/** The packages a contract draws on, named as the price list of their year names them. */
export async function contractPackages(deps: WorkflowDeps, contract: Contract): Promise<ContractPackage[]> {
  const purchases = await Promise.all(contract.purchaseIds.map((id) => deps.stores.purchases.get(id)));
  return purchases.flatMap((p) => {
    if (!p) return [];
    const item = deps.config.priceLists.find((l) => l.financialYear === p.financialYear)?.items.find((i) => i.code === p.packageCode);
    return [{ name: item?.name ?? p.packageCode, hours: p.hours }];
  });
}

/**
 * The approved contract as the Outreach Contract document, filed under its version: each version
 * approved is its own file, so an earlier version is never overwritten. Its record links it.
 */
export async function fileApprovedContract(deps: WorkflowDeps, approver: Staff, c: Versioned<Case>, contract: Contract): Promise<Result<DocumentLink | undefined>> {
  return paperwork(async () => {
    const [reads, packages] = await Promise.all([readForDocuments(deps, c), contractPackages(deps, contract)]);
    if (!reads) return undefined;
    const folder = await caseFolder(deps, reads.ctx);
    const filed = await fileCaseDocument(deps, reads.ctx, { kind: 'outreach-contract', contract, packages, approvedBy: approver.displayName }, { folder, version: contract.version });
    const work = new UnitOfWork(deps.batching, `${contract.id}:document`);
    addDocumentRecords(work, deps, approver, c, [filed], 7);
    await work.flush();
    return linkOf(filed);
  });
}
