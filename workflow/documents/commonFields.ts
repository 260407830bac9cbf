import { readableDate, yearGroupName } from '../calendar';
import { assessmentLabels, consentLabels, genderLabels, labelOf, planLabels, referralSourceLabels, sendLabels } from '../labels';
import type { ParentCarer } from '../model/child';
import type { School } from '../model/school';
import type { DocumentFields } from '../ports/documents';
import type { CaseDocumentContext, SchoolDocumentContext } from './documentRequest';
import { yesNo } from './documentLabels';

type Row = Record<string, string | boolean>;

/** Who sends the document, when, and to which school. */
export function schoolDocumentBasics(ctx: Pick<SchoolDocumentContext, 'serviceName' | 'serviceEmail' | 'today'>, school: School): DocumentFields {
  return {
    service: ctx.serviceName,
    serviceEmail: ctx.serviceEmail,
    today: readableDate(ctx.today),
    schoolName: school.name,
    schoolUrn: school.urn,
    localAuthority: school.localAuthority,
    headteacher: school.headteacher.name,
    senco: school.senco.name,
    sencoEmail: school.senco.email,
  };
}

const listedOr = (items: readonly string[], none: string): string => (items.length ? items.join(', ') : none);

/** Everything the case itself tells: the child, the referral, the school's graduated response, the worker. */
export function caseBasics(ctx: CaseDocumentContext): DocumentFields {
  const { case: c, child } = ctx;
  const response = c.graduatedResponse;
  const source = labelOf(referralSourceLabels, c.referralSource);
  return {
    ...schoolDocumentBasics(ctx, ctx.school),
    caseReference: c.reference,
    childName: `${child.firstName} ${child.lastName}`,
    childFirstName: child.firstName,
    dateOfBirth: readableDate(child.dateOfBirth),
    gender: labelOf(genderLabels, child.gender),
    yearGroup: yearGroupName(child.yearGroup),
    sendStatus: labelOf(sendLabels, child.send),
    pupilPremium: yesNo(child.pupilPremium),
    freeSchoolMeals: yesNo(child.freeSchoolMeals),
    lookedAfter: yesNo(child.lookedAfter),
    referralDate: readableDate(c.referralDate),
    referralSource: c.referralSourceDetail ? `${source} (${c.referralSourceDetail})` : source,
    reasonForReferral: c.reasonForReferral,
    consent: labelOf(consentLabels, c.consent),
    plansInPlace: listedOr(response.plans.map((p) => labelOf(planLabels, p)), 'None recorded'),
    assessmentsUsed: listedOr(response.assessments.map((a) => labelOf(assessmentLabels, a)), 'None recorded'),
    whatHasBeenTried: response.whatHasBeenTried,
    workerAllocated: ctx.worker !== undefined,
    workerName: ctx.worker?.displayName ?? 'Not yet allocated',
    workerEmail: ctx.worker?.email ?? ctx.serviceEmail,
  };
}

function parentRow(parent: ParentCarer): Row {
  const contact = [parent.phone, parent.email, parent.address].filter((v): v is string => Boolean(v));
  const language = parent.language ? `${parent.language}${parent.interpreterNeeded ? ' (interpreter needed)' : ''}` : parent.interpreterNeeded ? 'Interpreter needed' : 'Not recorded';
  return {
    parentName: parent.name,
    relationship: parent.relationship,
    parentalResponsibility: yesNo(parent.parentalResponsibility),
    contact: listedOr(contact, 'None on file'),
    language,
  };
}

/** The case's fields and the parents loop every case document may use. */
export function caseDocumentBasics(ctx: CaseDocumentContext): DocumentFields {
  return { ...caseBasics(ctx), parents: ctx.child.parents.map(parentRow) };
}
