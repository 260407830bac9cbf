import { actionOf, buildCardWorld, cardText, executeActions, inputIds } from './cardWorld';

async function referralForm(who: 'admin' | 'manager' | 'worker' = 'admin') {
  const cw = await buildCardWorld();
  const form = await cw.ask(who, { kind: 'new-referral' });
  return { ...cw, form, submit: actionOf(form, 'referral.submit') };
}

const filled = (schoolId: string, overrides: Record<string, string> = {}) => ({
  firstName: 'Ellis', lastName: 'Quarrington', dateOfBirth: '2016-05-02', gender: 'female', schoolId, yearGroup: '6', send: 'sen-support',
  pupilPremium: 'true', freeSchoolMeals: 'false', lookedAfter: 'false',
  parent1Name: 'Jordan Quarrington', parent1Relationship: 'father', parent1Responsibility: 'true', parent1Email: 'jordan.q@example.net', parent1Phone: '01632 960111',
  parent1Address: '', parent1PreferredContact: 'email', parent1Language: '', parent1Interpreter: 'false',
  parent2Name: '', parent2Relationship: '', parent2Responsibility: 'false', parent2Email: '', parent2Phone: '', parent2Address: '', parent2PreferredContact: '', parent2Language: '', parent2Interpreter: 'false',
  referralDate: '2026-09-14', referralSource: 'school', referralSourceDetail: 'SENCo', reasonForReferral: 'Leaves class several times a day.',
  plans: 'pupil-passport,iep', assessments: 'sdq', whatHasBeenTried: 'Movement breaks, a key adult.', consent: 'given',
  ...overrides,
});

