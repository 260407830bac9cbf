import {
  allocateCase,
  decideContract,
  draftContract,
  recordHomeVisit,
  recordInformationReturned,
  recordMeeting,
  recordObservation,
  recordSupportSession,
  submitReferral,
  type ReferralOutcome,
} from '../../workflow';
import { key, onTheDay, people, value, type World } from './world';

export const childDetails = (schoolId: string, overrides: Record<string, unknown> = {}) => ({
  firstName: 'Rowan',
  lastName: 'Testfield',
  dateOfBirth: '2017-03-09',
  gender: 'male',
  yearGroup: 5,
  schoolId,
  send: 'sen-support',
  pupilPremium: true,
  freeSchoolMeals: false,
  lookedAfter: false,
  parents: [{ name: 'Casey Testfield', relationship: 'mother', parentalResponsibility: true, phone: '01632 960999', preferredContact: 'phone' }],
  ...overrides,
});

export const referral = (schoolId: string, overrides: Record<string, unknown> = {}) => ({
  requestKey: key('referral'),
  child: childDetails(schoolId),
  referralDate: '2026-09-14',
  referralSource: 'school',
  reasonForReferral: 'Frequent dysregulation at unstructured times.',
  graduatedResponse: { plans: ['positive-behaviour-support-plan'], assessments: ['sdq'], whatHasBeenTried: 'Visual timetable, check-in with TA.' },
  consent: 'given',
  ...overrides,
});

export const observation = (caseId: string, observedOn = '2026-09-21') => ({
  caseId,
  requestKey: key('obs'),
  observedOn,
  setting: 'Year 4 classroom, maths',
  focus: 'classroom',
  outcome: 'Settles with adult proximity; struggles at transitions.',
  wayForward: 'Transition warnings and a calm corner.',
  strategiesChecked: [{ strategy: 'Visual timetable', inUse: true, effective: 'partly' }],
});

/** A referral's outcome with the case in it (an administrator sees every case): throws otherwise. */
export function seenOutcome(outcome: ReferralOutcome): Exclude<ReferralOutcome, { outcome: 'linked-to-unseen-case' }> {
  if (outcome.outcome === 'linked-to-unseen-case') throw new Error('the referral was linked to a case the referrer may not see');
  return outcome;
}

/** The steps of a case, one function each, so a test can stop anywhere. */
export function caseSteps(world: World) {
  const as = (who: keyof typeof people) => world.staff(people[who]);
  const on = <T>(date: string, write: () => Promise<T>) => onTheDay(world, date, write);
  return {
    async refer(urn = '100001', overrides: Record<string, unknown> = {}) {
      const school = await world.schoolByUrn(urn);
      return seenOutcome(value(await submitReferral(world.deps, await as('admin'), referral(school.id, overrides))));
    },
    async allocate(caseId: string, worker: keyof typeof people = 'worker') {
      return value(await allocateCase(world.deps, await as('manager'), { caseId, workerId: people[worker] }));
    },
    async informationReturned(caseId: string) {
      const admin = await as('admin');
      return value(await on('2026-09-18', () => recordInformationReturned(world.deps, admin, { caseId, requestKey: key('info'), returnedOn: '2026-09-18', formReturned: true, pdpReturned: true })));
    },
    async observe(caseId: string, observedOn = '2026-09-21') {
      const worker = await as('worker');
      return value(await on(observedOn, () => recordObservation(world.deps, worker, observation(caseId, observedOn))));
    },
    async schoolMeeting(caseId: string) {
      const worker = await as('worker');
      return value(
        await on('2026-09-23', () => recordMeeting(world.deps, worker, {
          caseId,
          requestKey: key('meet'),
          heldOn: '2026-09-23',
          purpose: 'initial-school',
          attendees: ['SENCo', 'Class teacher'],
          notes: 'Discussed the information form and PDP.',
          agreedSupport: 'Weekly sessions',
        })),
      );
    },
    async homeVisit(caseId: string) {
      const worker = await as('worker');
      return value(
        await on('2026-09-25', () => recordHomeVisit(world.deps, worker, {
          caseId,
          requestKey: key('visit'),
          heldOn: '2026-09-25',
          mode: 'home-visit',
          attendees: ['Parent'],
          notes: 'Parent supportive of the plan.',
        })),
      );
    },
    async contract(caseId: string, terms: Record<string, unknown> = {}) {
      const c = await world.deps.stores.cases.get(caseId);
      const purchases = await world.deps.stores.purchases.find({ schoolId: c?.schoolId ?? '' });
      const silver = purchases.find((p) => p.packageCode === 'silver') ?? purchases[0];
      return value(
        await draftContract(world.deps, await as('worker'), {
          caseId,
          requestKey: key('contract'),
          targets: ['Uses calm corner when dysregulated'],
          support: 'Weekly 1:1 and staff modelling',
          purchaseIds: [silver?.id],
          startDate: '2026-10-05',
          reviewDate: '2026-12-10',
          ...terms,
        }),
      );
    },
    async approve(contractId: string) {
      return value(await decideContract(world.deps, await as('manager'), { contractId, decision: 'approve' }));
    },
    async support(caseId: string, deliveredOn = '2026-10-06') {
      const worker = await as('worker');
      return value(
        await on(deliveredOn, () => recordSupportSession(world.deps, worker, { caseId, requestKey: key('support'), deliveredOn, hours: 1.5, withWhom: 'pupil', summary: 'Practised calm corner routine.' })),
      );
    },
    /** A case already referred brought to step 7: allocated, information back, observed, school meeting, home visit, second observation. */
    async toContractStep(caseId: string, worker: keyof typeof people = 'worker') {
      await this.allocate(caseId, worker);
      await this.informationReturned(caseId);
      await this.observe(caseId);
      await this.schoolMeeting(caseId);
      await this.homeVisit(caseId);
      await this.observe(caseId, '2026-09-30');
    },
    /**
     * A new case of `worker` brought to `step` (2 to 7) through the use cases, each step's record
     * written as the order rule asks: 2 referred, 3 allocated with the information back, 4 observed,
     * 5 school meeting held, 6 home visit held, 7 second observation done.
     */
    async toStep(step: 2 | 3 | 4 | 5 | 6 | 7, worker: keyof typeof people = 'worker', urn = '100001') {
      const opened = await this.refer(urn);
      const id = opened.case.id;
      if (step > 2) {
        await this.allocate(id, worker);
        await this.informationReturned(id);
      }
      if (step > 3) await this.observe(id);
      if (step > 4) await this.schoolMeeting(id);
      if (step > 5) await this.homeVisit(id);
      if (step > 6) await this.observe(id, '2026-09-30');
      return { caseId: id, reference: opened.case.reference, schoolId: opened.case.schoolId };
    },
    /** Referral to the point where the contract is in force (steps 1-7). */
    async toContractInForce(urn = '100001') {
      const { caseId: id } = await this.toStep(7, 'worker', urn);
      const { contract } = await this.contract(id);
      await this.approve(contract.id);
      return { caseId: id, contractId: contract.id };
    },
  };
}
