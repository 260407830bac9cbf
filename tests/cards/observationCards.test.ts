import { actionOf, cardText, cardWorldWithCaseAt, executeActions, inputIds } from './cardWorld';

const caseAtStep3 = () => cardWorldWithCaseAt(3, 'manager');

const observation = {
  observedOn: '2026-09-21',
  setting: 'Year 4 maths',
  focus: 'classroom',
  outcome: 'Settles with an adult nearby.',
  wayForward: 'Transition warnings.',
  strategiesInUse: 'Visual timetable\nNow and next board',
  strategiesPartly: '',
  strategiesNotWorking: '',
  strategiesNotInUse: 'Calm corner',
};

describe('observation cards', () => {
  it('the case card offers the observation at step 3 and shows reference, step and next action', async () => {
    const { act, caseId, reference } = await caseAtStep3();
    const { card } = await act('manager', 'case.open', { caseId });
    expect(cardText(card)).toContain(reference);
    expect(cardText(card)).toContain('Step 3 of 10: Initial observation');
    expect(cardText(card)).toContain('Next: Record the initial observation');
    expect(actionOf(card, 'observation.open').data).toEqual({ caseId });
  });

  it('the form carries a request key and the case id; submitting records it and answers with no live buttons', async () => {
    const { act, caseId } = await caseAtStep3();
    const { card: form } = await act('manager', 'observation.open', { caseId });
    expect(inputIds(form)).toEqual(expect.arrayContaining(['observedOn', 'setting', 'focus', 'outcome', 'wayForward']));
    const submit = actionOf(form, 'observation.submit');
    expect((submit.data.requestKey ?? '').length).toBeGreaterThanOrEqual(12);
    const done = await act('manager', 'observation.submit', { ...submit.data, ...observation });
    expect(cardText(done.card)).toContain('Observation recorded (step 3)');
    expect(cardText(done.card)).toContain('Recorded by Morgan Ashby');
    expect(cardText(done.card)).toContain('Step 4 of 10');
    expect(executeActions(done.card)).toEqual([]);
    expect(actionOf(done.followUp, 'meeting.open').data.caseId).toBe(caseId);
  });

  it('a double click records nothing twice and says so', async () => {
    const { act, caseId, world } = await caseAtStep3();
    const submit = actionOf((await act('manager', 'observation.open', { caseId })).card, 'observation.submit');
    const first = await act('manager', 'observation.submit', { ...submit.data, ...observation });
    const second = await act('manager', 'observation.submit', { ...submit.data, ...observation });
    expect(cardText(first.card)).not.toContain('nothing was written twice');
    expect(cardText(second.card)).toContain('nothing was written twice');
    const records = await world.deps.stores.records.find({ caseId });
    expect(records.filter((r) => r.body.kind === 'observation')).toHaveLength(1);
  });

  it('a missing field shows the form again naming the field, with what was typed', async () => {
    const { act, caseId } = await caseAtStep3();
    const submit = actionOf((await act('manager', 'observation.open', { caseId })).card, 'observation.submit');
    const again = await act('manager', 'observation.submit', { ...submit.data, ...observation, outcome: '' });
    expect(cardText(again.card)).toContain('outcome');
    expect(cardText(again.card)).toContain('Year 4 maths');
    expect(actionOf(again.card, 'observation.submit').data.requestKey).toBe(submit.data.requestKey);
  });

  it('a worker cannot open another worker\'s case', async () => {
    const { act, caseId } = await caseAtStep3();
    const { card } = await act('otherWorker', 'observation.open', { caseId });
    expect(cardText(card)).toContain('not on your caseload');
    expect(executeActions(card)).toEqual([]);
  });

  it('an unknown verb or unreadable data answers a card, never throws', async () => {
    const { act } = await caseAtStep3();
    expect(cardText((await act('manager', 'nonsense.verb', {})).card)).toContain('older card');
    expect(cardText((await act('manager', 'case.open', { caseId: { nested: true } })).card)).toContain('cannot read');
  });
});

describe('stale observation cards', () => {
  it('a form opened before someone else recorded the step says it is out of date and records nothing', async () => {
    const { act, caseId, world } = await caseAtStep3();
    const submit = actionOf((await act('manager', 'observation.open', { caseId })).card, 'observation.submit');
    const other = actionOf((await act('manager', 'observation.open', { caseId })).card, 'observation.submit');
    await act('manager', 'observation.submit', { ...other.data, ...observation });
    const late = await act('manager', 'observation.submit', { ...submit.data, ...observation });
    expect(cardText(late.card)).toContain('This card is out of date: nothing was recorded');
    expect(cardText(late.card)).toContain('opened when the case was at step 3');
    expect(executeActions(late.card)).toEqual([]);
    const records = await world.deps.stores.records.find({ caseId });
    expect(records.filter((r) => r.body.kind === 'observation')).toHaveLength(1);
  });
});
