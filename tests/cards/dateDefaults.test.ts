/**
 * Right defaults: every date input starts at the latest date the rules accept (today in UK
 * time, or the last day the rule allows), within its min and max, and a form submitted with
 * its default dates is recorded, at every step a case goes through.
 */
import type { AdaptiveCardJson } from '../../bot/cards';
import { people } from '../support/world';
import { actionOf, buildCardWorld, cardText, executeActions } from './cardWorld';

jest.setTimeout(120_000);

type Step = 2 | 3 | 4 | 5 | 6 | 7 | 8;

interface DateInput {
  id: string;
  value?: string;
  min?: string;
  max?: string;
}

/** Every input's value as the card sets it, and the date inputs with their bounds. */
function inputsOf(card: AdaptiveCardJson | undefined): { values: Record<string, string>; dates: DateInput[] } {
  const values: Record<string, string> = {};
  const dates: DateInput[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if (typeof o.type === 'string' && o.type.startsWith('Input.') && typeof o.id === 'string') {
        if (o.value !== undefined) values[o.id] = String(o.value);
        if (o.type === 'Input.Date') dates.push({ id: o.id, ...(typeof o.value === 'string' ? { value: o.value } : {}), ...(typeof o.min === 'string' ? { min: o.min } : {}), ...(typeof o.max === 'string' ? { max: o.max } : {}) });
      }
      Object.values(o).forEach(walk);
    }
  };
  walk(card);
  return { values, dates };
}

/** What a person types besides the dates, by form (choices left as the form sets them). */
const typed: Record<string, Record<string, string>> = {
  observation: { setting: 'Year 5 classroom, maths', outcome: 'Settles with an adult close by.', wayForward: 'Transition warnings.' },
  meeting: { attendees: 'Mrs Okafor (SENCo)', notes: 'Went through the PDP.' },
  'home-visit': { attendees: 'Parent (mother)', notes: 'Parent supportive.' },
  review: { outcome: 'continue', summary: 'Progress on both targets.' },
  'support-session': { hours: '1', summary: 'Calm corner practice.' },
  time: { hours: '1', activity: 'travel' },
  chronology: { note: 'Phoned the school.' },
  'contract-draft': { targets: 'Uses the calm space when dysregulated', support: 'Weekly 1:1 sessions' },
};

/** A case at `step` (8: the contract in force from Mon 5 Oct 2026), the clock at `today`. */
async function caseAt(step: Step, today: string) {
  const cw = await buildCardWorld();
  const { caseId } = step === 8 ? await cw.steps.toContractInForce() : await cw.steps.toStep(step);
  cw.world.memory.clock.set(today);
  return { ...cw, caseId };
}

/** Before allocation the manager works the case; then its worker. */
const who = (step: Step): keyof typeof people => (step === 2 ? 'manager' : 'worker');

/** The forms with a date input that the case card offers the worker. */
async function dateForms(step: Step, today: string): Promise<Array<{ name: string; opened: Record<string, string> }>> {
  const { act, caseId } = await caseAt(step, today);
  const caseCard = (await act(who(step), 'case.open', { caseId })).card;
  const names: Array<{ name: string; opened: Record<string, string> }> = [];
  for (const open of executeActions(caseCard).filter((a) => a.verb.endsWith('.open'))) {
    const form = (await act(who(step), open.verb, open.data)).card;
    if (inputsOf(form).dates.length > 0) names.push({ name: open.verb.replace(/\.open$/, ''), opened: open.data });
  }
  return names;
}

/** Opens `name` on a fresh case at `step` (with what its button carries besides the case, e.g. the meeting's kind) and submits it with its defaults: what came back, and the date inputs. */
async function submitWithDefaults(step: Step, today: string, name: string, opened: Record<string, string> = {}) {
  const { act, caseId, world } = await caseAt(step, today);
  const form = (await act(who(step), `${name}.open`, { ...opened, caseId })).card;
  const { values, dates } = inputsOf(form);
  const filled = Object.fromEntries(Object.entries(typed[name] ?? {}).filter(([k]) => !values[k]));
  if (name === 'contract-draft' && !values.purchaseIds) {
    const c = await world.deps.stores.cases.get(caseId);
    const silver = (await world.deps.stores.purchases.find({ schoolId: c?.schoolId ?? '' })).find((p) => p.packageCode === 'silver');
    filled.purchaseIds = silver?.id ?? '';
  }
  const submit = actionOf(form, `${name}.submit`);
  const done = await act(who(step), `${name}.submit`, { ...values, ...filled, ...submit.data });
  return { done, dates, text: cardText(done.card) };
}

