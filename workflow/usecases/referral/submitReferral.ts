import { z } from 'zod';
import { financialYearOf, readableDate, yearGroupName, yearGroupOf } from '../../calendar';
import { workflowError, type WorkflowError } from '../../errors';
import { Consent, GraduatedResponse, ReferralSource, type Case } from '../../model/case';
import { ChildDetails, type Child } from '../../model/child';
import { IsoDate, plausibleFacts, Text } from '../../model/common';
import { universalOfferCheck } from '../../packages';
import type { FolderRef } from '../../ports/services';
import type { Versioned } from '../../ports/store';
import { fail, ok, type Result } from '../../result';
import { caseAccessRule, requireRole } from '../../rules/access';
import { ageAtReferralRule } from '../../rules/plausible';
import type { UseCase, WorkflowDeps } from '../deps';
import { caseProgress } from '../../process/caseProgress';
import { audit } from '../support/audit';
import { parseInput } from '../support/input';
import { withFreshReference } from '../support/freshReference';
import { now } from '../support/time';
import { childFolderName, childMatchKey, destroyAfter, latinOnlyMatchKey } from './childIdentity';
import type { Staff } from '../../model/staff';
import { requestInformation } from '../steps/requestInformation';
import { earlierLink, recordReReferral, tellCaseTeam, type StaffTold } from './reReferral';

export const ReferralInput = z.object({
  /** One per referral form: the same form submitted twice makes one case. */
  requestKey: z.string().min(8),
  /** The year group may be left out: it then comes from the date of birth. */
  child: ChildDetails.extend({ yearGroup: ChildDetails.shape.yearGroup.optional() }),
  referralDate: IsoDate,
  referralSource: ReferralSource,
  referralSourceDetail: z.string().trim().optional(),
  reasonForReferral: Text,
  graduatedResponse: GraduatedResponse,
  consent: Consent,
  /** Send the school the information request (step 2) as soon as the case is saved: admin and manager only. */
  requestInformation: z.boolean().optional(),
});
type EnteredReferral = z.infer<typeof ReferralInput>;
/** A referral as entered, with the child's year group settled. */
export type ReferralInput = Omit<EnteredReferral, 'child'> & { child: ChildDetails };

export type ReferralOutcome =
  | {
      outcome: 'case-opened';
      case: Versioned<Case>;
      child: Versioned<Child>;
      folder: FolderRef;
      repeated: boolean;
      warnings: WorkflowError[];
      /** Asked for with the referral: the request sent (the case as it is then), or why not; the case stays logged either way. */
      informationRequest?: Result<Versioned<Case>>;
    }
  /** The child already has an open case: the referral is noted on it and linked, not duplicated. */
  | { outcome: 'existing-open-case'; case: Versioned<Case>; child: Versioned<Child>; warnings: WorkflowError[] }
  /**
   * The same, on a case the referrer may not see: neither the case nor the child on it is
   * revealed; the referrer learns who was told. `entered` is the child's name as they typed it.
   */
  | { outcome: 'linked-to-unseen-case'; told: StaffTold[]; entered: Pick<ChildDetails, 'firstName' | 'lastName'>; recordedAt: string; repeated: boolean; warnings: WorkflowError[] };

/** Step 1, referral received: the case gets a reference, a list item and a folder. */
export const submitReferral: UseCase<unknown, ReferralOutcome> = async (deps, actor, raw) => {
  const allowed = requireRole(actor, ['admin', 'manager', 'worker'], 'log a referral');
  if (!allowed.ok) return allowed;
  const parsed = parseInput(ReferralInput, raw);
  if (!parsed.ok) return parsed;
  const plausible = ageAtReferralRule(parsed.value.child.dateOfBirth, parsed.value.referralDate);
  if (!plausible.ok) return plausible;
  const year = yearGroupFor(parsed.value);
  if (!year.ok) return year;
  const input = year.value.input;
  const school = await deps.stores.schools.get(input.child.schoolId);
  if (!school) return fail(workflowError('NotFound', 'That school is not on the Schools list.', { field: 'child.schoolId' }));

  const warnings = [...year.value.warnings, ...(await referralWarnings(deps, input))];
  const child = await findOrCreateChild(deps, actor.userId, input);
  const children = await deps.stores.cases.find({ childId: child.id });
  // A repeat of a referral linked before stays linked, even if that case has closed since.
  const open = children.find((c) => c.status !== 'closed') ?? (await earlierLink(deps, children, input.requestKey));
  if (open && open.referralKey !== input.requestKey) {
    const noted = await recordReReferral(deps, actor, open, input, school);
    if (!noted.ok) return noted;
    if (caseAccessRule(actor, open).ok) return ok({ outcome: 'existing-open-case', case: open, child, warnings });
    const told = await tellCaseTeam(deps, actor, open, input, noted.value.record.id);
    const entered = { firstName: input.child.firstName, lastName: input.child.lastName };
    return ok({ outcome: 'linked-to-unseen-case', told, entered, recordedAt: noted.value.record.createdAt, repeated: noted.value.repeated, warnings });
  }

  const stamp = now(deps);
  const { item: opened, created } = await withFreshReference(() => deps.stores.cases.create(
    {
      reference: `OC-${input.referralDate.slice(2, 4)}-${deps.ids.randomCode(5)}`,
      childId: child.id,
      schoolId: school.id,
      referralDate: input.referralDate,
      referralSource: input.referralSource,
      ...(input.referralSourceDetail ? { referralSourceDetail: input.referralSourceDetail } : {}),
      reasonForReferral: input.reasonForReferral,
      graduatedResponse: input.graduatedResponse,
      consent: input.consent,
      status: 'open',
      step: 2,
      purchaseIds: [],
      milestones: {},
      pauses: [],
      linkedCaseIds: children.map((c) => c.id),
      referralKey: input.requestKey,
      createdBy: actor.userId,
      createdAt: stamp.at,
      updatedBy: actor.userId,
      updatedAt: stamp.at,
    },
    `referral:${input.requestKey}`,
  ));
  const folder = await deps.folders.ensureCaseFolder(childFolderName(child, deps.config.folderNamePattern), opened.reference);
  await audit(deps, actor, 'case.referral-logged', opened.id, input.requestKey, { reference: opened.reference, schoolId: school.id });
  await deps.channel.post({
    kind: 'referral-logged',
    caseId: opened.id,
    caseReference: opened.reference,
    text: `New referral ${opened.reference} from ${school.name}. Next: ${caseProgress(opened, [], stamp.today).nextAction}.`,
    key: `referral-logged:${opened.id}`,
  });
  const informationRequest = input.requestInformation ? await requestInformationOnce(deps, actor, opened) : undefined;
  const latest = informationRequest?.ok ? informationRequest.value : opened;
  return ok({ outcome: 'case-opened', case: latest, child, folder, repeated: !created, warnings, ...(informationRequest ? { informationRequest } : {}) });
};

