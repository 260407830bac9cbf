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
  const parents = (view.child?.parents ?? []).map((p) => `${p.name} (${p.relationship})`);
  const told = parents.length > 0 ? haveBeen(parents, 'told') : 'the parents or carers have been told';
  const terms = contract
    ? `contract version ${contract.version}: support from ${showDate(contract.startDate)} to ${showDate(contract.supportEnds)}, review by ${showDate(contract.reviewDate)}`
    : 'the contract';
  return `This records that ${told} of the outcome of the contract meeting and of ${terms}.`;
}

/** Step 7: parents/carers informed of the contract. The card carries the contract's id. */
export const parentsInformedVerbs = caseFormVerbs<ParentsInformed>({
  name: 'parents-informed',
  title: 'Parents informed of the contract',
  submitTitle: 'Record that they were told',
  carries: ['contractId'],
  defaults: () => ({}),
  fields: (_ctx, view, values) => confirmText(explanation(view, values.contractId)),
  toInput: (values) => ({ contractId: values.contractId ?? '' }),
  run: (ctx, input) => recordParentsInformed(ctx.deps, ctx.actor, input),
  recorded: async (ctx, { contract }) => ({
    headline: `Parents informed of contract version ${contract.version}`,
    tone: 'good',
    facts: [
      { title: 'Support', value: `${showDate(contract.startDate)} to ${showDate(contract.supportEnds)}` },
      { title: 'Review by', value: showDate(contract.reviewDate) },
    ],
    by: await recordedBy(ctx, contract.parentsInformedBy ?? contract.updatedBy, contract.parentsInformedAt ?? contract.updatedAt),
  }),
});
