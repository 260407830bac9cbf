// Builds a fictional service history from brief case specs (tests and demo data; not used by the product).
import type { Case, Closure, Destination } from '../model/case';
import type { Child } from '../model/child';
import type { Contract } from '../model/contract';
import { PriceList } from '../model/priceList';
import type { Purchase } from '../model/purchase';
import type { CaseRecord, RecordBody } from '../model/records';
import type { School } from '../model/school';
import type { Staff } from '../model/staff';
import type { TimeActivity } from '../packages/timeActivity';
import type { HistorySnapshot } from '../ports/serviceHistory';

export interface ChildSpec {
  id: string;
  firstName: string;
  lastName: string;
  gender: Child['gender'];
  /** At the child's latest referral. */
  yearGroup: number;
  send?: Child['send'];
  pupilPremium?: boolean;
  freeSchoolMeals?: boolean;
  lookedAfter?: boolean;
}

export interface PurchaseSpec {
  id: string;
  code: string;
  financialYear: string;
  on: string;
  hours: number;
  price: number;
}

export interface ContractSpec {
  approvedOn?: string;
  start: string;
  review: string;
}

/** One case, told briefly: the builder fills in the rest. */
export interface CaseSpec {
  id: string;
  child: ChildSpec | string;
  school: string;
  worker?: string;
  referred: string;
  closed?: { on: string; how: Closure['how']; destination?: Destination };
  purchases?: PurchaseSpec[];
  /** Observation dates. */
  observations?: string[];
  homeVisits?: string[];
  contracts?: ContractSpec[];
  /** Review dates held. */
  reviews?: string[];
  /** [date, hours, activity]: time entries. */
  time?: [string, number, TimeActivity][];
  /** [date, hours]: support sessions. */
  sessions?: [string, number][];
}

const at = (date: string): string => `${date}T10:00:00Z`;
const by = 'oid-fixture';
const stamp = (date: string) => ({ createdBy: by, createdAt: at(date), updatedBy: by, updatedAt: at(date) });

export const fixtureSchool = (id: string, name: string, phase: School['phase'], urn: string): School => ({
  id,
  name,
  urn,
  type: 'maintained',
  phase,
  localAuthority: 'Fictional Borough',
  headteacher: { name: 'Head', email: `head@${id}.example.org` },
  senco: { name: 'SENCo', email: `senco@${id}.example.org` },
  finance: { name: 'Finance', email: `finance@${id}.example.org` },
});

export const fixtureStaff = (userId: string, displayName: string, roles: Staff['roles'], capacityHours: number): Staff => ({
  id: userId,
  userId,
  displayName,
  email: `${userId}@outreach.example.org`,
  roles,
  active: true,
  capacityHours,
});

/** Universal offer 0 h, Bronze 7 h, Silver 13 h, Silver top-up 7 h, Parent Support 6 h, a consultancy hour. */
export const fixturePriceList = (financialYear: string, consultancyRatePerHour = 100): PriceList =>
  PriceList.parse({
    financialYear,
    consultancyRatePerHour,
    items: [
      { code: 'universal-support-offer', name: 'Universal Support Offer', kind: 'universal-offer', hours: 0, price: 550, drawsFor: [] },
      { code: 'bronze', name: 'Bronze Package', kind: 'package', hours: 7, price: 650 },
      { code: 'silver', name: 'Silver Package', kind: 'package', hours: 13, price: 1000 },
      { code: 'silver-top-up', name: 'Silver Package Top-Up', kind: 'package', hours: 7, price: 550, requires: 'silver' },
      { code: 'parent-support', name: 'Parent Support Package', kind: 'package', hours: 6, price: 550, runsAlongside: true, drawsFor: ['parent-support'] },
      { code: 'consultancy-hour', name: 'Consultancy hour', kind: 'consultancy', hours: 1, price: 100 },
    ],
  });

const childOf = (spec: ChildSpec, schoolId: string, referred: string): Child => {
  const start = Number(referred.slice(0, 4)) - (Number(referred.slice(5, 7)) >= 9 ? 0 : 1);
  return {
    id: spec.id,
    reference: `C-${spec.id.toUpperCase().replace(/[^0-9A-Z]/g, '').padStart(6, '0').slice(-6)}`,
    firstName: spec.firstName,
    lastName: spec.lastName,
    // Born in the year that puts them in `yearGroup` when referred.
    dateOfBirth: `${start - spec.yearGroup - 5}-03-15`,
    gender: spec.gender,
    yearGroup: spec.yearGroup,
    schoolId,
    send: spec.send ?? 'none',
    pupilPremium: spec.pupilPremium ?? false,
    freeSchoolMeals: spec.freeSchoolMeals ?? false,
    lookedAfter: spec.lookedAfter ?? false,
    parents: [],
    destroyAfter: '2070-01-01',
    legalHold: false,
    matchKey: `${spec.id}|fixture`,
    ...stamp(referred),
  };
};

const record = (id: number, caseId: string, step: number, date: string, body: RecordBody): CaseRecord => ({
  id: String(id),
  caseId,
  step,
  safeguarding: false,
  locked: false,
  body,
  ...stamp(date),
});

