import type { DocumentKind } from '../ports/documents';

/** A template's fields: name to what it holds (for the README and for checking templates). */
export type FieldList = Readonly<Record<string, string>>;
export interface LoopFields {
  about: string;
  rows: FieldList;
}
/** What the product fills for one kind of document: plain fields (text, or yes/no for conditions) and loops of rows. */
export interface DocumentFieldSpec {
  fields: FieldList;
  loops: Readonly<Record<string, LoopFields>>;
}

/** Every document: who sends it, and when. */
const serviceFields: FieldList = {
  service: "The service's name",
  serviceEmail: "The service's mailbox (where to reply)",
  today: "The document's date",
};

/** Every document about a school (every document, in fact). */
const schoolFields: FieldList = {
  schoolName: "The school's name",
  schoolUrn: "The school's URN",
  localAuthority: "The school's local authority",
  headteacher: "The headteacher's name",
  senco: "The SENCo's name",
  sencoEmail: "The SENCo's e-mail address",
};

/** Every document about a case. */
const caseFields: FieldList = {
  caseReference: "The case's reference (OC-yy-xxxxx)",
  childName: "The child's full name",
  childFirstName: "The child's first name",
  dateOfBirth: "The child's date of birth",
  gender: "The child's gender",
  yearGroup: "The child's year group (Reception, Year 1..13)",
  sendStatus: 'SEN status: None, SEN support or EHC plan',
  pupilPremium: 'Pupil Premium: Yes or No',
  freeSchoolMeals: 'Free school meals: Yes or No',
  lookedAfter: 'Looked-after child: Yes or No',
  referralDate: 'The date of the referral',
  referralSource: 'Who referred: School, Inclusion panel or Other agency (with detail when given)',
  reasonForReferral: 'The reason for the referral, as the referral gave it',
  consent: 'Parental consent: Given, Pending, Refused or Withdrawn',
  plansInPlace: "The school's plans before referring (e.g. Pupil passport, IEP), or None recorded",
  assessmentsUsed: 'Assessments the school used (SDQ, Boxall, Thrive...), or None recorded',
  whatHasBeenTried: 'What the school has tried, as the referral gave it',
  workerAllocated: 'Yes/no: an outreach worker is allocated (for a condition)',
  workerName: "The outreach worker's name, or Not yet allocated",
  workerEmail: "The outreach worker's e-mail address, or the service's mailbox when not yet allocated",
};

const parentsLoop: LoopFields = {
  about: 'Each parent or carer on file',
  rows: {
    parentName: 'Their name',
    relationship: 'Their relationship to the child',
    parentalResponsibility: 'Parental responsibility: Yes or No',
    contact: 'Their contact details on file, or None on file',
    language: 'Preferred language (and whether an interpreter is needed), or English / not recorded',
  },
};

const targetsLoop: LoopFields = { about: "The contract's targets", rows: { number: 'The target number (1, 2, ...)', target: 'The target' } };

const contractFields: FieldList = {
  contractVersion: "The contract's version (1, 2, ...)",
  support: 'The support offered',
  startDate: 'The date support starts',
  reviewDate: 'The agreed review date',
  supportEnds: 'The last school day of the six weeks of support',
};

const sessionsLoop: LoopFields = {
  about: 'Each support session delivered',
  rows: { date: 'When it was delivered', withWhom: 'With whom', hours: 'Hours delivered', summary: 'What was done' },
};

const entriesLoop = (about: string, rows: FieldList): LoopFields => ({ about, rows });

const caseDocument = (fields: FieldList = {}, loops: Record<string, LoopFields> = {}): DocumentFieldSpec => ({
  fields: { ...serviceFields, ...schoolFields, ...caseFields, ...fields },
  loops: { parents: parentsLoop, ...loops },
});

const reportFields: FieldList = {
  requestedBy: 'Who asked for the report, or Not recorded',
  summary: "The report's summary",
  writtenBy: 'Who wrote the report',
};

/**
 * For each kind, the fields and loops the product fills: a template may use these and no others
 * (documents/ checks each template against this list; the templates README lists it).
 */
