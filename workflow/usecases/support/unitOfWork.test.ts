import { NotAttempted } from '../../errors';
import { oneAtATime, type WriteBatching, type WriteOrder } from '../../ports/writeBatching';
import { fail, ok } from '../../result';
import { workflowError } from '../../errors';
import { UnitOfWork } from './unitOfWork';

describe('a unit of work', () => {
  it('in memory, makes the writes one after another in the order given, and reads each value after the flush', async () => {
    const made: string[] = [];
    const work = new UnitOfWork(oneAtATime, 'u1');
    const a = work.add('a', async () => (made.push('a'), 1));
    const b = work.add('b', async () => (made.push('b'), 2), ['a']);
    expect(() => a()).toThrow(/before the unit of work was flushed/);
    await work.flush();
    expect([made, a(), b()]).toEqual([['a', 'b'], 1, 2]);
    expect([work.landed('a'), work.landed('never planned')]).toEqual([true, false]);
  });

  it('does not make a write whose prerequisite failed, and throws that failure', async () => {
    const made: string[] = [];
    const work = new UnitOfWork(oneAtATime, 'u2');
    work.add('record', async () => {
      throw new Error('refused by the list');
    });
    const audit = work.add('audit', async () => made.push('audit'), ['record']);
    await expect(work.flush()).rejects.toThrow('refused by the list');
    expect(made).toEqual([]);
    expect(() => audit()).toThrow('refused by the list');
    expect([work.landed('record'), work.landed('audit')]).toEqual([false, false]);
  });

  it('hands back a refused Result (a rule broken when deciding again) and makes nothing after it', async () => {
    const made: string[] = [];
    const work = new UnitOfWork(oneAtATime, 'u3');
    const change = work.add('case', async () => fail(workflowError('ConcurrentChange', 'Someone else changed it.')));
    work.add('audit', async () => made.push('audit'), ['case']);
    await work.flush();
    expect(change()).toMatchObject({ ok: false, error: { code: 'ConcurrentChange' } });
    expect(made).toEqual([]);
  });

  it('when writes travel together, one held back (424) is made again once the write it depends on has landed', async () => {
    const orders: WriteOrder[] = [];
    const together: WriteBatching = { together: true, carry: (order, write) => (orders.push(order), write()), oneAction: (run) => run() };
    let caseAttempts = 0;
    let auditAttempts = 0;
    const work = new UnitOfWork(together, 'u4');
    work.add('case', async () => (++caseAttempts, ok('saved')));
    const audit = work.add('audit', async () => {
      auditAttempts += 1;
      if (auditAttempts === 1) throw new NotAttempted('Audit');
      return 'appended';
    }, ['case']);
    await work.flush();
    expect([caseAttempts, auditAttempts, audit()]).toEqual([1, 2, 'appended']);
    expect(orders[1]).toMatchObject({ unit: 'u4', name: 'audit', after: ['case'] });
    expect(orders[1]?.prerequisiteFailed?.()).toBe(false);
  });
});