/** The history the specs tell; `extraPurchases`: purchases left for a school (the Universal Offer, consultancy). */
export function historyFrom(specs: readonly CaseSpec[], extraPurchases: readonly Purchase[] = []): HistorySnapshot {
  const children = new Map<string, Child>();
  const cases: Case[] = [];
  const records: CaseRecord[] = [];
  const contracts: Contract[] = [];
  const purchases: Purchase[] = [...extraPurchases];
  // Latest referral first, so a child's record holds what their latest referral said.
  for (const spec of [...specs].sort((a, b) => b.referred.localeCompare(a.referred))) {
    if (typeof spec.child !== 'string' && !children.has(spec.child.id)) children.set(spec.child.id, childOf(spec.child, spec.school, spec.referred));
  }
  specs.forEach((spec, n) => {
    const childId = typeof spec.child === 'string' ? spec.child : spec.child.id;
    for (const p of spec.purchases ?? []) {
      purchases.push({
        id: p.id,
        schoolId: spec.school,
        packageCode: p.code,
        financialYear: p.financialYear,
        purchasedOn: p.on,
        invoiceStatus: 'invoiced',
        hours: p.hours,
        price: p.price,
        caseId: spec.id,
        createdBy: by,
        createdAt: at(p.on),
      });
    }
    (spec.contracts ?? []).forEach((k, i, all) => {
      const last = i === all.length - 1;
      contracts.push({
        id: `${spec.id}-k${i + 1}`,
        caseId: spec.id,
        version: i + 1,
        status: k.approvedOn === undefined ? 'awaiting-approval' : last ? (spec.closed ? 'ended' : 'approved') : 'superseded',
        targets: ['Settle into lessons'],
        support: 'Weekly sessions',
        purchaseIds: (spec.purchases ?? []).map((p) => p.id),
        startDate: k.start,
        reviewDate: k.review,
        supportEnds: k.review,
        namedApprovers: [],
        decisions: k.approvedOn === undefined ? [] : [{ id: `${spec.id}-d${i + 1}`, by: 'oid-manager', at: at(k.approvedOn), outcome: 'approved' }],
        ...stamp(k.approvedOn ?? k.start),
      });
    });
    for (const d of spec.observations ?? []) {
      records.push(record(records.length + 1, spec.id, 5, d, { kind: 'observation', observedOn: d, setting: 'Classroom', focus: 'classroom', outcome: 'Seen', wayForward: 'Plan', strategiesChecked: [] }));
    }
    for (const d of spec.homeVisits ?? []) {
      records.push(record(records.length + 1, spec.id, 7, d, { kind: 'home-visit', heldOn: d, mode: 'home-visit', attendees: ['Parent'], notes: 'Met' }));
    }
    (spec.reviews ?? []).forEach((d, i, all) => {
      const end = spec.closed?.how === 'review-ended' && i === all.length - 1;
      records.push(record(records.length + 1, spec.id, 9, d, { kind: 'review', heldOn: d, outcome: end ? 'end' : 'continue', summary: 'Reviewed', ...(end && spec.closed?.destination ? { destination: spec.closed.destination } : {}) }));
    });
    for (const [d, hours, activity] of spec.time ?? []) records.push(record(records.length + 1, spec.id, 10, d, { kind: 'time', on: d, hours, activity }));
    for (const [d, hours] of spec.sessions ?? []) {
      records.push(record(records.length + 1, spec.id, 8, d, { kind: 'support-session', deliveredOn: d, hours, withWhom: 'pupil', summary: 'Session' }));
    }
    const closed = spec.closed;
    cases.push({
      id: spec.id,
      reference: `OC-${spec.referred.slice(2, 4)}-${String(n + 1).padStart(5, '0')}`,
      childId,
      schoolId: spec.school,
      referralDate: spec.referred,
      referralSource: 'school',
      reasonForReferral: 'Behaviour in class',
      graduatedResponse: { plans: [], assessments: [], whatHasBeenTried: 'Support in class' },
      consent: 'given',
      status: closed ? 'closed' : 'open',
      step: closed ? 10 : 5,
      ...(spec.worker ? { workerId: spec.worker } : {}),
      purchaseIds: (spec.purchases ?? []).map((p) => p.id),
      milestones: {},
      pauses: [],
      ...(closed ? { closure: { on: closed.on, by: 'oid-manager', how: closed.how, ...(closed.destination ? { destination: closed.destination } : {}) }, closedMonth: closed.on.slice(0, 7) } : {}),
      linkedCaseIds: specs.filter((s) => s.id !== spec.id && (typeof s.child === 'string' ? s.child : s.child.id) === childId).map((s) => s.id),
      referralKey: `fixture-${spec.id}`,
      ...stamp(spec.referred),
    });
  });
  return { cases, children: [...children.values()], records, contracts, purchases };
}

/** A purchase left for the school (no case): the Universal Offer, consultancy hours. */
export const schoolPurchase = (id: string, schoolId: string, code: string, financialYear: string, on: string, hours: number, price: number): Purchase => ({
  id,
  schoolId,
  packageCode: code,
  financialYear,
  purchasedOn: on,
  invoiceStatus: 'invoiced',
  hours,
  price,
  createdBy: by,
  createdAt: at(on),
});
