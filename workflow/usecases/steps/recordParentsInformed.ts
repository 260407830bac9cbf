import { z } from 'zod';
import { updateOnce } from '../support/updateOnce';
import { workflowError } from '../../errors';
import type { Contract } from '../../model/contract';
import type { Versioned } from '../../ports/store';
import { fail, ok } from '../../result';
import type { UseCase } from '../deps';
import { audit } from '../support/audit';
import { loadCase } from '../support/caseAccess';
import { parseInput } from '../support/input';
import { now } from '../support/time';
import { UnitOfWork } from '../support/unitOfWork';
import type { ParentCarer } from '../../model/child';
import { readForDocuments } from '../documents/caseDocumentContext';
import { addDocumentRecords, paperwork } from '../documents/documentRecords';
import { linkOf, pdfAttachment, type DocumentLink } from '../documents/documentLinks';
import { caseFolder, fileCaseDocument, type FiledDocument } from '../documents/fileCaseDocument';
import { escapeHtml } from './requestInformation';

export interface ParentsInformed {
  contract: Versioned<Contract>;
  /** Already recorded for this contract version (a repeat, an old card): nothing was written. */
  repeated: boolean;
  /** Each parent's letter: e-mailed (to their address) or filed for the worker to post or give. */
  letters: ParentLetter[];
}

export interface ParentLetter {
  parent: string;
  document: DocumentLink;
  /** The address it was e-mailed to; absent when it is to be printed and posted or given. */
  emailedTo?: string;
}

/**
 * Step 7: parents/carers are told the outcome of the contract meeting, once per contract version
 * (a new version, after changes, is told again). Each parent with parental responsibility (or every
 * parent on file when none is marked) gets a letter made from the contract: e-mailed with the letter
 * attached when e-mail is how they prefer to be reached, otherwise filed for the worker to print and
 * send or give. Each letter is filed and mailed once, whatever is repeated.
 */
export const recordParentsInformed: UseCase<unknown, ParentsInformed> = async (deps, actor, raw) => {
  const parsed = parseInput(z.object({ contractId: z.string().min(1) }), raw);
  if (!parsed.ok) return parsed;
  const contract = await deps.stores.contracts.get(parsed.value.contractId);
  if (!contract) return fail(workflowError('NotFound', 'That contract was not found.', { field: 'contractId' }));
  const access = await loadCase(deps, actor, contract.caseId);
  if (!access.ok) return access;
  if (contract.parentsInformedAt) return ok({ contract, repeated: true, letters: [] });
  const reads = await readForDocuments(deps, access.value);
  if (!reads) return fail(workflowError('NotFound', 'The case\'s child or school record is missing.'));
  const parents = toldParents(reads.ctx.child.parents);
  const outcome = contract.status === 'approved' || contract.status === 'superseded' ? 'approved' : 'changes-requested';
  const made = await paperwork(async () => {
    const folder = await caseFolder(deps, reads.ctx);
    return Promise.all(
      parents.map((parent, i) =>
        fileCaseDocument(deps, reads.ctx, { kind: 'parents-contract-letter', parent, contract, outcome }, { folder, version: contract.version, part: parents.length > 1 ? `parent ${i + 1}` : undefined, pdf: true }),
      ),
    );
  });
  if (!made.ok) return made;
  const stamp = now(deps);
  const patch = { parentsInformedAt: stamp.at, parentsInformedBy: actor.userId, updatedBy: actor.userId, updatedAt: stamp.at };
  const letters = parents.map((parent, i): ParentLetter & { filed: FiledDocument } => {
    const filed = made.value[i] as FiledDocument;
    const email = parent.preferredContact === 'email' || (!parent.preferredContact && parent.email) ? parent.email : undefined;
    return { parent: parent.name, document: linkOf(filed), filed, ...(email ? { emailedTo: email } : {}) };
  });
  // The letters e-mailed, then the contract marked (with its ETag), the letters' records and the audit line: one $batch on Graph.
  const work = new UnitOfWork(deps.batching, `${contract.id}:parents-informed`);
  const mails = letters.flatMap((letter, i) => (letter.emailedTo ? [{ letter, name: `mail:${i}`, to: letter.emailedTo }] : []));
  for (const mail of mails) {
    work.add(mail.name, () =>
      deps.mailer.send(
        {
          to: [mail.to],
          subject: `${deps.config.serviceName}: case ${reads.ctx.case.reference}: the outreach contract`,
          html: `<p>Dear ${escapeHtml(mail.letter.parent)},</p><p>Please find attached our letter about the support agreed with the school. Reply to this message if you have any questions.</p><p>${escapeHtml(deps.config.serviceName)}</p>`,
          attachments: [pdfAttachment(mail.letter.filed)],
        },
        `${contract.id}:parents-letter:${mail.letter.filed.docx.name}`,
      ),
    );
  }
  const sent = mails.map((m) => m.name);
  const saved = work.add('contract', () => updateOnce(deps.stores.contracts, contract.id, patch, contract.etag), sent);
  addDocumentRecords(work, deps, actor, access.value, made.value, 7, { after: sent, sentTo: (d) => letters.filter((l) => l.filed === d && l.emailedTo).map((l) => l.emailedTo as string) });
  work.add('audit', () => audit(deps, actor, 'contract.parents-informed', contract.caseId, contract.id, { contractId: contract.id, letters: String(letters.length), emailed: String(mails.length) }), ['contract']);
  await work.flush();
  return ok({ contract: saved(), repeated: false, letters: letters.map(({ filed: _filed, ...letter }) => letter) });
};

/** Those the letter is for: parents and carers with parental responsibility, or everyone on file when none is marked. */
function toldParents(parents: readonly ParentCarer[]): ParentCarer[] {
  const responsible = parents.filter((p) => p.parentalResponsibility);
  return responsible.length > 0 ? responsible : [...parents];
}
