import { walkCaseToClosure } from '../support/walkCase';
import { buildWorld, people } from '../support/world';

describe('a case walked through all ten steps to closure (memory ports)', () => {
  it('moves step by step from referral to a closed case with the report filed and sent', async () => {
    const world = await buildWorld();
    const closed = await walkCaseToClosure(world);
    const outbox = world.memory.mailer.outbox.map((m) => m.subject);
    expect(outbox).toEqual([
      expect.stringContaining(`referral ${closed.reference}: information needed`),
      expect.stringContaining(`End of Outreach Report for case ${closed.reference}`),
      expect.stringContaining(`evaluation of case ${closed.reference}`),
    ]);
    expect(outbox.join(' ')).not.toContain('Testfield');
    expect(world.memory.notifier.sent.map((n) => `${n.kind}:${n.recipientId}`)).toEqual([
      `case-allocated:${people.worker}`,
      // The administrator recorded the returned information form on Harriet's case.
      `case-recorded-by-other:${people.worker}`,
      `contract-awaiting-approval:${people.manager}`,
      `contract-awaiting-approval:${people.deputy}`,
      `contract-decided:${people.worker}`,
    ]);
  });
});
