import { allCardProblems } from '../cards/cardChecks';
import { actionOf, cardText, executeActions, inputIds } from '../cards/cardWorld';
import { buildWorld, people } from '../support/world';
import { cardOf, invokeCard, startBot } from './botHarness';

type Person = keyof typeof people;

/** The referral form as filled in Teams (the toggle's value is added per test). */
const typed = (schoolId: string, lastName: string) => ({
  firstName: 'Juniper', lastName, dateOfBirth: '2016-05-02', gender: 'not-stated', schoolId, yearGroup: '5', send: 'none',
  pupilPremium: 'false', freeSchoolMeals: 'false', lookedAfter: 'false',
  parent1Name: 'Rosalind Quellwood', parent1Relationship: 'parent', parent1Responsibility: 'true', parent1Phone: '01632 960555', parent1Interpreter: 'false',
  referralDate: '2026-09-14', referralSource: 'school', referralSourceDetail: 'SENCo', reasonForReferral: 'Leaves the classroom several times a day.',
  plans: 'pupil-passport', assessments: 'sdq', whatHasBeenTried: 'A key adult and movement breaks.', consent: 'given',
});

/**
 * Step 2 needed a separate "Send the information request" click after every referral: the
 * referral form now sends it when the case is saved (a toggle, on by default, offered only to
 * those allowed to send it), once, even when the form is submitted twice.
 */
describe('the referral form sends the school the information request with the referral', () => {
  let world: Awaited<ReturnType<typeof buildWorld>>;
  let harness: Awaited<ReturnType<typeof startBot>>;

  beforeEach(async () => {
    world = await buildWorld();
    harness = await startBot(world.deps);
  });
  afterEach(async () => harness.close());

  async function referralForm(who: Person) {
    await harness.say(people[who], 'new referral');
    const message = harness.connector.sent.at(-1);
    return { form: cardOf(message), messageId: message?.id };
  }
  async function press(who: Person, values: Record<string, string>, form: Awaited<ReturnType<typeof referralForm>>) {
    const submit = actionOf(form.form, 'referral.submit');
    const answer = await harness.click(people[who], submit.verb, { ...submit.data, ...values }, form.messageId);
    expect(answer.status).toBe(200);
    const card = invokeCard(answer.body);
    expect(allCardProblems(card)).toEqual([]);
    return card;
  }
  const requests = () => world.memory.mailer.outbox.filter((m) => m.subject.includes('information needed'));
  const caseOf = async (lastName: string) => {
    const [child] = (await world.deps.stores.children.find({})).filter((c) => c.lastName === lastName);
    const [c] = await world.deps.stores.cases.find({ childId: child?.id ?? '' });
    return c;
  };

  it('a manager\'s form has the toggle on; logging sends the request once (double submit included) and the case card no longer offers it', async () => {
    const school = await world.schoolByUrn('100001');
    const form = await referralForm('manager');
    expect(cardText(form.form)).toContain('Send the school the information request now');
    expect(inputIds(form.form)).toContain('requestInformation');
    const values = { ...typed(school.id, 'Quellwood'), requestInformation: 'true' };
    const loggedCard = await press('manager', values, form);
    const logged = cardText(loggedCard);
    expect(logged).toMatch(/Referral logged: case OC-26-/);
    // The letter (and its PDF), the form and the PDP it sent open from the card.
    const opens = JSON.stringify(loggedCard).match(/"Action\.OpenUrl","title":"[^"]+"/g) ?? [];
    expect(opens.map((o) => o.replace(/.*"title":"/, '').replace(/"$/, ''))).toEqual(
      expect.arrayContaining(['Open the Information Request Letter', 'Open the School Initial Information Gathering Form', 'Open the Personal Development Plan']),
    );
    expect(logged).toContain('Information request');
    expect(logged).toContain(`Sent to ${school.senco.name}`);
    expect(requests()).toHaveLength(1);
    expect(requests()[0]?.to).toEqual([school.senco.email]);
    const c = await caseOf('Quellwood');
    expect(c?.milestones.informationRequested?.by).toBe(people.manager);

    await press('manager', values, form);
    expect(requests()).toHaveLength(1);
    const card = invokeCard((await harness.click(people.manager, 'case.open', { caseId: c?.id ?? '' })).body);
    expect(executeActions(card).map((a) => a.title)).not.toContain('Send the information request');
  });

  it('with the toggle off the case is logged and the request is left for the case card', async () => {
    const school = await world.schoolByUrn('100001');
    const logged = cardText(await press('admin', { ...typed(school.id, 'Quellwoodoff'), requestInformation: 'false' }, await referralForm('admin')));
    expect(logged).toMatch(/Referral logged: case OC-26-/);
    expect(logged).not.toContain('Information request');
    expect(requests()).toHaveLength(0);
    expect((await caseOf('Quellwoodoff'))?.milestones.informationRequested).toBeUndefined();
  });

  it('a worker is not offered the toggle, and a crafted one sends nothing: the case is logged and the card says why', async () => {
    const school = await world.schoolByUrn('100001');
    const form = await referralForm('worker');
    expect(inputIds(form.form)).not.toContain('requestInformation');
    const logged = cardText(await press('worker', { ...typed(school.id, 'Quellwoodwk'), requestInformation: 'true' }, form));
    expect(logged).toMatch(/Referral logged: case OC-26-/);
    expect(logged).toContain('Not sent');
    expect(requests()).toHaveLength(0);
  });
});
