import type { AdaptiveCardJson } from '../../bot/cards';
import { actionOf, buildCardWorld } from './cardWorld';

/** Every text a person reads on a card, leaving out inputs' values (the host draws date inputs). */
function readText(card: AdaptiveCardJson | undefined): string {
  const texts: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const isInput = typeof (node as { type?: unknown }).type === 'string' && String((node as { type: string }).type).startsWith('Input.');
      for (const [k, v] of Object.entries(node)) {
        if (typeof v === 'string' && ['text', 'title', 'label', 'placeholder'].includes(k)) texts.push(v);
        else if (typeof v === 'string' && k === 'value' && !isInput) texts.push(v);
        else if (typeof v === 'object') walk(v);
      }
    }
  };
  walk(card);
  return texts.join('\n');
}

const isoDate = /\d{4}-\d{2}-\d{2}/;
const months = 'Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec';
const dayMonthWithoutWeekday = new RegExp(`(?<!(Mon|Tue|Wed|Thu|Fri|Sat|Sun) )\\b\\d{1,2} (${months}) \\d{4}`);
const monthFirst = /(January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}, \d{4}/;

describe('Three date styles on one card', () => {
  it('a case walked to support shows every date as "Mon 7 Dec 2026" and never ISO or "Month D, YYYY"', async () => {
    const { act, steps } = await buildCardWorld();
    const { caseId } = await steps.toContractInForce();
    const sessionForm = (await act('worker', 'support-session.open', { caseId })).card;
    const submit = actionOf(sessionForm, 'support-session.submit');
    const done = await act('worker', 'support-session.submit', { ...submit.data, deliveredOn: '2026-10-06', hours: '1', withWhom: 'pupil', summary: 'Calm corner practice.' });
    const caseCard = (await act('worker', 'case.open', { caseId })).card;
    const cards = [sessionForm, done.card, done.followUp, caseCard];
    for (const card of cards) {
      const text = readText(card);
      expect(text).not.toMatch(isoDate);
      expect(text).not.toMatch(monthFirst);
      expect(text).not.toMatch(dayMonthWithoutWeekday);
    }
    const caseText = readText(caseCard);
    expect(caseText).toContain('Mon 14 Sep 2026');
    expect(caseText).toMatch(/\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4}\b/);
    expect(readText(done.card)).toMatch(/Recorded by Harriet Lunde, Tue 6 Oct 2026, \d{2}:\d{2}/);
  });
});
