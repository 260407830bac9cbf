import { haveBeen, recordParentsInformed, type CaseView, type Contract, type ParentsInformed, type Versioned } from '../../../workflow';
import { showDate } from '../format';
import { recordedBy } from '../recordedBy';
import { caseFormVerbs } from './caseForm';
import { confirmText } from './recordOutcome';

/** The contract the form is about: the one in force (the case card offers the form for it). */
function contractOf(view: CaseView, contractId?: string): Versioned<Contract> | undefined {
  const id = contractId || view.case.contractInForce?.contractId;
  return view.contracts.find((k) => k.id === id);
}

function explanation(view: CaseView, contractId?: string): string {
  const contract = contractOf(view, contractId);
  const onFile = view.child?.parents ?? [];
  const responsible = onFile.filter((p) => p.parentalResponsibility);
  const told = responsible.length > 0 ? responsible : onFile;
  const terms = contract
    ? `contract version ${contract.version}: support from ${showDate(contract.startDate)} to ${showDate(contract.supportEnds)}, review by ${showDate(contract.reviewDate)}`
    : 'the contract';
  if (told.length === 0) return `No parent or carer is on file, so no letter can be written. This records that the parents or carers have been told of the outcome of the contract meeting and of ${terms}.`;
  const letters = told.map((p) => `${p.name} (${howReached(p)})`).join('; ');
  const recorded = haveBeen(told.map((p) => `${p.name} (${p.relationship})`), 'told');
  return `This writes a letter about ${terms} to each parent or carer: ${letters}. A letter to post or give is filed in the child's folder for you to print. This records that ${recorded} of the outcome of the contract meeting.`;
}

function howReached(parent: { preferredContact?: string | undefined; email?: string | undefined }): string {
  const byEmail = parent.preferredContact === 'email' || (!parent.preferredContact && parent.email);
  return byEmail && parent.email ? `e-mailed to ${parent.email}` : 'to print and post or give';
}

/** Step 7: parents/carers informed of the contract. The card carries the contract's id. */
export const parentsInformedVerbs = caseFormVerbs<ParentsInformed>({
  name: 'parents-informed',
  title: 'Parents informed of the contract',
  submitTitle: 'Send the letters and record it',
  carries: ['contractId'],
  defaults: () => ({}),
  fields: (_ctx, view, values) => confirmText(explanation(view, values.contractId)),
  toInput: (values) => ({ contractId: values.contractId ?? '' }),
  run: (ctx, input) => recordParentsInformed(ctx.deps, ctx.actor, input),
  recorded: async (ctx, { contract, letters }) => ({
    headline: `Parents informed of contract version ${contract.version}`,
    tone: 'good',
    ...(letters.length > 0 ? { detail: letters.map((l) => (l.emailedTo ? `The letter to ${l.parent} was e-mailed to ${l.emailedTo}.` : `The letter to ${l.parent} is filed: print it and post it or give it to them.`)).join(' ') } : {}),
    documents: letters.map((l) => l.document),
    facts: [
      { title: 'Support', value: `${showDate(contract.startDate)} to ${showDate(contract.supportEnds)}` },
      { title: 'Review by', value: showDate(contract.reviewDate) },
    ],
    by: await recordedBy(ctx, contract.parentsInformedBy ?? contract.updatedBy, contract.parentsInformedAt ?? contract.updatedAt),
  }),
});
