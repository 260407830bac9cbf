import { documentTitle, type DocumentKind } from '../../workflow';
import type { Block, DocumentSpec } from './wordml';

/**
 * What each shipped template holds: the service's paperwork (seed 000's documents, and the letters
 * the process implies), in the product's words. Tags are the fields of documentFieldNames; blank
 * rows and boxes are what the school or the worker fills in by hand.
 */

const pupil: Block = {
  type: 'fields',
  rows: [
    ['Pupil', '{childName}'],
    ['Date of birth', '{dateOfBirth}'],
    ['Year group', '{yearGroup}'],
    ['School', '{schoolName}'],
    ['Case reference', '{caseReference}'],
    ['Outreach worker', '{workerName}'],
  ],
};

const letterHead = (to: string[]): Block[] => [
  { type: 'para', text: '{today}' },
  ...to.map((text): Block => ({ type: 'para', text })),
  { type: 'para', text: 'Our reference: {caseReference}', small: true },
];

const signOff = (who: string): Block[] => [
  { type: 'para', text: 'Yours sincerely,' },
  { type: 'para', text: who, bold: true },
  { type: 'para', text: '{service}' },
];

/** Rows for who signs (or completes) the document, left blank to sign by hand. */
const signatures = (who: string[]): Block => ({ type: 'fields', rows: who.map((w): [string, string] => [w, '']) });

const referral: Block = {
  type: 'fields',
  rows: [
    ['Referral received', '{referralDate}'],
    ['Referred by', '{referralSource}'],
    ['Reason for referral', '{reasonForReferral}'],
  ],
};

const reportBody = (extraBoxes: string[]): Block[] => [
  { type: 'heading', text: 'The pupil' },
  pupil,
  { type: 'fields', rows: [['SEN status', '{sendStatus}'], ['Looked after', '{lookedAfter}']] },
  { type: 'heading', text: 'Why the pupil was referred' },
  referral,
  { type: 'heading', text: 'This report' },
  { type: 'fields', rows: [['Requested by', '{requestedBy}'], ['Written by', '{writtenBy}'], ['Date', '{today}']] },
  { type: 'heading', text: 'Summary' },
  { type: 'para', text: '{summary}' },
  ...extraBoxes.map((label): Block => ({ type: 'box', label, lines: 4 })),
];

