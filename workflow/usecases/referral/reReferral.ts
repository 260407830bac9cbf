import { readableDate } from '../../calendar';
import { assessmentLabels, consentLabels, genderLabels, labelOf, planLabels, referralSourceLabels, sendLabels } from '../../labels';
import type { Case } from '../../model/case';
import type { ChildDetails } from '../../model/child';
import type { School } from '../../model/school';
import type { Staff } from '../../model/staff';
import type { Versioned } from '../../ports/store';
import type { Result } from '../../result';
import { hasRole } from '../../rules/access';
import type { WorkflowDeps } from '../deps';
import { addRecordTo, type RecordAdded } from '../support/addRecord';
import { audit } from '../support/audit';
import { notifyAll } from '../support/notify';
import type { ReferralInput } from './submitReferral';

/** A member of staff told of a re-referral, as the referrer is told: by name and why them. */
export interface StaffTold {
  name: string;
  as: 'the case worker' | 'manager' | 'administrator';
}

/** The referral as the referrer entered it, in the case's chronology, attributed to them. */
export function recordReReferral(deps: WorkflowDeps, actor: Staff, c: Versioned<Case>, input: ReferralInput, school: School): Promise<Result<RecordAdded>> {
  const note = [
    `Re-referral received from ${actor.displayName} on ${readableDate(input.referralDate)} (${referredBy(input)}), while this case is open: no second case was opened.`,
    `As entered: ${childInWords(input.child, school)}`,
    ...input.child.parents.map((p) => `Parent or carer: ${[p.name, p.relationship, p.parentalResponsibility ? 'parental responsibility' : 'no parental responsibility', p.phone, p.email, p.address, p.language && `speaks ${p.language}`, p.interpreterNeeded && 'needs an interpreter'].filter(Boolean).join(', ')}.`),
    `Reason for referral: ${input.reasonForReferral}`,
    `Graduated response: plans ${listed(input.graduatedResponse.plans.map((p) => labelOf(planLabels, p)))}; assessments ${listed(input.graduatedResponse.assessments.map((a) => labelOf(assessmentLabels, a)))}; tried: ${input.graduatedResponse.whatHasBeenTried}`,
    `Consent: ${labelOf(consentLabels, input.consent)}.`,
  ].join('\n');
  return addRecordTo(deps, actor, c, { kind: 'chronology', on: input.referralDate, category: 're-referral', note }, `re-referral:${input.requestKey}`, { workerToldElsewhere: true });
}

/**
 * The referrer may not see the case: its worker and the managers (the administrators if there
 * are none) are told, by case reference only, and the referrer learns who was told.
 */
export async function tellCaseTeam(deps: WorkflowDeps, actor: Staff, c: Versioned<Case>, input: ReferralInput, recordId: string): Promise<StaffTold[]> {
  const active = (await deps.stores.staff.find({ active: true })).filter((s) => s.userId !== actor.userId);
  const worker = active.find((s) => s.userId === c.workerId && hasRole(s, 'worker'));
  const managers = active.filter((s) => hasRole(s, 'manager') && s !== worker);
  const told: Array<{ staff: Staff; as: StaffTold['as'] }> = [
    ...(worker ? [{ staff: worker, as: 'the case worker' as const }] : []),
    ...managers.map((staff) => ({ staff, as: 'manager' as const })),
  ];
  if (told.length === 0) told.push(...active.filter((s) => hasRole(s, 'admin')).map((staff) => ({ staff, as: 'administrator' as const })));
  const summary =
    `A further referral for case ${c.reference} came from ${actor.displayName} (received ${readableDate(input.referralDate)}), who is not on this case. ` +
    'It is in the chronology as they entered it; they were told only that it was linked. Check it is the same child and let them know.';
  const recipients = told.map((t) => t.staff.userId);
  await notifyAll(deps, 're-referral-linked', c, summary, recipients, `${c.id}:${input.requestKey}`);
  await audit(deps, actor, 'case.re-referral-linked', c.id, input.requestKey, { recordId, told: recipients.join(',') });
  return told.map((t) => ({ name: t.staff.displayName, as: t.as }));
}

/** The case a repeat of this request was linked to before (it may have closed since). */
export async function earlierLink(deps: WorkflowDeps, cases: Versioned<Case>[], requestKey: string): Promise<Versioned<Case> | undefined> {
  for (const c of cases) {
    if (await deps.stores.records.findByKey(`${c.id}:re-referral:${requestKey}`)) return c;
  }
  return undefined;
}

const referredBy = (input: ReferralInput): string => {
  const source = labelOf(referralSourceLabels, input.referralSource);
  return input.referralSourceDetail ? `${source}, ${input.referralSourceDetail}` : source;
};
const listed = (items: readonly string[]): string => (items.length > 0 ? items.join(', ') : 'none');
const yesNo = (b: boolean): string => (b ? 'yes' : 'no');

function childInWords(child: ChildDetails, school: School): string {
  return [
    `first name ${child.firstName}`,
    `last name ${child.lastName}`,
    `born ${readableDate(child.dateOfBirth)}`,
    `gender ${labelOf(genderLabels, child.gender)}`,
    `year group ${child.yearGroup}`,
    `school ${school.name}`,
    `SEND ${labelOf(sendLabels, child.send)}`,
    `pupil premium ${yesNo(child.pupilPremium)}`,
    `free school meals ${yesNo(child.freeSchoolMeals)}`,
    `looked after ${yesNo(child.lookedAfter)}`,
  ].join('; ') + '.';
}
