import { contractDatesFor, draftContract, hasRole, type CaseView, type Contract, type Drafted, type Versioned } from '../../../workflow';
import type { CardContext } from '../card';
import { showDate, showInstant, todayIn } from '../format';
import { labelOf, roleLabels } from '../labels';
import { recordedBy } from '../recordedBy';
import { staffNames } from '../staffNames';
import fieldsTemplate from '../templates/contractDraftForm.json';
import { expandFragment } from '../template';
import { contractPackageTitles, schoolPackageChoices } from '../views/contractPackages';
import { contractStatus, contractSubject, decisionLine } from '../views/contractApprovalCard';
import { contractApprovers, draftApprovalNote } from '../views/contractApprovers';
import { caseFormVerbs } from './caseForm';
import { choices, flag, lines, text, type FormValues } from './formValues';


/** The latest version returned for changes, if the newest contract is one: a redraft starts from it. */
function returnedContract(view: CaseView): Versioned<Contract> | undefined {
  const latest = [...view.contracts].sort((a, b) => b.version - a.version)[0];
  return latest?.status === 'changes-requested' ? latest : undefined;
}

/** Rule "Contract" for a start date: the review date's bounds, or none when the start is not a date the term dates cover. */
async function reviewBounds(ctx: CardContext, view: CaseView, startDate: string | undefined): Promise<{ min: string; max: string } | undefined> {
  if (!startDate || !/^\d{4}-\d{2}-\d{2}$/.test(startDate)) return undefined;
  const dates = await contractDatesFor(ctx.deps, view.case, startDate);
  return dates.ok ? { min: dates.value.earliestReview, max: dates.value.latestReview } : undefined;
}

/**
 * A new draft starts today with the latest review date the rule allows; a redraft starts from
 * the version returned for changes.
 */
async function draftDefaults(ctx: CardContext, view: CaseView): Promise<FormValues> {
  const returned = returnedContract(view);
  const startDate = returned?.startDate ?? todayIn(ctx.deps.clock.now());
  const reviewDate = returned?.reviewDate ?? (await reviewBounds(ctx, view, startDate))?.max ?? '';
  return {
    targets: returned ? returned.targets.join('\n') : '',
    support: returned?.support ?? '',
    purchaseIds: returned ? returned.purchaseIds.join(',') : view.case.purchaseIds.join(','),
    startDate,
    reviewDate,
    namedApprovers: returned ? returned.namedApprovers.join(',') : '',
    replace: 'false',
  };
}

/** Active staff who may be named to approve besides the managers (who always can); never the author. */
async function approverChoices(ctx: CardContext): Promise<Array<{ title: string; value: string }>> {
  const staff = await ctx.deps.stores.staff.list();
  return staff
    .filter((s) => s.active && s.userId !== ctx.actor.userId && !hasRole(s, 'manager'))
    .sort((a, b) => a.displayName.localeCompare(b.displayName))
    .map((s) => ({ title: `${s.displayName} (${s.roles.map((r) => labelOf(roleLabels, r)).join(', ')})`, value: s.userId }));
}

/** The draft awaiting approval, if any: a new draft replaces it only when the worker says so. */
const awaitingApproval = (view: CaseView): Versioned<Contract> | undefined => view.contracts.find((k) => k.status === 'awaiting-approval');

async function draftFields(ctx: CardContext, view: CaseView, values: FormValues): Promise<unknown[]> {
  const returned = returnedContract(view);
  const nameOf = await staffNames(ctx);
  const last = returned?.decisions.at(-1);
  const pending = awaitingApproval(view);
  const review = await reviewBounds(ctx, view, values.startDate);
  return expandFragment<unknown[]>(fieldsTemplate, {
    values,
    review: review ? { ...review, latest: showDate(review.max) } : null,
    pending: pending
      ? `Version ${pending.version}, drafted by ${nameOf(pending.createdBy)} ${showInstant(pending.createdAt)}, is awaiting approval. Another draft is sent only if it replaces that one.`
      : '',
    replaceTitle: pending ? `Replace version ${pending.version}: withdraw it and send this one for approval instead` : '',
    returned: returned && last ? `Version ${returned.version} came back: ${decisionLine(last, nameOf)}. This form starts from it.` : '',
    schoolName: view.school?.name ?? 'the school',
    packages: await schoolPackageChoices(ctx, view.case.schoolId, view.case.id),
    approvers: await approverChoices(ctx),
    approvalNote: await draftApprovalNote(ctx),
  });
}

/** Step 7: the worker drafts the Outreach Contract; it goes to a manager for approval. */
export const contractDraftVerbs = caseFormVerbs<Drafted>({
  name: 'contract-draft',
  title: 'Draft the Outreach Contract',
  submitTitle: 'Send for approval',
  defaults: (ctx, view) => draftDefaults(ctx, view),
  fields: draftFields,
  toInput: (values) => ({
    targets: lines(values, 'targets'),
    support: text(values, 'support'),
    purchaseIds: choices(values, 'purchaseIds'),
    startDate: text(values, 'startDate'),
    reviewDate: text(values, 'reviewDate'),
    namedApprovers: choices(values, 'namedApprovers'),
    replace: flag(values, 'replace'),
  }),
  run: (ctx, input) => draftContract(ctx.deps, ctx.actor, input),
  // The worker's card changes to the decision when a manager decides.
  live: ({ contract }) => contractSubject(contract.id),
  // The withdrawn draft's cards (the approvers' and the worker's) are redrawn to say so.
  changed: ({ withdrawn }) => (withdrawn ? [contractSubject(withdrawn.id)] : []),
  recorded: async (ctx, { contract, withdrawn }) => {
    const nameOf = await staffNames(ctx);
    const packages = await contractPackageTitles(ctx, contract.purchaseIds);
    return {
      headline: `Contract version ${contract.version} drafted`,
      tone: 'good',
      detail: [
        `${contractStatus(contract, nameOf, (await contractApprovers(ctx, contract)).status).text}. It takes effect only when approved; they have been told.`,
        ...(withdrawn ? [`It replaces version ${withdrawn.version}, which is withdrawn.`] : []),
      ].join('\n\n'),
      facts: [
        { title: 'Version', value: String(contract.version) },
        { title: 'Targets', value: contract.targets.join('; ') },
        { title: 'Support offered', value: contract.support },
        { title: packages.length === 1 ? 'Package' : 'Packages', value: packages.join('; ') },
        { title: 'Starts', value: showDate(contract.startDate) },
        { title: 'Support ends', value: `${showDate(contract.supportEnds)} (6 school weeks)` },
        { title: 'Review by', value: showDate(contract.reviewDate) },
      ],
      by: await recordedBy(ctx, contract.createdBy, contract.createdAt, 'Drafted'),
    };
  },
});