export const documentFieldNames: Readonly<Record<DocumentKind, DocumentFieldSpec>> = {
  'information-letter': caseDocument({ returnBy: 'The date the school is asked to return the form and the PDP by' }),
  'information-form': caseDocument(),
  pdp: caseDocument(),
  'observation-form': caseDocument(
    {
      observedOn: 'The date of the observation',
      setting: 'Where the observation took place (lesson, setting)',
      focus: 'Its focus: In class, Transitions, Unstructured time, Other',
      observer: 'Who observed',
      outcome: 'The outcome of the observation',
      wayForward: 'The way forward',
    },
    {
      strategies: entriesLoop("The school's strategies checked against the information form", {
        strategy: 'The strategy',
        inUse: 'In use: Yes or No',
        effective: 'How effective: Effective, Partly effective, Not effective, Not known yet',
      }),
    },
  ),
  'meeting-record': caseDocument(
    {
      heldOn: 'The date of the meeting',
      purpose: 'What the meeting was for',
      notes: 'The notes of the meeting',
      agreedSupport: 'The support agreed, or None recorded',
      expectations: 'Expectations of the school and the worker, or None recorded',
      recordedBy: 'Who recorded the meeting',
    },
    { attendees: entriesLoop('Who attended', { name: 'Their name (and role)' }) },
  ),
  'outreach-contract': caseDocument(
    {
      ...contractFields,
      contractStatus: "The contract's status (Awaiting approval, Approved...)",
      approved: 'Yes/no: the contract has been approved (for a condition)',
      approvedBy: 'Who approved it (empty when not approved)',
      approvedOn: 'When it was approved (empty when not approved)',
    },
    {
      targets: targetsLoop,
      packages: entriesLoop('The packages the contract draws on', { name: "The package's name", hours: 'Its hours' }),
    },
  ),
  'chronology-log': caseDocument(
    {},
    {
      entries: entriesLoop('Every record of the case, in the order things happened', {
        date: 'When it happened',
        kind: 'What kind of record it is',
        entry: 'What was recorded',
        writtenBy: 'Who recorded it',
      }),
    },
  ),
  'summary-record': caseDocument(
    {
      contractPeriod: 'The contract in force: its version and dates, or No contract in force',
      sessionCount: 'How many support sessions were delivered',
      hoursDelivered: 'Hours of support delivered',
    },
    { entries: entriesLoop('Each step recorded, in order', { date: 'When it happened', kind: 'What kind of record it is', summary: 'A short summary' }) },
  ),
  'end-of-outreach-report': caseDocument(
    {
      contractPeriod: 'The last contract: its version and dates, or No contract recorded',
      sessionCount: 'How many support sessions were delivered',
      hoursDelivered: 'Hours of support delivered',
      reviewedOn: 'The date of the final review, or Not recorded',
      reviewSummary: 'The summary of the final review, or Not recorded',
      destination: 'Where the pupil goes from here (Back in mainstream...), or Not recorded',
    },
    {
      observations: entriesLoop('Each observation', { date: 'When it took place', outcome: 'Its outcome', wayForward: 'The way forward' }),
      sessions: sessionsLoop,
    },
  ),
  'outreach-report': caseDocument(reportFields),
  'fap-report': caseDocument(reportFields),
  'evaluation-form': {
    // A case's evaluation (aboutACase) or a school's at the end of a term: the case's fields are given only about a case.
    fields: {
      ...serviceFields,
      ...schoolFields,
      aboutACase: 'Yes/no: the form is about one case (else about the school\'s cases in a term)',
      term: 'The term the form is about (empty about a case)',
      hasFormLink: 'Yes/no: there is an online form to answer instead (for a condition)',
      formLink: 'The online form\'s address (empty when none)',
      ...caseFields,
    },
    loops: {},
  },
  'early-closure-letter': caseDocument({
    closedOn: 'The date the case closed',
    closeReason: 'Why it closed, in words',
    hasNote: 'Yes/no: a note was added when closing (for a condition)',
    closureNote: 'The note added when closing (empty when none)',
  }),
  'parents-contract-letter': caseDocument(
    {
      ...contractFields,
      parentName: 'The parent or carer written to',
      approved: 'Yes/no: the contract was approved (else changes were asked for)',
    },
    { targets: targetsLoop },
  ),
};

/** The evaluation form's fields that exist only about a case (a school's term form leaves them out). */
export const caseOnlyFieldNames: readonly string[] = Object.keys(caseFields);