describe('referral cards', () => {
  it('"new referral" shows the form: the child, parents/carers, school, source, consent, graduated response', async () => {
    const { form, submit } = await referralForm();
    expect(inputIds(form)).toEqual(expect.arrayContaining([
      'firstName', 'lastName', 'dateOfBirth', 'gender', 'schoolId', 'yearGroup', 'send', 'pupilPremium', 'freeSchoolMeals', 'lookedAfter',
      'parent1Name', 'parent1Relationship', 'parent1Responsibility', 'parent1Email', 'parent2Name',
      'referralDate', 'referralSource', 'reasonForReferral', 'plans', 'assessments', 'whatHasBeenTried', 'consent',
    ]));
    expect(cardText(form)).toContain('Alderbrook Primary School');
    expect((submit.data.requestKey ?? '').length).toBeGreaterThanOrEqual(12);
  });

  it('submitting opens the case and answers with its reference, no live buttons, and the case card to allocate', async () => {
    const { act, world, submit } = await referralForm();
    const school = await world.schoolByUrn('100001');
    const done = await act('admin', 'referral.submit', { ...submit.data, ...filled(school.id) });
    expect(cardText(done.card)).toMatch(/Referral logged: case OC-26-[0-9A-Z]{5}/);
    expect(cardText(done.card)).toContain('Logged by Priya Calloway');
    expect(executeActions(done.card)).toEqual([]);
    const [child] = await world.deps.stores.children.find({ schoolId: school.id });
    expect(child?.parents).toEqual([expect.objectContaining({ name: 'Jordan Quarrington', email: 'jordan.q@example.net', parentalResponsibility: true })]);
    const [c] = await world.deps.stores.cases.find({ childId: child?.id ?? '' });
    expect(c?.graduatedResponse.plans).toEqual(['pupil-passport', 'iep']);
    expect(actionOf(done.followUp, 'information-returned.open').data.caseId).toBe(c?.id);
  });

  it('a double click logs one case and says nothing was written twice', async () => {
    const { act, world, submit } = await referralForm();
    const school = await world.schoolByUrn('100001');
    await act('admin', 'referral.submit', { ...submit.data, ...filled(school.id) });
    const again = await act('admin', 'referral.submit', { ...submit.data, ...filled(school.id) });
    expect(cardText(again.card)).toContain('nothing was written twice');
    expect(await world.deps.stores.cases.find({ schoolId: school.id })).toHaveLength(1);
  });

  it('A double click looks like an error', async () => {
    // Fixed: the repeat said "had already been logged" and posted the case card a second time.
    const { act, world, submit } = await referralForm();
    const school = await world.schoolByUrn('100001');
    const first = await act('admin', 'referral.submit', { ...submit.data, ...filled(school.id) });
    expect(first.followUp).toBeDefined();
    const again = await act('admin', 'referral.submit', { ...submit.data, ...filled(school.id) });
    expect(cardText(again.card)).toContain('Already recorded at 10:00 by you');
    expect(cardText(again.card)).not.toMatch(/error|could not|already been logged/i);
    expect(again.followUp).toBeUndefined();
    // Someone else re-sending the same form is told who recorded it.
    const byOther = await act('manager', 'referral.submit', { ...submit.data, ...filled(school.id) });
    expect(cardText(byOther.card)).toContain('Already recorded at 10:00 by Priya Calloway');
    expect(byOther.followUp).toBeUndefined();
    expect(await world.deps.stores.cases.find({ schoolId: school.id })).toHaveLength(1);
  });

  it('A double click looks like an error: a case form repeat posts no second case card', async () => {
    const { act, world, submit } = await referralForm();
    const school = await world.schoolByUrn('100001');
    const done = await act('admin', 'referral.submit', { ...submit.data, ...filled(school.id) });
    const returned = actionOf(done.followUp, 'information-returned.open');
    const form = actionOf((await act('admin', 'information-returned.open', returned.data)).card, 'information-returned.submit');
    const values = { ...form.data, returnedOn: '2026-09-14', formReturned: 'true', pdpReturned: 'false' };
    expect((await act('admin', 'information-returned.submit', values)).followUp).toBeDefined();
    const twice = await act('admin', 'information-returned.submit', values);
    expect(cardText(twice.card)).toContain('Already recorded at 10:00 by you');
    expect(twice.followUp).toBeUndefined();
  });

  it('a missing field shows the form again, naming it, with what was typed', async () => {
    const { act, world, submit } = await referralForm();
    const school = await world.schoolByUrn('100001');
    const again = await act('admin', 'referral.submit', { ...submit.data, ...filled(school.id, { reasonForReferral: '' }) });
    expect(cardText(again.card)).toContain('reasonForReferral');
    expect(cardText(again.card)).toContain('Quarrington');
    expect(actionOf(again.card, 'referral.submit').data.requestKey).toBe(submit.data.requestKey);
    expect(await world.deps.stores.cases.find({ schoolId: school.id })).toHaveLength(0);
  });

  it('a school with no Universal Offer this year is warned about', async () => {
    const { act, world, submit } = await referralForm();
    const school = await world.schoolByUrn('100004');
    const done = await act('admin', 'referral.submit', { ...submit.data, ...filled(school.id) });
    expect(cardText(done.card)).toContain('Warning:');
    expect(cardText(done.card)).toMatch(/Universal/i);
  });

  it('a child with an open case is flagged and linked, not given a second case', async () => {
    const { act, world, ask } = await referralForm();
    const school = await world.schoolByUrn('100001');
    const first = actionOf(await ask('admin', { kind: 'new-referral' }), 'referral.submit');
    await act('admin', 'referral.submit', { ...first.data, ...filled(school.id) });
    const second = actionOf(await ask('admin', { kind: 'new-referral' }), 'referral.submit');
    const flagged = await act('admin', 'referral.submit', { ...second.data, ...filled(school.id, { referralSource: 'inclusion-panel' }) });
    expect(cardText(flagged.card)).toContain('Already an open case');
    const [c] = await world.deps.stores.cases.find({ schoolId: school.id });
    expect(actionOf(flagged.card, 'case.open').data.caseId).toBe(c?.id);
    expect(await world.deps.stores.cases.find({ schoolId: school.id })).toHaveLength(1);
  });

  it('Non-Latin names collapse: a child on another worker\'s caseload is linked, and the card names neither that case nor the child on it', async () => {
    const { act, world, ask, steps } = await referralForm();
    const school = await world.schoolByUrn('100001');
    const first = actionOf(await ask('admin', { kind: 'new-referral' }), 'referral.submit');
    await act('admin', 'referral.submit', { ...first.data, ...filled(school.id, { firstName: 'Лев', lastName: 'Орлов', parent1Name: 'Мария Орлова' }) });
    const [c] = await world.deps.stores.cases.find({ schoolId: school.id });
    await steps.allocate(c?.id ?? '', 'worker');
    const second = actionOf(await ask('otherWorker', { kind: 'new-referral' }), 'referral.submit');
    const typed = { ...second.data, ...filled(school.id, { firstName: 'ЛЕВ', lastName: 'ОРЛОВ\u200B', parent1Name: 'Мария Орлова' }) };
    const linked = await act('otherWorker', 'referral.submit', typed);
    const shown = JSON.stringify(linked);
    expect(cardText(linked.card)).toContain('Linked to an existing case');
    expect(cardText(linked.card)).toContain('Harriet Lunde (the case worker)');
    expect(cardText(linked.card)).toContain('Morgan Ashby (manager)');
    expect(cardText(linked.card)).toContain('Linked by Tomasz Frey');
    for (const secret of [c?.reference ?? '', 'Лев', 'Орлов']) expect([secret, shown.includes(secret)]).toEqual([secret, false]);
    expect(executeActions(linked.card)).toEqual([]);
    expect(linked.followUp).toBeUndefined();
    const again = await act('otherWorker', 'referral.submit', typed);
    expect(cardText(again.card)).toContain('nothing was written twice');
    expect(await world.deps.stores.cases.find({ schoolId: school.id })).toHaveLength(1);
  });

  it('Non-Latin names collapse: a first name of only a zero-width space shows the form again, naming the field and the rule', async () => {
    const { act, world, submit } = await referralForm();
    const school = await world.schoolByUrn('100001');
    const again = await act('admin', 'referral.submit', { ...submit.data, ...filled(school.id, { firstName: '\u200B' }) });
    expect(cardText(again.card)).toContain("The child's first name must have at least one letter (in any script).");
    expect(cardText(again.card)).toContain('Rule: Plausible facts');
    expect(actionOf(again.card, 'referral.submit').data.requestKey).toBe(submit.data.requestKey);
    expect(await world.deps.stores.cases.find({ schoolId: school.id })).toHaveLength(0);
  });
});

