import type { Case, CaseDocumentContext, CaseDocumentRequest, CaseRecord, Child, Contract, DocumentKind, RecordBody, School, Staff } from '../../workflow';

/** A fictional case far enough along to make every document from (support delivered, reviewed, closed). */

const at = '2026-09-14T09:00:00Z';
const attribution = { createdBy: 'u-worker', createdAt: at, updatedBy: 'u-worker', updatedAt: at };

export const school: School = {
  id: '7',
  name: 'Larkhill Community Primary School',
  urn: '123456',
  type: 'maintained',
  phase: 'primary',
  localAuthority: 'Northvale Council',
  headteacher: { name: 'Robin Ashdown', email: 'head@larkhill.sch.example.org' },
  senco: { name: 'Fern Maddox', email: 'senco@larkhill.sch.example.org' },
  finance: { name: 'Ola Brindle', email: 'finance@larkhill.sch.example.org' },
};

export const worker: Staff = {
  id: '4',
  userId: 'u-worker',
  displayName: 'Harriet Lunde',
  email: 'harriet.lunde@outreach.example.org',
  roles: ['worker'],
  active: true,
  capacityHours: 30,
};

export function childNamed(firstName: string, lastName: string, parentName = 'Maeve Corrigan'): Child {
  return {
    id: '11',
    reference: 'C-A1B2C3',
    firstName,
    lastName,
    dateOfBirth: '2017-03-14',
    gender: 'male',
    yearGroup: 4,
    schoolId: school.id,
    send: 'sen-support',
    pupilPremium: true,
    freeSchoolMeals: false,
    lookedAfter: false,
    parents: [
      { name: parentName, relationship: 'Mother', parentalResponsibility: true, email: 'maeve@example.org', phone: '01632 960123', preferredContact: 'phone', language: 'Irish', interpreterNeeded: false },
    ],
    destroyAfter: '2048-03-14',
    legalHold: false,
    matchKey: 'key',
    ...attribution,
  };
}

export const theCase: Case = {
  id: '21',
  reference: 'OC-26-K7Q2M',
  childId: '11',
  schoolId: school.id,
  referralDate: '2026-09-07',
  referralSource: 'school',
  reasonForReferral: 'Frequent dysregulation after lunch; two fixed-term suspensions last year.',
  graduatedResponse: { plans: ['pupil-passport', 'positive-behaviour-support-plan'], assessments: ['sdq', 'boxall'], whatHasBeenTried: 'A calm corner, a visual timetable and a daily check-in with the TA.' },
  consent: 'given',
  status: 'open',
  step: 8,
  workerId: 'u-worker',
  purchaseIds: ['31'],
  milestones: {},
  contractInForce: { contractId: '41', version: 2, startDate: '2026-10-05', reviewDate: '2026-11-20', supportEnds: '2026-11-18' },
  pauses: [],
  linkedCaseIds: [],
  referralKey: 'ref-1',
  ...attribution,
};

export const contract: Contract = {
  id: '41',
  caseId: theCase.id,
  version: 2,
  status: 'approved',
  targets: ['Stay in class for the whole afternoon session', 'Use the calm card instead of leaving the room'],
  support: 'Weekly 1:1 sessions on emotional regulation and modelling for the class TA.',
  purchaseIds: ['31'],
  startDate: '2026-10-05',
  reviewDate: '2026-11-20',
  supportEnds: '2026-11-18',
  namedApprovers: [],
  decisions: [{ id: 'd1', by: 'u-manager', at: '2026-10-01T10:00:00Z', outcome: 'approved' }],
  ...attribution,
};

let nextId = 100;
const record = (body: RecordBody, by = 'u-worker', safeguarding = false): CaseRecord => ({
  id: String(nextId++),
  caseId: theCase.id,
  step: 8,
  safeguarding,
  locked: safeguarding,
  ...attribution,
  createdBy: by,
  body,
});

