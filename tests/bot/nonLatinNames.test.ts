import { hasRole } from '../../workflow';
import { allCardProblems } from '../cards/cardChecks';
import { actionOf, cardText } from '../cards/cardWorld';
import { caseSteps } from '../support/caseSteps';
import { buildWorld, people } from '../support/world';
import { cardOf, invokeCard, startBot } from './botHarness';

type Person = keyof typeof people;

/** The referral form as a member of staff fills it in Teams. */
const typed = (schoolId: string, firstName: string, lastName: string, parent1Name: string) => ({
  firstName, lastName, dateOfBirth: '2016-05-02', gender: 'not-stated', schoolId, yearGroup: '5', send: 'none',
  pupilPremium: 'false', freeSchoolMeals: 'false', lookedAfter: 'false',
  parent1Name, parent1Relationship: 'parent', parent1Responsibility: 'true', parent1Email: '', parent1Phone: '01632 960555', parent1Address: '', parent1PreferredContact: 'phone', parent1Language: '', parent1Interpreter: 'false',
  parent2Name: '', parent2Relationship: '', parent2Responsibility: 'false', parent2Email: '', parent2Phone: '', parent2Address: '', parent2PreferredContact: '', parent2Language: '', parent2Interpreter: 'false',
  referralDate: '2026-09-14', referralSource: 'school', referralSourceDetail: 'SENCo', reasonForReferral: 'Leaves the classroom several times a day.',
  plans: 'pupil-passport', assessments: 'sdq', whatHasBeenTried: 'A key adult and movement breaks.', consent: 'given',
});

describe('Non-Latin names collapse: referrals on /api/messages', () => {
  let world: Awaited<ReturnType<typeof buildWorld>>;
  let harness: Awaited<ReturnType<typeof startBot>>;

  beforeEach(async () => {
    world = await buildWorld();
    harness = await startBot(world.deps, { notifyThroughTeams: true });
  });
  afterEach(async () => harness.close());

  /** "new referral" typed in the chat, then the form's button pressed with what was typed. */
  async function refer(who: Person, values: Record<string, string>) {
    await harness.say(people[who], 'new referral');
    const formMessage = harness.connector.sent.at(-1);
    const submit = actionOf(cardOf(formMessage), 'referral.submit');
    const press = async () => {
      const answer = await harness.click(people[who], submit.verb, { ...submit.data, ...values }, formMessage?.id);
      expect(answer.status).toBe(200);
      const card = invokeCard(answer.body);
      expect(allCardProblems(card)).toEqual([]);
      return card;
    };
    return { card: await press(), again: press };
  }

  it('Иван Петров, 李 王 and Ωμέγα Αλφα with the same date of birth and school get three cases', async () => {
    const school = await world.schoolByUrn('100001');
    const references: string[] = [];
    for (const [first, last, parent] of [['Иван', 'Петров', 'Анна Петрова'], ['李', '王', '王芳'], ['Ωμέγα', 'Αλφα', 'Ελένη Αλφα']] as const) {
      const text = cardText((await refer('admin', typed(school.id, first, last, parent))).card);
      expect(text).toContain(`${first} ${last}`);
      references.push(/Referral logged: case (OC-26-[0-9A-Z]{5})/.exec(text)?.[1] ?? text);
    }
    expect(new Set(references).size).toBe(3);
    expect(await world.deps.stores.cases.find({ schoolId: school.id })).toHaveLength(3);
    expect(await world.deps.stores.children.find({ schoolId: school.id })).toHaveLength(3);
  });

  it('a worker not on the case is told it was linked and who was told; the case worker is told in Teams, the managers by mail, with the reference only', async () => {
    const school = await world.schoolByUrn('100001');
    await refer('admin', typed(school.id, 'Иван', 'Петров', 'Анна Петрова'));
    const [c] = await world.deps.stores.cases.find({ schoolId: school.id });
    if (!c) throw new Error('no case opened');
    await caseSteps(world).allocate(c.id, 'worker');
    await harness.install(people.worker);
    await harness.bot.drain();
    const mailBefore = world.memory.mailer.outbox.length;

    const linked = await refer('otherWorker', typed(school.id, 'ИВАН', 'ПЕТРОВ', 'Анна Петрова'));
    const text = cardText(linked.card);
    expect(text).toContain('Linked to an existing case');
    expect(text).toContain('Harriet Lunde (the case worker)');
    for (const secret of [c.reference, 'Иван', 'Петров']) expect([secret, JSON.stringify(linked.card).includes(secret)]).toEqual([secret, false]);

    const toWorker = harness.connector.sent.filter((s) => s.conversationId === `a:${people.worker}`).map(cardOf).filter((card) => cardText(card).includes('A further referral was linked to a case'));
    expect(toWorker).toHaveLength(1);
    expect(cardText(toWorker[0])).toContain(c.reference);
    expect(JSON.stringify(toWorker[0])).not.toMatch(/Иван|Петров/);
    const managers = (await world.deps.stores.staff.find({ active: true })).filter((s) => hasRole(s, 'manager'));
    const mails = world.memory.mailer.outbox.slice(mailBefore);
    expect(mails.map((m) => m.to).flat().sort()).toEqual(managers.map((m) => m.email).sort());
    for (const mail of mails) {
      expect(mail.subject).toContain(c.reference);
      expect(`${mail.subject} ${mail.html}`).not.toMatch(/Иван|Петров/);
    }

    // Teams retries the invoke: nothing written or sent twice, and still no case shown.
    const retried = cardText(await linked.again());
    expect(retried).toContain('nothing was written twice');
    expect(retried).not.toContain(c.reference);
    expect(await world.deps.stores.cases.find({ schoolId: school.id })).toHaveLength(1);
    expect(world.memory.mailer.outbox.slice(mailBefore)).toHaveLength(mails.length);
    const reReferrals = (await world.deps.stores.records.find({ caseId: c.id })).filter((r) => r.body.kind === 'chronology' && r.body.category === 're-referral');
    expect(reReferrals.map((r) => r.createdBy)).toEqual([people.otherWorker]);
  });

  it('a name that is only a zero-width space comes back as the form, naming the field and the rule', async () => {
    const school = await world.schoolByUrn('100001');
    const { card } = await refer('admin', typed(school.id, '\u200B', 'Петров', 'Анна Петрова'));
    expect(cardText(card)).toContain("The child's first name must have at least one letter (in any script).");
    expect(cardText(card)).toContain('Rule: Plausible facts');
    expect(actionOf(card, 'referral.submit').verb).toBe('referral.submit');
    expect(await world.deps.stores.cases.find({ schoolId: school.id })).toEqual([]);
  });
});