const when: Array<[Step, string, string]> = [
  [2, 'referred, before allocation', '2026-09-16T10:00:00Z'],
  [3, 'allocated, information back', '2026-10-01T10:00:00Z'],
  [4, 'observed', '2026-10-01T10:00:00Z'],
  [5, 'school meeting held', '2026-10-01T10:00:00Z'],
  [6, 'home visit held', '2026-10-01T10:00:00Z'],
  [7, 'second observation done', '2026-10-01T10:00:00Z'],
  [8, 'contract in force, in its support weeks', '2026-10-12T10:00:00Z'],
  [8, 'contract in force, after its support weeks ended', '2026-12-04T10:00:00Z'],
];

describe('Right defaults: every date input starts at a date the rules accept', () => {
  it.each(when)('at step %s (%s), every form with a date is recorded when submitted with its default dates', async (step, _label, today) => {
    const forms = await dateForms(step, today);
    const names = forms.map((f) => f.name);
    expect(names.length).toBeGreaterThan(0);
    const outcomes: string[] = [];
    for (const { name, opened } of forms) {
      const { done, dates, text } = await submitWithDefaults(step, today, name, opened);
      for (const d of dates.filter((x) => x.id !== 'dateOfBirth')) {
        expect([name, d.id, Boolean(d.value)]).toEqual([name, d.id, true]);
        if (d.min) expect([name, d.id, (d.value ?? '') >= d.min]).toEqual([name, d.id, true]);
        if (d.max) expect([name, d.id, (d.value ?? '') <= d.max]).toEqual([name, d.id, true]);
      }
      // Recorded: the answer is not the form again with a problem.
      const again = executeActions(done.card).some((a) => a.verb === `${name}.submit`);
      const where = text.split('\n').find((l) => /^(Rule|Check): /.test(l)) ?? text.split('\n').slice(0, 6).join(' / ');
      outcomes.push(`${name}: ${again ? `refused, ${where}` : 'recorded'}`);
    }
    // Before the observation the case card offers the meeting, whose default purpose (the school meeting) waits for it: refused by
    // rule "Order", not by its date.
    const notYet: Record<string, string> = step < 4 ? { meeting: 'refused, Rule: Order' } : {};
    expect(outcomes).toEqual(names.map((n) => `${n}: ${notYet[n] ?? 'recorded'}`));
  });

  it('a support session after the support weeks ended defaults to their last day, and no later', async () => {
    const { act, caseId, world } = await caseAt(8, '2026-12-04T10:00:00Z');
    const ends = (await world.deps.stores.cases.get(caseId))?.contractInForce?.supportEnds ?? '';
    const { dates } = inputsOf((await act('worker', 'support-session.open', { caseId })).card);
    expect(dates).toEqual([{ id: 'deliveredOn', value: ends, min: '2026-10-05', max: ends }]);
  });
});

describe("Right defaults: the contract's review date", () => {
  it('a new draft starts today and its review date defaults to the latest the rule "Contract" allows: accepted; a day later is refused naming the rule', async () => {
    const { act, caseId, world } = await caseAt(7, '2026-10-01T09:00:00Z');
    const form = (await act('worker', 'contract-draft.open', { caseId })).card;
    const { values, dates } = inputsOf(form);
    expect(values.startDate).toBe('2026-10-01');
    const review = dates.find((d) => d.id === 'reviewDate');
    expect(review).toEqual({ id: 'reviewDate', value: review?.max, min: '2026-10-02', max: review?.max });
    expect(review?.max).toMatch(/^2026-1[12]-\d{2}$/);
    const c = await world.deps.stores.cases.get(caseId);
    const silver = (await world.deps.stores.purchases.find({ schoolId: c?.schoolId ?? '' })).find((p) => p.packageCode === 'silver');
    const submit = actionOf(form, 'contract-draft.submit');
    const terms = { ...values, ...typed['contract-draft'], purchaseIds: silver?.id ?? '', namedApprovers: '', ...submit.data };
    const dayAfter = new Date(Date.parse(`${review?.max ?? ''}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const late = await act('worker', 'contract-draft.submit', { ...terms, reviewDate: dayAfter });
    expect(cardText(late.card)).toContain('Rule: Contract');
    expect(cardText(late.card)).toContain('The review must be on or before');
    const drafted = await act('worker', 'contract-draft.submit', terms);
    expect(cardText(drafted.card)).toContain('Contract version 1 drafted');
  });
});