export const observation = {
  kind: 'observation',
  observedOn: '2026-09-21',
  setting: 'Year 4 maths lesson',
  focus: 'classroom',
  outcome: 'Settled with adult support; left the room once when the task changed.',
  wayForward: 'Warn before transitions; a now-and-next board on the desk.',
  strategiesChecked: [
    { strategy: 'Visual timetable', inUse: true, effective: 'partly' },
    { strategy: 'Calm corner', inUse: false, effective: 'not-known' },
  ],
} satisfies RecordBody;

export const meeting = {
  kind: 'meeting',
  heldOn: '2026-09-24',
  purpose: 'initial-school',
  attendees: ['Fern Maddox (SENCo)', 'Class teacher', 'Harriet Lunde'],
  notes: 'Went through the information form and the PDP.',
  agreedSupport: 'Six weekly sessions, starting after the home visit.',
  expectations: 'School keeps the calm corner available every afternoon.',
} satisfies RecordBody;

export const report = { kind: 'report', reportType: 'outreach', requestedBy: 'Early Help team', summary: 'Good progress in class; still struggles at lunchtime.' } satisfies RecordBody;

export const records: CaseRecord[] = [
  record(observation),
  record(meeting),
  record({ kind: 'home-visit', heldOn: '2026-09-28', mode: 'home-visit', attendees: ['Maeve Corrigan'], notes: 'Mother keen to help.' }),
  record({ kind: 'support-session', deliveredOn: '2026-10-06', hours: 1.5, withWhom: 'pupil', summary: 'Feelings thermometer introduced.' }),
  record({ kind: 'support-session', deliveredOn: '2026-10-13', hours: 1, withWhom: 'pupil-and-staff', summary: 'Modelled the calm card with the TA.' }, 'u-other'),
  record({ kind: 'chronology', on: '2026-10-14', category: 'update-to-home', note: 'Phoned mother with an update.' }),
  record({ kind: 'time', on: '2026-10-13', hours: 1, activity: 'direct-work' }),
  record({ kind: 'safeguarding-concern', concern: 'Disclosure recorded for the DSL.', actionTaken: 'Passed to the DSL the same day.' }, 'u-worker', true),
  record({ kind: 'review', heldOn: '2026-11-20', outcome: 'end', summary: 'Targets met; school to continue the strategies.', destination: 'mainstream' }),
];

export const staffNames = new Map([
  ['u-worker', 'Harriet Lunde'],
  ['u-other', 'Tomasz Frey'],
]);

export function contextFor(child: Child = childNamed('Ciarán', "O'Neill")): CaseDocumentContext {
  return { serviceName: 'Northvale Outreach Service', serviceEmail: 'outreach@outreach.example.org', today: '2026-11-23', case: theCase, child, school, worker };
}

/** A request for every kind of document, from the case above. */
export function requestFor(kind: DocumentKind, parent = childNamed('Ciarán', "O'Neill").parents[0]!): CaseDocumentRequest {
  switch (kind) {
    case 'information-letter':
      return { kind, returnBy: '2026-09-25' };
    case 'information-form':
    case 'pdp':
      return { kind };
    case 'observation-form':
      return { kind, record: observation, observer: 'Harriet Lunde' };
    case 'meeting-record':
      return { kind, record: meeting, recordedBy: 'Harriet Lunde' };
    case 'outreach-contract':
      return { kind, contract, packages: [{ name: 'Silver Package (2026-27)', hours: 13 }], approvedBy: 'Morgan Ashby' };
    case 'chronology-log':
      return { kind, records, staffNames };
    case 'summary-record':
    case 'end-of-outreach-report':
      return { kind, records };
    case 'outreach-report':
      return { kind, record: report, writtenBy: 'Harriet Lunde' };
    case 'fap-report':
      return { kind, record: { ...report, reportType: 'fair-access-panel', requestedBy: 'Fair Access Panel' }, writtenBy: 'Harriet Lunde' };
    case 'evaluation-form':
      return { kind, formLink: 'https://forms.example.org/evaluation' };
    case 'early-closure-letter':
      return { kind, closure: { on: '2026-10-20', by: 'u-manager', how: 'moved-school', note: 'The family moved out of the area.' } };
    case 'parents-contract-letter':
      return { kind, parent, contract, outcome: 'approved' };
  }
}