/** After the case is saved; a repeat of the referral (retry after a failure) sends it only if it has not gone. */
async function requestInformationOnce(deps: WorkflowDeps, actor: Staff, opened: Versioned<Case>): Promise<Result<Versioned<Case>>> {
  const latest = (await deps.stores.cases.get(opened.id)) ?? opened;
  if (latest.milestones.informationRequested) return ok(latest);
  return requestInformation(deps, actor, { caseId: opened.id });
}

/**
 * The year group from the date of birth (English school year of the referral date) when none
 * was entered; an entered one is kept, with a warning when the date of birth says otherwise.
 */
function yearGroupFor(input: EnteredReferral): Result<{ input: ReferralInput; warnings: WorkflowError[] }> {
  const fromBirth = yearGroupOf(input.child.dateOfBirth, input.referralDate);
  const entered = input.child.yearGroup;
  if (entered === undefined) {
    if (fromBirth === undefined) {
      return fail(workflowError('ValidationFailed', `Year group: a child born ${readableDate(input.child.dateOfBirth)} is not of school age on ${readableDate(input.referralDate)}, so choose the year group.`, { field: 'child.yearGroup' }));
    }
    return ok({ input: { ...input, child: { ...input.child, yearGroup: fromBirth } }, warnings: [] });
  }
  const withYear = { ...input, child: { ...input.child, yearGroup: entered } };
  if (fromBirth === undefined || fromBirth === entered) return ok({ input: withYear, warnings: [] });
  const warning = workflowError(
    'ValidationFailed',
    `${yearGroupName(entered)} was chosen; a child born on ${readableDate(input.child.dateOfBirth)} is in ${yearGroupName(fromBirth)} this school year.`,
    { rule: plausibleFacts, field: 'child.yearGroup' },
  );
  return ok({ input: withYear, warnings: [warning] });
}

async function referralWarnings(deps: WorkflowDeps, input: ReferralInput): Promise<WorkflowError[]> {
  const year = financialYearOf(input.referralDate);
  const purchases = await deps.stores.purchases.find({ schoolId: input.child.schoolId, financialYear: year });
  const offer = universalOfferCheck(purchases, year);
  return offer.ok ? [] : [offer.error];
}

async function findOrCreateChild(deps: WorkflowDeps, userId: string, input: ReferralInput): Promise<Versioned<Child>> {
  const matchKey = childMatchKey(input.child);
  const [existing] = await deps.stores.children.find({ matchKey });
  if (existing) return existing;
  const legacyKey = latinOnlyMatchKey(input.child);
  if (legacyKey !== matchKey) {
    const recordedBefore = (await deps.stores.children.find({ matchKey: legacyKey })).find((c) => childMatchKey(c) === matchKey);
    if (recordedBefore) return recordedBefore;
  }
  const { item } = await withFreshReference(() => deps.stores.children.create(
    {
      ...input.child,
      reference: `C-${deps.ids.randomCode(6)}`,
      destroyAfter: destroyAfter(input.child.dateOfBirth),
      legalHold: false,
      matchKey,
      createdBy: userId,
      createdAt: now(deps).at,
      updatedBy: userId,
      updatedAt: now(deps).at,
    },
    `child:${matchKey}`,
  ));
  return item;
}
