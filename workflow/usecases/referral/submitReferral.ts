import { z } from 'zod';
import { financialYearOf, readableDate, yearGroupName, yearGroupOf } from '../../calendar';
import { UniqueValueTaken, workflowError, type WorkflowError } from '../../errors';
import { Consent, GraduatedResponse, ReferralSource, type Case } from '../../model/case';
import { ChildDetails, type Child } from '../../model/child';
import { IsoDate, plausibleFacts, Text } from '../../model/common';
import { universalOfferCheck } from '../../packages';
import type { FolderRef } from '../../ports/services';
import type { Created, NewItem, Versioned } from '../../ports/store';
import { fail, ok, type Result } from '../../result';
import { caseAccessRule, requireRole } from '../../rules/access';
import { ageAtReferralRule } from '../../rules/plausible';
import type { UseCase, WorkflowDeps } from '../deps';
import { caseProgress } from '../../process/caseProgress';
import { audit } from '../support/audit';
import { parseInput } from '../support/input';
import { withFreshReference } from '../support/freshReference';
import { now } from '../support/time';
import { UnitOfWork } from '../support/unitOfWork';
import { childFolderName, childMatchKey, destroyAfter, latinOnlyMatchKey } from './childIdentity';
import type { Staff } from '../../model/staff';
import { requestInformation } from '../steps/requestInformation';
import type { DocumentLink } from '../documents/documentLinks';
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
      /** The letter, form and PDP the request sent with the referral (none when it had gone before, or did not go). */
      informationDocuments?: DocumentLink[];
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
  const { item: child, created: newChild } = await findOrCreateChild(deps, actor.userId, input);
  // A child made just now has no cases: only a known child's are read.
  const children = newChild ? [] : await deps.stores.cases.find({ childId: child.id });
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
  const folderName = childFolderName(child, deps.config.folderNamePattern);
  // A repeat of this referral (a retry after a failure) finds its case among the child's: nothing is created again.
  const earlier = children.find((c) => c.referralKey === input.requestKey);
  const { opened, created, folder } = earlier
    ? { opened: earlier, created: false, folder: await deps.folders.ensureCaseFolder(folderName, earlier.reference) }
    : await openCaseWithFolder(deps, actor, input, { child, schoolId: school.id, linkedCaseIds: children.map((c) => c.id), folderName, at: stamp.at });
  await audit(deps, actor, 'case.referral-logged', opened.id, input.requestKey, { reference: opened.reference, schoolId: school.id });
  await deps.channel.post({
    kind: 'referral-logged',
    caseId: opened.id,
    caseReference: opened.reference,
    text: `New referral ${opened.reference} from ${school.name}. Next: ${caseProgress(opened, [], stamp.today).nextAction}.`,
    key: `referral-logged:${opened.id}`,
  });
  const requested = input.requestInformation ? await requestInformationOnce(deps, actor, opened, created) : undefined;
  const informationRequest = requested && (requested.ok ? ok(requested.value.case) : requested);
  const latest = requested?.ok ? requested.value.case : opened;
  const documents = requested?.ok ? requested.value.documents : [];
  return ok({
    outcome: 'case-opened',
    case: latest,
    child,
    folder,
    repeated: !created,
    warnings,
    ...(informationRequest ? { informationRequest } : {}),
    ...(documents.length > 0 ? { informationDocuments: documents } : {}),
  });
};

/** After the case is saved; a repeat of the referral (retry after a failure) sends it only if it has not gone. */
async function requestInformationOnce(
  deps: WorkflowDeps,
  actor: Staff,
  opened: Versioned<Case>,
  created: boolean,
): Promise<Result<{ case: Versioned<Case>; documents: DocumentLink[] }>> {
  // A case made just now has asked for nothing yet: only a repeat's case is read again.
  const latest = created ? opened : ((await deps.stores.cases.get(opened.id)) ?? opened);
  if (latest.milestones.informationRequested) return ok({ case: latest, documents: [] });
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

async function findOrCreateChild(deps: WorkflowDeps, userId: string, input: ReferralInput): Promise<Created<Child>> {
  const matchKey = childMatchKey(input.child);
  const legacyKey = latinOnlyMatchKey(input.child);
  if (legacyKey !== matchKey) {
    // A child stored under the Latin-only key holds another match key: looked for first, or they would be made twice.
    const [exact, legacy] = await Promise.all([deps.stores.children.find({ matchKey }), deps.stores.children.find({ matchKey: legacyKey })]);
    const existing = exact[0] ?? legacy.find((c) => childMatchKey(c) === matchKey);
    if (existing) return { item: existing, created: false };
  }
  const at = now(deps).at;
  // Asked for by its match key (a unique column): a new child is made in one request; a known one answers 409 and is found.
  return withFreshReference(() =>
    createChild(deps, matchKey, {
      ...input.child,
      reference: `C-${deps.ids.randomCode(6)}`,
      destroyAfter: destroyAfter(input.child.dateOfBirth),
      legalHold: false,
      matchKey,
      createdBy: userId,
      createdAt: at,
      updatedBy: userId,
      updatedAt: at,
    }),
  );
}

/** Creates the child, or finds the one holding its match key (a UniqueValueTaken left standing means the reference was taken). */
async function createChild(deps: WorkflowDeps, matchKey: string, child: NewItem<Child>): Promise<Created<Child>> {
  try {
    return await deps.stores.children.create(child, `child:${matchKey}`);
  } catch (error) {
    if (!(error instanceof UniqueValueTaken)) throw error;
    const [existing] = await deps.stores.children.find({ matchKey });
    if (existing) return { item: existing, created: false };
    throw error;
  }
}

interface NewCaseOf {
  child: Versioned<Child>;
  schoolId: string;
  linkedCaseIds: string[];
  folderName: string;
  at: string;
}

/**
 * The case and its folder (the child's folder, then the case's, named by the case reference) in one
 * $batch, the folders after the case. The reference is a random code: if it was taken, the case is
 * made again with another, and the folders then follow it.
 */
async function openCaseWithFolder(deps: WorkflowDeps, actor: Staff, input: ReferralInput, of: NewCaseOf): Promise<{ opened: Versioned<Case>; created: boolean; folder: FolderRef }> {
  const freshReference = () => `OC-${input.referralDate.slice(2, 4)}-${deps.ids.randomCode(5)}`;
  let reference = freshReference();
  let attempt = 0;
  const work = new UnitOfWork(deps.batching, `referral:${input.requestKey}`);
  const saved = work.add('case', () =>
    withFreshReference(async () => {
      if (attempt++ > 0) reference = freshReference();
      const made = await deps.stores.cases.create(newCase(input, of, reference, actor.userId), `referral:${input.requestKey}`);
      reference = made.item.reference;
      return made;
    }),
  );
  const folder = work.add('folder', () => deps.folders.ensureCaseFolder(of.folderName, reference), ['case']);
  await work.flush();
  const { item: opened, created } = saved();
  return { opened, created, folder: folder() };
}

function newCase(input: ReferralInput, of: NewCaseOf, reference: string, userId: string): NewItem<Case> {
  return {
    reference,
    childId: of.child.id,
    schoolId: of.schoolId,
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
    linkedCaseIds: of.linkedCaseIds,
    referralKey: input.requestKey,
    createdBy: userId,
    createdAt: of.at,
    updatedBy: userId,
    updatedAt: of.at,
  };
}
