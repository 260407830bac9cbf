import {
  currentStep,
  type Case,
  type CaseRecord,
  type Child,
  type Contract,
  type Destination,
  type EarlyCloseReason,
  type Milestones,
  type NewItem,
  type Purchase,
  type RecordBody,
  type School,
  type Staff,
  type WorkflowConfig,
} from '../../workflow';
import { childMatchKey, destroyAfter } from '../../workflow/usecases/referral/childIdentity';
import { financialYearOf } from './priceListLookup';
import { childName, parentFirstName, pick, weighted, type Draw } from './demoHistoryNames';

/**
 * One case of the demo history as it will be written: its child, the case, the packages its
 * school bought for it, its contracts and its records. Ids are not known until written, so the
 * parts that name another item are functions of the ids (demoHistory.ts writes them in order).
 */
export interface PlannedCase {
  key: string;
  child: NewItem<Child>;
  caseDraft: (childId: string) => NewItem<Case>;
  purchases: Array<(caseId: string) => NewItem<Purchase>>;
  contracts: Array<(caseId: string, purchaseIds: string[]) => NewItem<Contract>>;
  records: Array<{ key: string; record: (caseId: string) => NewItem<CaseRecord> }>;
  caseFinal: (ids: { purchaseIds: string[]; contractIds: string[] }) => Partial<NewItem<Case>>;
}

export interface PlanInput {
  random: Draw;
  /** Numbers this case's references and keys (unique within one seed). */
  n: number;
  seed: number;
  referralDate: string;
  /** Nothing after this day happens (the case is left open where it stands). */
  until: string;
  school: School;
  worker: Staff;
  manager: Staff;
  config: WorkflowConfig;
}

const DAY_MS = 86_400_000;
const dayNumber = (date: string): number => Date.parse(`${date}T00:00:00Z`) / DAY_MS;
const dateOf = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);
/** `days` weekdays after `date` (bank holidays and school holidays are not skipped: a demo). */
export function addWeekdays(date: string, days: number): string {
  let day = dayNumber(date);
  for (let left = days; left > 0; ) {
    day += 1;
    const weekday = new Date(day * DAY_MS).getUTCDay();
    if (weekday !== 0 && weekday !== 6) left -= 1;
  }
  return dateOf(day);
}
/** The weekday on or after `date`. */
export const weekdayFrom = (date: string): string => {
  const weekday = new Date(dayNumber(date) * DAY_MS).getUTCDay();
  return weekday === 6 ? dateOf(dayNumber(date) + 2) : weekday === 0 ? dateOf(dayNumber(date) + 1) : date;
};
const at = (date: string, time = '10:00'): string => `${date}T${time}:00Z`;
const quarter = (hours: number): number => Math.max(0.25, Math.round(hours * 4) / 4);

/** Unique fixed-width codes from distinct numbers (the multiplier is prime to 36, so this is a bijection mod 36^width). */
const code = (value: number, width: number): string => {
  const space = 36n ** BigInt(width);
  return (((BigInt(value) % space) * 7_368_787n) % space).toString(36).toUpperCase().padStart(width, '0');
};

const reasons = [
  'Leaves the classroom when tasks are set and is hard to bring back after break.',
  'Frequent verbal outbursts towards staff in the afternoons; several fixed-term suspensions this year.',
  'Withdrawn and tearful at drop-off; low attendance since a change at home.',
  'Physical incidents with peers at lunchtime; the school asks for support with unstructured time.',
  'Struggles with transitions between lessons; refuses to enter some classrooms.',
  'Damages property when frustrated; the school is considering a reduced timetable.',
];
const plans = ['person-centred-plan', 'positive-behaviour-support-plan', 'incident-support-plan', 'iep', 'pupil-passport'] as const;
const assessments = ['sdq', 'boxall', 'thrive'] as const;
const settings = ['Year group classroom, maths lesson', 'Playground at lunchtime', 'Small-group intervention room', 'Science lab, practical lesson', 'Lunch hall'];
const strategies = ['Visual timetable', 'Named adult at transitions', 'Movement breaks', 'Now/next board', 'Calm corner', 'Pre-warning before changes'];
const sessionSummaries = [
  'Worked on recognising early signs of frustration and two calming strategies.',
  'Role-played asking for help; practised a break card with the class teacher.',
  'Coached the teaching assistant on de-escalation and consistent language.',
  'Reviewed the week with the pupil; agreed a target for unstructured time.',
  'Session with the parent on routines at home and a shared reward chart.',
];
const destinations: ReadonlyArray<readonly [Destination, number]> = [['mainstream', 80], ['specialist-provision', 8], ['alternative-provision', 8], ['other', 4]];
const earlyReasons: readonly EarlyCloseReason[] = ['referral-declined', 'consent-refused', 'consent-withdrawn', 'moved-school', 'permanently-excluded', 'no-longer-needed'];