/** The card element whose input id is `id`. */
function inputOf(card: unknown, id: string): Record<string, unknown> | undefined {
  if (Array.isArray(card)) return card.map((c) => inputOf(c, id)).find((f) => f !== undefined);
  if (!card || typeof card !== 'object') return undefined;
  const o = card as Record<string, unknown>;
  if (o.id === id && typeof o.type === 'string' && o.type.startsWith('Input.')) return o;
  return inputOf(Object.values(o), id);
}

describe('Wrong defaults: year group', () => {
  it('the form offers no Year 7 default: the field is optional and says it comes from the date of birth', async () => {
    const { form } = await referralForm();
    const field = inputOf(form, 'yearGroup');
    expect(field?.value ?? '').toBe('');
    expect(field?.placeholder).toBe('From the date of birth');
    expect(field?.isRequired).not.toBe(true);
  });

  it('left empty, the year group comes from the date of birth (a child born 2017-05-03 is in Year 5 in 2026-27)', async () => {
    const { act, world, submit } = await referralForm();
    const school = await world.schoolByUrn('100001');
    const done = await act('admin', 'referral.submit', { ...submit.data, ...filled(school.id, { dateOfBirth: '2017-05-03', yearGroup: '' }) });
    expect(cardText(done.card)).toMatch(/Referral logged/);
    expect(cardText(done.card)).not.toContain('Year group');
    const [child] = await world.deps.stores.children.find({ schoolId: school.id });
    expect(child?.yearGroup).toBe(5);
    expect(cardText(done.followUp)).toContain('Year 5');
  });

  it('a typed year group that disagrees is kept, and the outcome card warns naming both', async () => {
    const { act, world, submit } = await referralForm();
    const school = await world.schoolByUrn('100001');
    const done = await act('admin', 'referral.submit', { ...submit.data, ...filled(school.id, { dateOfBirth: '2017-05-03', yearGroup: '7' }) });
    expect(cardText(done.card)).toMatch(/Referral logged/);
    expect(cardText(done.card)).toContain('Warning: Year 7 was chosen; a child born on Wed 3 May 2017 is in Year 5 this school year.');
    const [child] = await world.deps.stores.children.find({ schoolId: school.id });
    expect(child?.yearGroup).toBe(7);
  });
});
