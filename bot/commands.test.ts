import { parseCommand } from './commands';

describe('chat commands and their plain-language variants', () => {
  it.each([
    ['help', { kind: 'help' }],
    ['Hi', { kind: 'help' }],
    ['<at>Outreach Cases</at> help', { kind: 'help' }],
    ['new referral', { kind: 'new-referral' }],
    ['I want to log a referral', { kind: 'new-referral' }],
    ['refer a child', { kind: 'new-referral' }],
    ['my cases', { kind: 'my-cases' }],
    ['show my caseload', { kind: 'my-cases' }],
    ['due', { kind: 'due' }],
    ["What's due?", { kind: 'due' }],
    ['what’s due', { kind: 'due' }],
    ['what is due next', { kind: 'due' }],
    ["what's coming up", { kind: 'due' }],
    ['case OC-26-7KQ2M', { kind: 'case', reference: 'OC-26-7KQ2M' }],
    ['open oc-26-7kq2m please', { kind: 'case', reference: 'OC-26-7KQ2M' }],
    ['log time', { kind: 'log-time' }],
    ['log time OC-26-7KQ2M', { kind: 'log-time', reference: 'OC-26-7KQ2M' }],
    ['record 2 hours on oc-26-7kq2m', { kind: 'log-time', reference: 'OC-26-7KQ2M' }],
    ['case 12', { kind: 'case', reference: '12' }],
  ])('"%s"', (text, expected) => {
    expect(parseCommand(text)).toEqual(expected);
  });

  it('anything else is unknown, with the text kept for a helpful answer', () => {
    expect(parseCommand('what is the weather')).toEqual({ kind: 'unknown', text: 'what is the weather' });
  });
});