/** The price list item of a financial year, or of the nearest year the configuration has (a demo reaching past the price lists). */
function priceItem(config: WorkflowConfig, financialYear: string, packageCode: string): { hours: number; price: number } {
  const sorted = [...config.priceLists].sort((a, b) => a.financialYear.localeCompare(b.financialYear));
  const list = sorted.find((l) => l.financialYear === financialYear) ?? (sorted.filter((l) => l.financialYear < financialYear).at(-1) ?? sorted[0]);
  const item = list?.items.find((i) => i.code === packageCode);
  if (!item) throw new Error(`"${packageCode}" is on no price list.`);
  return { hours: item.hours, price: item.price };
}

function yearGroupAndBirth(random: Draw, school: School, referralDate: string): { yearGroup: number; dateOfBirth: string } {
  const yearGroup = school.phase === 'secondary' ? 7 + Math.floor(random() * 5) : weighted(random, [[0, 6], [1, 10], [2, 12], [3, 16], [4, 18], [5, 20], [6, 18]] as const);
  const month = Number(referralDate.slice(5, 7));
  const academicStart = Number(referralDate.slice(0, 4)) - (month >= 9 ? 0 : 1);
  // Reception in the year starting September Y: born between 1 September Y-5 and 31 August Y-4.
  const bornFrom = dayNumber(`${academicStart - 5 - yearGroup}-09-01`);
  return { yearGroup, dateOfBirth: dateOf(bornFrom + Math.floor(random() * 365)) };
}