export const templateSpecs: Record<DocumentKind, DocumentSpec> = {
  'information-letter': {
    title: documentTitle('information-letter'),
    blocks: [
      ...letterHead(['{senco}, SENCo', '{schoolName}']),
      { type: 'para', text: 'Outreach referral: {childName} ({yearGroup})', bold: true },
      { type: 'para', text: 'Dear {senco},' },
      { type: 'para', text: 'Thank you for referring {childName} to {service}. We received the referral on {referralDate} and have opened a case with the reference {caseReference}: please quote it when you write to us.' },
      { type: 'para', text: 'So that we can plan the right support, please complete the two documents attached to this e-mail and send them back to us by {returnBy}:' },
      {
        type: 'bullets',
        items: [
          'the School Initial Information Gathering Form: we have filled in what the referral told us; please check those details and complete the blank sections;',
          "the pupil's Personal Development Plan (PDP): your own plan if the pupil has one, or the template attached.",
        ],
      },
      { type: 'if', condition: 'workerAllocated', blocks: [{ type: 'para', text: 'Your outreach worker for this case is {workerName} ({workerEmail}). They will be in touch to arrange a first observation in class and a meeting with the staff who know {childFirstName} best.' }] },
      { type: 'if', condition: 'workerAllocated', inverted: true, blocks: [{ type: 'para', text: 'An outreach worker will be allocated shortly and will be in touch to arrange a first observation in class and a meeting with the staff who know {childFirstName} best.' }] },
      { type: 'para', text: 'Please also check that the parents or carers know about the referral and have agreed to it: we cannot work with {childFirstName} directly until they have.' },
      { type: 'para', text: 'If you have any questions, reply to {serviceEmail}.' },
      ...signOff('The outreach team'),
    ],
  },

  'information-form': {
    title: documentTitle('information-form'),
    blocks: [
      { type: 'title', text: documentTitle('information-form') },
      { type: 'para', text: 'We have filled in what the referral told us. Please check it, complete the blank sections and return the form with the PDP to {serviceEmail}.', italic: true },
      { type: 'heading', text: 'The pupil' },
      pupil,
      {
        type: 'fields',
        rows: [
          ['Gender', '{gender}'],
          ['SEN status', '{sendStatus}'],
          ['Pupil Premium', '{pupilPremium}'],
          ['Free school meals', '{freeSchoolMeals}'],
          ['Looked after', '{lookedAfter}'],
          ['School URN', '{schoolUrn}'],
        ],
      },
      { type: 'heading', text: 'Parents and carers' },
      {
        type: 'loopTable',
        loop: 'parents',
        columns: [['Name', '{parentName}'], ['Relationship', '{relationship}'], ['Parental responsibility', '{parentalResponsibility}'], ['Contact', '{contact}'], ['Language', '{language}']],
        blankRows: 1,
      },
      { type: 'heading', text: 'The referral' },
      referral,
      { type: 'fields', rows: [['Parental consent', '{consent}']] },
      { type: 'heading', text: "The school's graduated response so far" },
      { type: 'fields', rows: [['Plans in place', '{plansInPlace}'], ['Assessments used', '{assessmentsUsed}'], ['What has been tried', '{whatHasBeenTried}']] },
      { type: 'heading', text: 'To be completed by the school' },
      {
        type: 'fields',
        rows: [
          ['Attendance this year (%)', ''],
          ['Suspensions this year (how many, when)', ''],
          ['Timetable (full-time or reduced)', ''],
          ['Key adult(s) in school', ''],
          ['Strengths and interests', ''],
          ['Behaviours causing concern (what, where, when, how often)', ''],
          ['Known triggers', ''],
          ['What helps the pupil to calm', ''],
          ['Other agencies involved (e.g. CAMHS, Early Help, social care)', ''],
          ['Medical needs or diagnoses', ''],
        ],
      },
      { type: 'heading', text: 'Strategies the school is using' },
      { type: 'blankTable', columns: ['Strategy', 'Used since', 'How well it works'], rows: 5 },
      { type: 'heading', text: 'Completed by' },
      signatures(['Name', 'Role', 'Date']),
    ],
  },

  pdp: {
    title: documentTitle('pdp'),
    blocks: [
      { type: 'title', text: documentTitle('pdp') },
      { type: 'para', text: 'A plan written with the pupil, their family and the staff who know them. Please return it with the information form.', italic: true },
      pupil,
      { type: 'fields', rows: [['Date of this plan', ''], ['People who wrote it', '']] },
      { type: 'heading', text: 'About me' },
      { type: 'box', label: 'What I am good at, and what I enjoy', lines: 3 },
      { type: 'box', label: 'How I communicate best, and how adults can help me', lines: 3 },
      { type: 'heading', text: 'Understanding the behaviour' },
      { type: 'box', label: 'The behaviours we want to reduce (what, when, how often)', lines: 3 },
      { type: 'box', label: 'What we think the behaviour is telling us', lines: 3 },
      { type: 'box', label: 'What works well, and what we should avoid doing', lines: 3 },
      { type: 'heading', text: 'My targets' },
      { type: 'blankTable', columns: ['Target', 'What adults will do', 'How we will know it is working'], rows: 3 },
      { type: 'heading', text: 'When things get difficult' },
      { type: 'box', label: 'Early signs that I am becoming anxious or upset', lines: 2 },
      { type: 'box', label: 'What helps me calm down', lines: 2 },
      { type: 'box', label: 'What happens after an incident', lines: 2 },
      { type: 'fields', rows: [['Review date', ''], ['Pupil', ''], ['Parent or carer', ''], ['School', '']] },
    ],
  },

  'observation-form': {
    title: documentTitle('observation-form'),
    blocks: [
      { type: 'title', text: documentTitle('observation-form') },
      pupil,
      { type: 'heading', text: 'The observation' },
      { type: 'fields', rows: [['Date', '{observedOn}'], ['Setting', '{setting}'], ['Focus', '{focus}'], ['Observed by', '{observer}']] },
      { type: 'heading', text: 'Outcome' },
      { type: 'para', text: '{outcome}' },
      { type: 'heading', text: 'Way forward' },
      { type: 'para', text: '{wayForward}' },
      { type: 'heading', text: "The school's strategies, checked against the information form" },
      { type: 'loopTable', loop: 'strategies', columns: [['Strategy', '{strategy}'], ['In use', '{inUse}'], ['How effective', '{effective}']] },
      { type: 'box', label: 'Comments from school staff', lines: 3 },
    ],
  },

  'meeting-record': {
    title: documentTitle('meeting-record'),
    blocks: [
      { type: 'title', text: documentTitle('meeting-record') },
      pupil,
      { type: 'heading', text: 'The meeting' },
      { type: 'fields', rows: [['Date', '{heldOn}'], ['Purpose', '{purpose}'], ['Recorded by', '{recordedBy}']] },
      { type: 'heading', text: 'Who attended' },
      { type: 'list', loop: 'attendees', item: '•  {name}' },
      { type: 'heading', text: 'Notes' },
      { type: 'para', text: '{notes}' },
      { type: 'fields', rows: [['Support agreed', '{agreedSupport}'], ['Expectations of the school and the worker', '{expectations}']] },
      { type: 'heading', text: 'Actions' },
      { type: 'blankTable', columns: ['Action', 'Who', 'By when'], rows: 3 },
      { type: 'fields', rows: [['Next meeting', '']] },
    ],
  },

  'outreach-contract': {
    title: documentTitle('outreach-contract'),
    blocks: [
      { type: 'title', text: `${documentTitle('outreach-contract')} (version {contractVersion})` },
      pupil,
      { type: 'heading', text: 'The contract' },
      {
        type: 'fields',
        rows: [
          ['Version', '{contractVersion}'],
          ['Status', '{contractStatus}'],
          ['Support starts', '{startDate}'],
          ['Six weeks of support end', '{supportEnds}'],
          ['Review meeting', '{reviewDate}'],
        ],
      },
      { type: 'heading', text: 'Targets' },
      { type: 'list', loop: 'targets', item: '{number}.  {target}' },
      { type: 'heading', text: 'The support offered' },
      { type: 'para', text: '{support}' },
      { type: 'heading', text: 'Packages drawn on' },
      { type: 'loopTable', loop: 'packages', columns: [['Package', '{name}'], ['Hours', '{hours}']] },
      { type: 'heading', text: 'Expectations' },
      { type: 'box', label: 'The school will', lines: 3 },
      { type: 'box', label: 'The outreach worker will', lines: 3 },
      { type: 'heading', text: 'Approval' },
      { type: 'if', condition: 'approved', blocks: [{ type: 'para', text: 'Approved by {approvedBy} on {approvedOn}.' }] },
      { type: 'if', condition: 'approved', inverted: true, blocks: [{ type: 'para', text: 'Status: {contractStatus}. The contract takes effect once a manager of {service} approves it.' }] },
      { type: 'heading', text: 'Agreed by' },
      signatures(['School (name, role, date)', 'Outreach worker (name, date)', 'Parent or carer (name, date)']),
    ],
  },

  'chronology-log': {
    title: documentTitle('chronology-log'),
    blocks: [
      { type: 'title', text: documentTitle('chronology-log') },
      pupil,
      { type: 'para', text: 'Everything recorded on the case, in the order it happened.', italic: true },
      { type: 'loopTable', loop: 'entries', columns: [['Date', '{date}'], ['Record', '{kind}'], ['Entry', '{entry}'], ['Recorded by', '{writtenBy}']], blankRows: 3 },
    ],
  },

  'summary-record': {
    title: documentTitle('summary-record'),
    blocks: [
      { type: 'title', text: documentTitle('summary-record') },
      pupil,
      { type: 'fields', rows: [['Referral received', '{referralDate}'], ['Contract in force', '{contractPeriod}'], ['Support sessions', '{sessionCount}'], ['Hours delivered', '{hoursDelivered}']] },
      { type: 'heading', text: 'Steps recorded' },
      { type: 'loopTable', loop: 'entries', columns: [['Date', '{date}'], ['Record', '{kind}'], ['Summary', '{summary}']] },
      { type: 'box', label: 'Progress so far (outreach worker)', lines: 4 },
    ],
  },

  'end-of-outreach-report': {
    title: documentTitle('end-of-outreach-report'),
    blocks: [
      { type: 'title', text: documentTitle('end-of-outreach-report') },
      pupil,
      { type: 'heading', text: 'Why the pupil was referred' },
      referral,
      { type: 'heading', text: 'The support' },
      { type: 'fields', rows: [['Contract', '{contractPeriod}'], ['Support sessions', '{sessionCount}'], ['Hours delivered', '{hoursDelivered}']] },
      { type: 'heading', text: 'Observations' },
      { type: 'loopTable', loop: 'observations', columns: [['Date', '{date}'], ['Outcome', '{outcome}'], ['Way forward', '{wayForward}']] },
      { type: 'heading', text: 'Sessions' },
      { type: 'loopTable', loop: 'sessions', columns: [['Date', '{date}'], ['With', '{withWhom}'], ['Hours', '{hours}'], ['What was done', '{summary}']] },
      { type: 'heading', text: 'Final review' },
      { type: 'fields', rows: [['Held on', '{reviewedOn}'], ['Summary', '{reviewSummary}'], ['Destination', '{destination}']] },
      { type: 'box', label: 'Progress against the targets', lines: 4 },
      { type: 'box', label: 'Recommendations for school', lines: 4 },
      { type: 'box', label: 'Recommendations for home', lines: 3 },
      { type: 'fields', rows: [['Written by', '{workerName}'], ['Date', '{today}']] },
    ],
  },

  'outreach-report': {
    title: documentTitle('outreach-report'),
    blocks: [
      { type: 'title', text: documentTitle('outreach-report') },
      ...reportBody(['How the pupil presents now', 'Support the service has provided', 'Recommendations']),
    ],
  },

  'fap-report': {
    title: documentTitle('fap-report'),
    blocks: [
      { type: 'title', text: documentTitle('fap-report') },
      ...reportBody(["The pupil's views", "The parents' or carers' views", "The school's view", 'Provision the service recommends']),
    ],
  },

  'evaluation-form': {
    title: documentTitle('evaluation-form'),
    blocks: [
      { type: 'title', text: documentTitle('evaluation-form') },
      { type: 'fields', rows: [['School', '{schoolName}'], ['Date sent', '{today}']] },
      { type: 'if', condition: 'aboutACase', blocks: [{ type: 'para', text: 'About the outreach support for {childName} ({yearGroup}, case {caseReference}), with {workerName}.' }] },
      { type: 'if', condition: 'aboutACase', inverted: true, blocks: [{ type: 'para', text: 'About the outreach support your school received this {term} term.' }] },
      { type: 'para', text: 'Your answers help us improve the service. Please rate each statement from 1 (not at all) to 5 (very much).', italic: true },
      { type: 'if', condition: 'hasFormLink', blocks: [{ type: 'para', text: 'You can answer online instead: {formLink}' }] },
      {
        type: 'fields',
        rows: [
          ['Referring was straightforward', ''],
          ['We were kept informed', ''],
          ['Observations and advice were useful', ''],
          ['The strategies were practical in class', ''],
          ['Staff feel more confident', ''],
          ["The pupil's behaviour has improved", ''],
          ['Work with the family went well', ''],
        ],
      },
      { type: 'box', label: 'What went well', lines: 3 },
      { type: 'box', label: 'What could be better', lines: 3 },
      { type: 'fields', rows: [['Completed by (name, role)', ''], ['Date', '']] },
      { type: 'para', text: 'Please return the form to {serviceEmail}.' },
    ],
  },

  'early-closure-letter': {
    title: documentTitle('early-closure-letter'),
    blocks: [
      ...letterHead(['{senco}, SENCo', '{schoolName}']),
      { type: 'para', text: 'Outreach case {caseReference}: {childName} ({yearGroup})', bold: true },
      { type: 'para', text: 'Dear {senco},' },
      { type: 'para', text: 'We are writing to let you know that the outreach case for {childName} closed on {closedOn}.' },
      { type: 'fields', rows: [['Reason', '{closeReason}']] },
      { type: 'if', condition: 'hasNote', blocks: [{ type: 'para', text: '{closureNote}' }] },
      { type: 'para', text: 'If the situation changes, you are welcome to refer {childFirstName} again. Any questions, please reply to {serviceEmail}.' },
      ...signOff('The outreach team'),
    ],
  },

  'parents-contract-letter': {
    title: documentTitle('parents-contract-letter'),
    blocks: [
      ...letterHead(['{parentName}']),
      { type: 'para', text: 'Outreach support for {childFirstName} at {schoolName}', bold: true },
      { type: 'para', text: 'Dear {parentName},' },
      {
        type: 'if',
        condition: 'approved',
        blocks: [
          { type: 'para', text: 'We have met with staff at {schoolName} and agreed a plan of support for {childFirstName}, and it has now been approved. Support starts on {startDate}, runs for up to six school weeks (until {supportEnds}) and will be reviewed with the school on {reviewDate}.' },
          { type: 'para', text: 'What we will work on together:' },
          { type: 'list', loop: 'targets', item: '{number}.  {target}' },
          { type: 'para', text: 'The support: {support}' },
        ],
      },
      {
        type: 'if',
        condition: 'approved',
        inverted: true,
        blocks: [{ type: 'para', text: 'We have met with staff at {schoolName} to plan support for {childFirstName}. Before it starts, a few changes to the plan are being made; we will write to you again as soon as it is agreed.' }],
      },
      { type: 'para', text: 'If you have any questions, please contact {workerName} at {workerEmail}.' },
      ...signOff('{workerName}'),
    ],
  },
};
