import { caseSteps } from '../support/caseSteps';
import { buildWorld, people } from '../support/world';
import { actionOf, cardText } from '../cards/cardWorld';
import { cardOf, invokeCard, startBot } from './botHarness';

type Harness = Awaited<ReturnType<typeof startBot>>;
type World = Awaited<ReturnType<typeof buildWorld>>;

/** A referral as typed on the form (fictional child). */
const typedReferral = (schoolId: string, overrides: Record<string, string> = {}) => ({
  firstName: 'Noor', lastName: 'Pemberthy', dateOfBirth: '2015-11-20', gender: 'not-stated', schoolId, yearGroup: '6', send: 'none',
  pupilPremium: 'false', freeSchoolMeals: 'false', lookedAfter: 'false',
  parent1Name: 'Sam Pemberthy', parent1Relationship: 'carer', parent1Responsibility: 'true', parent1Phone: '01632 960321', parent1PreferredContact: 'phone', parent1Interpreter: 'false',
  referralDate: '2026-09-14', referralSource: 'school', reasonForReferral: 'Struggles after lunch.',
  plans: 'pupil-passport', assessments: 'sdq', whatHasBeenTried: 'A key adult at lunch.', consent: 'given',
  ...overrides,
});

describe('Impossible values are accepted (defect): each is refused through /api/messages, naming the rule and the field', () => {
  let harness: Harness;
  let world: World;

  beforeEach(async () => {
    world = await buildWorld();
    harness = await startBot(world.deps);
  });
  afterEach(async () => harness.close());

  /** Clicks `verb` with `data` and answers the card's text; never a 500. */
  const press = async (who: string, verb: string, data: Record<string, unknown>) => {
    const answer = await harness.click(who, verb, data);
    expect(answer.status).toBe(200);
    return invokeCard(answer.body);
  };

  const referralKey = async () => {
    await harness.say(people.admin, 'new referral');
    return actionOf(cardOf(harness.connector.sent.at(-1)), 'referral.submit').data;
  };

  it.each([
    ['2031-01-01', 'would be -5 at referral'],
    ['1890-06-01', 'would be 136 at referral'],
    ['2025-06-01', 'would be 1 at referral'],
  ])('a date of birth of %s is refused: the child %s', async (dateOfBirth, said) => {
    const school = await world.schoolByUrn('100001');
    const text = cardText(await press(people.admin, 'referral.submit', { ...(await referralKey()), ...typedReferral(school.id, { dateOfBirth }) }));
    expect(text).toContain('Rule: Plausible facts');
    expect(text).toContain(`Date of birth: the child ${said}`);
    expect(await world.deps.stores.cases.list()).toHaveLength(0);
  });

  it('a 300-character surname is refused naming the surname field, not with a generic error', async () => {
    const school = await world.schoolByUrn('100001');
    const text = cardText(await press(people.admin, 'referral.submit', { ...(await referralKey()), ...typedReferral(school.id, { lastName: 'Q'.repeat(300) }) }));
    expect(text).toContain('Rule: Plausible facts');
    expect(text).toContain('child.lastName: must be at most 100 characters');
    expect(await world.deps.stores.children.list()).toHaveLength(0);
  });

  it.each([
    ['1e-320', 'hours: must be between 5 minutes and 12 hours'],
    ['0.05', 'hours: must be between 5 minutes and 12 hours'],
    ['12.5', 'hours: must be between 5 minutes and 12 hours'],
  ])('a time entry of %s hours is refused', async (hours, said) => {
    const { caseId } = await caseSteps(world).toContractInForce();
    const form = await press(people.worker, 'time.open', { caseId });
    const before = await world.deps.stores.records.list();
    const text = cardText(await press(people.worker, 'time.submit', { ...actionOf(form, 'time.submit').data, on: '2026-09-14', hours, activity: 'admin' }));
    expect(text).toContain('Rule: Plausible facts');
    expect(text).toContain(said);
    expect(await world.deps.stores.records.list()).toEqual(before);
  });

  it.each([
    ['1900-01-01', 'Date: Mon 1 Jan 1900 is before the referral (Mon 14 Sep 2026)'],
    ['9999-12-31', 'Date: Fri 31 Dec 9999 is in the future (today is Mon 14 Sep 2026)'],
  ])('a time entry dated %s is refused: it lies outside the case\'s life', async (on, said) => {
    const { caseId } = await caseSteps(world).toContractInForce();
    const form = await press(people.worker, 'time.open', { caseId });
    const text = cardText(await press(people.worker, 'time.submit', { ...actionOf(form, 'time.submit').data, on, hours: '1', activity: 'admin' }));
    expect(text).toContain('Rule: Plausible facts');
    expect(text).toContain(said);
  });

  it('a meeting held in the future is refused, naming the date held', async () => {
    const { caseId } = await caseSteps(world).toStep(4);
    const form = await press(people.worker, 'meeting.open', { caseId });
    const typed = { heldOn: '2026-12-01', purpose: 'initial-school', attendees: 'SENCo', notes: 'Agreed the plan.' };
    const text = cardText(await press(people.worker, 'meeting.submit', { ...actionOf(form, 'meeting.submit').data, ...typed }));
    expect(text).toContain('Rule: Plausible facts');
    expect(text).toContain('Date held: Tue 1 Dec 2026 is in the future (today is Mon 14 Sep 2026)');
  });

  it('a check-in end time of "10:00; DROP" is refused: times are HH:MM', async () => {
    const { caseId } = await caseSteps(world).toStep(3);
    const form = await press(people.worker, 'check-in.open', { caseId });
    const before = await world.deps.stores.records.list();
    const text = cardText(await press(people.worker, 'check-in.submit', { ...actionOf(form, 'check-in.submit').data, place: 'school', endTime: '10:00; DROP' }));
    expect(text).toContain('Rule: Plausible facts');
    expect(text).toContain('Planned end time: give the time as HH:MM');
    expect(await world.deps.stores.records.list()).toEqual(before);
  });

  it('a contract whose review date is its start date is refused: the review comes after the start', async () => {
    const { caseId } = await caseSteps(world).toStep(7);
    const form = await press(people.worker, 'contract-draft.open', { caseId });
    const purchases = await world.deps.stores.purchases.list();
    const text = cardText(
      await press(people.worker, 'contract-draft.submit', {
        ...actionOf(form, 'contract-draft.submit').data,
        targets: 'Uses the calm corner',
        support: 'Weekly 1:1',
        purchaseIds: purchases[0]?.id ?? '',
        startDate: '2026-10-05',
        reviewDate: '2026-10-05',
      }),
    );
    expect(text).toContain('Rule: Contract');
    expect(text).toContain('The review date must come after the start date (Mon 5 Oct 2026)');
  });

  it.each([
    ['case.open', 'caseId', '1/../2'],
    ['case.open', 'caseId', '2&$filter=true'],
    ['case.open', 'caseId', '2#x'],
    ['check-out.submit', 'recordId', "O'Brien"],
    ['contract.view', 'contractId', '3 or 1 eq 1'],
    ['allocate.submit', 'workerId', "O'Brien"],
    ['contract-draft.submit', 'namedApprovers', `${people.manager},not-a-guid`],
    ['contract-draft.submit', 'purchaseIds', '1,2/3'],
    ['referral.submit', 'schoolId', '1)'],
    ['observation.submit', 'requestKey', 'x'.repeat(300)],
  ])('%s with %s = %p is refused naming the field, and nothing is written', async (verb, field, bad) => {
    const { caseId } = await caseSteps(world).toStep(3);
    const before = { cases: await world.deps.stores.cases.list(), records: await world.deps.stores.records.list() };
    const text = cardText(await press(people.manager, verb, { caseId, requestKey: 'ABCDEFGH12345678', [field]: bad }));
    expect(text).toContain('That card sent something I cannot read');
    expect(text).toContain(`${field}: must be`);
    expect({ cases: await world.deps.stores.cases.list(), records: await world.deps.stores.records.list() }).toEqual(before);
  });
});