/** One case, deterministic for its inputs' random numbers. */
export function planCase(input: PlanInput): PlannedCase {
  const { random, n, seed, referralDate, until, school, worker, manager, config } = input;
  const key = `demo-history:${seed}:${n}`;
  const gender = weighted(random, [['male', 60], ['female', 35], ['other', 2], ['not-stated', 3]] as const);
  const name = childName(random, gender);
  const { yearGroup, dateOfBirth } = yearGroupAndBirth(random, school, referralDate);
  const send = weighted(random, [['none', 45], ['sen-support', 40], ['ehc-plan', 15]] as const);
  const freeSchoolMeals = random() < 0.35;
  const lookedAfter = random() < 0.06;
  const referredAt = at(referralDate, '09:30');
  const childDetails = {
    firstName: name.firstName,
    lastName: name.lastName,
    dateOfBirth,
    gender,
    yearGroup,
    schoolId: school.id,
    send,
    pupilPremium: freeSchoolMeals || lookedAfter || random() < 0.1,
    freeSchoolMeals,
    lookedAfter,
  };
  const interpreter = name.language !== 'English' && random() < 0.3;
  const child: NewItem<Child> = {
    ...childDetails,
    parents: [{
      name: `${parentFirstName(random, name.language)} ${name.lastName}`,
      relationship: lookedAfter ? 'Foster carer' : pick(random, ['Mother', 'Father', 'Grandparent', 'Stepmother']),
      parentalResponsibility: !lookedAfter,
      phone: `07700 9${String(n % 100_000).padStart(5, '0')}`,
      ...(random() < 0.7 ? { email: `parent${n}@home.example.org` } : {}),
      preferredContact: pick(random, ['email', 'phone', 'letter', 'in-person'] as const),
      ...(name.language !== 'English' ? { language: name.language } : {}),
      interpreterNeeded: interpreter,
    }],
    reference: `C-${code(seed * 100_003 + n, 6)}`,
    destroyAfter: destroyAfter(dateOfBirth),
    legalHold: false,
    matchKey: childMatchKey(childDetails),
    createdBy: manager.userId,
    createdAt: referredAt,
    updatedBy: manager.userId,
    updatedAt: referredAt,
  };

  const referralSource = weighted(random, [['school', 80], ['inclusion-panel', 12], ['other-agency', 8]] as const);
  const [reasonForReferral, plan, assessment] = [pick(random, reasons), pick(random, plans), pick(random, assessments)];
  const happened = (date: string): boolean => date <= until;
  const by = worker.userId;
  const records: PlannedCase['records'] = [];
  const addRecord = (suffix: string, step: number, on: string, body: RecordBody, safeguarding = false): string => {
    const recordKey = `${key}:record:${suffix}`;
    const stamp = at(on, '15:00');
    records.push({ key: recordKey, record: (caseId) => ({ caseId, step, safeguarding, locked: false, body, createdBy: by, createdAt: stamp, updatedBy: by, updatedAt: stamp }) as NewItem<CaseRecord> });
    return recordKey;
  };
  const time = (suffix: string, step: number, on: string, hours: number, activity: Extract<RecordBody, { kind: 'time' }>['activity']): void => {
    addRecord(`time:${suffix}`, step, on, { kind: 'time', on, hours: quarter(hours), activity });
  };

  const milestones: Milestones = {};
  const pauses: Case['pauses'] = [];
  let closure: Case['closure'];
  let consent: Case['consent'] = 'given';
  const early = random() < 0.09 ? pick(random, earlyReasons) : undefined;
  /** The step at which an early closure happens (2 to 8). */
  const earlyAt = 2 + Math.floor(random() * 6);
  const closeEarly = (on: string): boolean => {
    if (!early || !happened(on)) return false;
    if (early === 'consent-refused') consent = 'refused';
    if (early === 'consent-withdrawn') consent = 'withdrawn';
    closure = { on, by: manager.userId, how: early, note: 'Closed before the end of the support.', letterSent: { at: at(on, '16:00'), by: manager.userId } };
    return true;
  };

  // Purchases: the school buys a package for the case (sometimes with Parent Support), drawn on by the contract.
  const packageCode = weighted(random, [['bronze', 50], ['silver', 40], ['silver+parent', 10]] as const);
  const codes = packageCode === 'silver+parent' ? ['silver', 'parent-support'] : [packageCode];
  const overrun = random() < 0.15;
  const plannedCase = { purchasesFrom: [] as Array<(caseId: string) => NewItem<Purchase>>, contracts: [] as PlannedCase['contracts'] };

  const allocated = addWeekdays(referralDate, 2);
  let lastDone = referralDate;
  const steps: Array<{ on: string; step: number; run: (on: string) => void }> = [];
  const informationOn = addWeekdays(referralDate, 6 + Math.floor(random() * 6));
  steps.push({ on: allocated, step: 2, run: (on) => {
    milestones.allocated = { at: at(on, '09:00'), by: manager.userId };
    milestones.informationRequested = { at: at(on, '09:05'), by: manager.userId };
  } });
  steps.push({ on: informationOn, step: 2, run: (on) => {
    const recordKey = addRecord('information', 2, on, { kind: 'information-returned', returnedOn: on, formReturned: true, pdpReturned: random() < 0.85 });
    milestones.informationReturned = { at: at(on, '15:00'), by, recordKey };
  } });
  const observationOn = addWeekdays(informationOn, 3 + Math.floor(random() * 5));
  steps.push({ on: observationOn, step: 3, run: (on) => {
    const recordKey = addRecord('observation:1', 3, on, {
      kind: 'observation', observedOn: on, setting: pick(random, settings), focus: pick(random, ['classroom', 'transition', 'unstructured-time', 'other'] as const),
      outcome: 'Settled for the first part of the lesson; left the room when the task changed and returned with adult support.',
      wayForward: 'Agree a consistent response with the class team and trial movement breaks.',
      strategiesChecked: [{ strategy: pick(random, strategies), inUse: true, effective: pick(random, ['yes', 'partly', 'no', 'not-known'] as const) }],
    });
    milestones.firstObservation = { at: at(on, '15:00'), by, recordKey };
    time('observation:1', 3, on, 1.5, 'observation');
    time('travel:1', 3, on, 0.5, 'travel');
  } });
  const meetingOn = addWeekdays(observationOn, 2 + Math.floor(random() * 4));
  steps.push({ on: meetingOn, step: 4, run: (on) => {
    const recordKey = addRecord('meeting:initial', 4, on, { kind: 'meeting', heldOn: on, purpose: 'initial-school', attendees: ['SENCo', 'Class teacher', 'Outreach worker'], notes: 'Shared the observation; agreed what the school will try first.' });
    milestones.schoolMeeting = { at: at(on, '15:00'), by, recordKey };
    time('meeting:initial', 4, on, 1, 'meeting');
  } });
  const visitOn = addWeekdays(meetingOn, 2 + Math.floor(random() * 5));
  const visitMode = random() < 0.7 ? 'home-visit' : 'teams-call';
  steps.push({ on: visitOn, step: 5, run: (on) => {
    const recordKey = addRecord('home-visit', 5, on, { kind: 'home-visit', heldOn: on, mode: visitMode, attendees: ['Parent/carer', 'Outreach worker'], notes: 'Talked through routines at home and what helps at bedtime and in the morning.' });
    if (visitMode === 'home-visit') {
      addRecord('lone-working', 5, on, { kind: 'lone-working', where: { kind: 'home', address: 'The address on file' }, plannedStart: at(on, '13:00'), plannedEnd: at(on, '14:00'), checkedInAt: at(on, '12:58'), checkedOutAt: at(on, '13:55') });
    }
    milestones.homeVisit = { at: at(on, '15:00'), by, recordKey, mode: visitMode };
    time('parent', 5, on, 1, codes.includes('parent-support') ? 'parent-support' : 'direct-work');
  } });
  const furtherOn = addWeekdays(visitOn, 3 + Math.floor(random() * 5));
  steps.push({ on: furtherOn, step: 6, run: (on) => {
    if (random() < 0.15) {
      const reason = 'The first observation and the school meeting gave a clear picture.';
      const recordKey = addRecord('observation-skipped', 6, on, { kind: 'observation-skipped', reason });
      milestones.furtherObservation = { at: at(on, '15:00'), by, recordKey, skippedReason: reason };
      return;
    }
    const recordKey = addRecord('observation:2', 6, on, {
      kind: 'observation', observedOn: on, setting: pick(random, settings), focus: 'unstructured-time',
      outcome: 'Used the agreed break card twice; one incident at the end of lunch.', wayForward: 'Write the contract around lunchtimes and transitions.',
      strategiesChecked: [{ strategy: pick(random, strategies), inUse: true, effective: 'partly' }],
    });
    milestones.furtherObservation = { at: at(on, '15:00'), by, recordKey };
    time('observation:2', 6, on, 1.25, 'observation');
  } });

  // The contract: drafted, approved by a manager, 6 weeks of support, then the review.
  const contractOn = addWeekdays(furtherOn, 2 + Math.floor(random() * 4));
  const purchasedOn = contractOn;
  const financialYear = financialYearOf(purchasedOn);
  const invoiceStatus = dayNumber(until) - dayNumber(purchasedOn) > 90 ? 'paid' : dayNumber(until) - dayNumber(purchasedOn) > 30 ? 'invoiced' : 'not-invoiced';
  const bought = codes.map((c) => priceItem(config, financialYear, c));
  const boughtHours = bought.reduce((sum, b) => sum + b.hours, 0);
  const purchases = codes.map((c, i) => (caseId: string): NewItem<Purchase> => ({
    schoolId: school.id, packageCode: c, financialYear, purchasedOn, invoiceStatus, hours: (bought[i] as { hours: number }).hours, price: (bought[i] as { price: number }).price,
    caseId, createdBy: manager.userId, createdAt: at(purchasedOn, '11:00'),
  }));
  const start = addWeekdays(contractOn, 3);
  const supportEnds = addWeekdays(start, 29);
  const continues = random() < 0.2;
  const paused = random() < 0.06;
  const pauseDays = paused ? 10 : 0;
  const reviewOn = addWeekdays(supportEnds, 3 + pauseDays);
  const contractTerms = (version: number, from: string, to: string, reviewDate: string) => (caseId: string, purchaseIds: string[]): NewItem<Contract> => ({
    caseId, version, targets: ['Stay in class for the whole of each lesson', 'Use the break card before leaving the room'],
    support: 'Weekly direct work with the pupil and coaching for the class team.', purchaseIds, startDate: from, reviewDate, supportEnds: to,
    status: 'approved', namedApprovers: [],
    decisions: [{ id: `${key}:decision:${version}`, by: manager.userId, at: at(addWeekdays(contractOn, 1), '08:30'), outcome: 'approved' }],
    parentsInformedAt: at(from, '12:00'), parentsInformedBy: by,
    createdBy: by, createdAt: at(contractOn, '14:00'), updatedBy: manager.userId, updatedAt: at(from, '08:30'),
  });
  let inForce: { version: number; startDate: string; reviewDate: string; supportEnds: string } | undefined;
  steps.push({ on: contractOn, step: 7, run: (on) => {
    addRecord('meeting:contract', 7, on, { kind: 'meeting', heldOn: on, purpose: 'contract', attendees: ['SENCo', 'Parent/carer', 'Outreach worker'], notes: 'Agreed the targets and the support.' });
    time('meeting:contract', 7, on, 1, 'meeting');
    plannedCase.purchasesFrom.push(...purchases);
    plannedCase.contracts.push(contractTerms(1, start, supportEnds, reviewOn));
    inForce = { version: 1, startDate: start, reviewDate: reviewOn, supportEnds };
  } });

  // Support sessions: the package's hours less what the assessment used, spread over the weeks; some cases overrun.
  const assessmentHours = 1.5 + 1 + 1 + 1.25 + 1;
  const sessionBudget = Math.max(1, boughtHours * (overrun ? 1.1 + random() * 0.3 : 0.6 + random() * 0.35) - assessmentHours);
  const sessions = Math.max(3, Math.min(8, Math.round(sessionBudget / 1.25)));
  for (let s = 0; s < sessions; s += 1) {
    const on = addWeekdays(start, 1 + s * 5 + (paused && s >= sessions / 2 ? pauseDays : 0));
    steps.push({ on, step: 8, run: (day) => {
      const recordKey = addRecord(`session:${s}`, 8, day, { kind: 'support-session', deliveredOn: day, hours: quarter(sessionBudget / sessions), withWhom: pick(random, ['pupil', 'staff', 'pupil-and-staff', 'parent'] as const), summary: pick(random, sessionSummaries) });
      milestones.supportStarted ??= { at: at(day, '15:00'), by, recordKey };
      if (paused && s === Math.floor(sessions / 2) - 1) {
        pauses.push({ from: addWeekdays(day, 1), to: addWeekdays(day, 1 + pauseDays), reason: 'Pupil unwell; support paused with the school\'s agreement.', by });
      }
    } });
  }
  if (random() < 0.03) {
    const on = addWeekdays(start, 7);
    steps.push({ on, step: 8, run: (day) => void addRecord('concern', 8, day, { kind: 'safeguarding-concern', concern: 'A disclosure during a session, passed on the same day.', actionTaken: 'Reported to the school DSL and the service DSL; recorded on the school system.' }, true) });
  }
  const review = (suffix: string, on: string, outcome: 'continue' | 'end', destination: Destination | undefined) => {
    const recordKey = addRecord(`review:${suffix}`, 9, on, { kind: 'review', heldOn: on, outcome, summary: outcome === 'end' ? 'Targets met for the most part; support ends.' : 'Progress made; a further period agreed.', ...(destination ? { destination } : {}) });
    milestones.lastReview = { at: at(on, '15:00'), by, recordKey, heldOn: on, outcome, ...(destination ? { destination } : {}) };
    time(`review:${suffix}`, 9, on, 1, 'meeting');
    time(`report:${suffix}`, 9, on, 1, 'report-writing');
  };
  const destination = weighted(random, destinations);
  let secondReview: string | undefined;
  if (continues) {
    steps.push({ on: reviewOn, step: 9, run: (on) => review('1', on, 'continue', undefined) });
    const start2 = addWeekdays(reviewOn, 2);
    const ends2 = addWeekdays(start2, 29);
    secondReview = addWeekdays(ends2, 3);
    steps.push({ on: start2, step: 7, run: () => {
      plannedCase.contracts.push(contractTerms(2, start2, ends2, secondReview as string));
      inForce = { version: 2, startDate: start2, reviewDate: secondReview as string, supportEnds: ends2 };
    } });
    for (let s = 0; s < 3; s += 1) {
      steps.push({ on: addWeekdays(start2, 1 + s * 5), step: 8, run: (day) => void addRecord(`session:2:${s}`, 8, day, { kind: 'support-session', deliveredOn: day, hours: 1, withWhom: 'pupil', summary: pick(random, sessionSummaries) }) });
    }
  }
  const finalReview = secondReview ?? reviewOn;
  steps.push({ on: finalReview, step: 9, run: (on) => review(continues ? '2' : '1', on, 'end', destination) });
  const closeOn = addWeekdays(finalReview, 3);
  steps.push({ on: closeOn, step: 10, run: (on) => {
    milestones.endReportFiled = { at: at(on, '11:00'), by, fileUrl: `https://outreach.example.org/demo-history/${key}/end-of-outreach-report.docx` };
    milestones.endReportSent = { at: at(on, '11:05'), by };
    milestones.evaluationRequested = { at: at(on, '11:10'), by };
    addRecord('evaluation', 10, on, { kind: 'evaluation-request', sentOn: on, to: [school.senco.email] });
    closure = { on, by, how: 'review-ended', destination };
  } });

  // Played in date order until today or an early closure.
  steps.sort((a, b) => a.on.localeCompare(b.on));
  for (const step of steps) {
    if (!happened(step.on)) break;
    if (early && step.step >= earlyAt && closeEarly(step.on)) break;
    step.run(step.on);
    lastDone = step.on;
    if (closure) break;
  }

  const caseDraft = (childId: string): NewItem<Case> => ({
    reference: `OC-${referralDate.slice(2, 4)}-${code(seed * 7_919 + n, 5)}`,
    childId,
    schoolId: school.id,
    referralDate,
    referralSource,
    ...(referralSource === 'other-agency' ? { referralSourceDetail: 'Early help team' } : {}),
    reasonForReferral,
    graduatedResponse: { plans: [plan], assessments: [assessment], whatHasBeenTried: 'A named adult, a visual timetable and a reduced number of transitions.' },
    consent: 'given',
    status: 'open',
    step: 2,
    workerId: worker.userId,
    purchaseIds: [],
    milestones: {},
    pauses: [],
    linkedCaseIds: [],
    referralKey: `${key}:referral`,
    createdBy: manager.userId,
    createdAt: referredAt,
    updatedBy: manager.userId,
    updatedAt: referredAt,
  });
  const caseFinal = (ids: { purchaseIds: string[]; contractIds: string[] }): Partial<NewItem<Case>> => {
    const finalClosure = closure as Case['closure'];
    const contractId = ids.contractIds.at(-1);
    const current = { ...caseDraft('0'), consent, purchaseIds: ids.purchaseIds, milestones, pauses, status: finalClosure ? 'closed' : 'open' } as Case;
    const withContract = !finalClosure && inForce && contractId ? { contractInForce: { contractId, ...inForce } } : {};
    const step = currentStep({ ...current, ...withContract } as Case);
    return {
      consent, purchaseIds: ids.purchaseIds, milestones, pauses, ...withContract,
      status: finalClosure ? 'closed' : 'open', step,
      ...(finalClosure ? { closure: finalClosure, closedMonth: finalClosure.on.slice(0, 7) } : {}),
      updatedBy: by, updatedAt: at(lastDone, '16:00'),
    };
  };
  // Contracts end with the case; an earlier version is superseded by the next.
  const contracts = plannedCase.contracts.map((make, i, all) => (caseId: string, purchaseIds: string[]): NewItem<Contract> => {
    const made = make(caseId, purchaseIds);
    const status: Contract['status'] = i < all.length - 1 ? 'superseded' : closure ? 'ended' : 'approved';
    return { ...made, status };
  });
  return { key, child, caseDraft, purchases: plannedCase.purchasesFrom, contracts, records, caseFinal };
}
