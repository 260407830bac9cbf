import type { Job, JobQueue, NewItem, Versioned } from '../../workflow';
import { freshIdempotencyKey, freshItemId } from './samples/fresh';

export interface JobQueueUnderTest {
  queue: JobQueue;
}

/** Far enough ahead that every job a test left open is due by then. */
const END_OF_TIME = new Date('2999-01-01T00:00:00Z');
const at = (iso: string): Date => new Date(iso);

const newJob = (dueAt: string): NewItem<Job> => ({
  kind: 'check-out-missed',
  dueAt,
  payload: { recordKey: `record-${freshItemId()}` },
  status: 'queued',
  attempts: 0,
  createdAt: '2026-09-25T09:00:00Z',
  updatedAt: '2026-09-25T09:00:00Z',
});

const idsOf = (jobs: ReadonlyArray<Versioned<Job>>): string[] => jobs.map((j) => j.id);

/**
 * The contract every JobQueue meets: run on memory and, through the embedded Graph, on the
 * SharePoint Jobs list (where `due` and `upcoming` are one query each on the DueAt column).
 * Each test starts with every job left open by the ones before settled as done.
 */
export function describeJobQueueContract(name: string, make: () => Promise<JobQueueUnderTest>): void {
  describe(`${name}: JobQueue contract`, () => {
    let queue: JobQueue;
    const enqueue = async (dueAt: string) => (await queue.enqueue(newJob(dueAt), freshIdempotencyKey())).item;

    beforeEach(async () => {
      ({ queue } = await make());
      for (;;) {
        const open = await queue.due(END_OF_TIME, 200);
        if (open.length === 0) break;
        for (const job of open) {
          const claimed = await queue.claim(job, 'contract-cleanup', END_OF_TIME, END_OF_TIME);
          if (claimed) await queue.settle(claimed, { status: 'done', dueAt: job.dueAt, attempts: job.attempts }, END_OF_TIME);
        }
      }
    });

    it('a job queued twice under one key is queued once', async () => {
      const key = freshIdempotencyKey();
      const first = await queue.enqueue(newJob('2026-09-25T10:00:00Z'), key);
      const again = await queue.enqueue(newJob('2026-09-25T11:00:00Z'), key);
      expect(first.created).toBe(true);
      expect(again).toMatchObject({ created: false, item: { id: first.item.id, dueAt: '2026-09-25T10:00:00Z' } });
    });

    it('due: the queued jobs whose time has come, earliest first, at most the limit; none early', async () => {
      const late = await enqueue('2026-09-25T10:05:00Z');
      const early = await enqueue('2026-09-25T10:00:00Z');
      const middle = await enqueue('2026-09-25T10:02:30.500Z');
      await enqueue('2026-09-25T10:06:00Z');
      expect(idsOf(await queue.due(at('2026-09-25T10:05:00Z'), 10))).toEqual([early.id, middle.id, late.id]);
      expect(idsOf(await queue.due(at('2026-09-25T10:05:00Z'), 2))).toEqual([early.id, middle.id]);
      // Never a moment early; at most a second late (SharePoint keeps whole seconds).
      expect(idsOf(await queue.due(at('2026-09-25T10:02:30.499Z'), 10))).toEqual([early.id]);
      expect(idsOf(await queue.due(at('2026-09-25T10:02:31Z'), 10))).toEqual([early.id, middle.id]);
    });

    it('a claimed job is not due while its lease holds, and is due again once it expires', async () => {
      const job = await enqueue('2026-09-25T10:00:00Z');
      const claimed = await queue.claim(job, 'instance-a', at('2026-09-25T10:05:00Z'), at('2026-09-25T10:00:00Z'));
      expect(claimed).toMatchObject({ status: 'running', leaseOwner: 'instance-a', leaseUntil: '2026-09-25T10:05:00.000Z' });
      expect(await queue.due(at('2026-09-25T10:04:59Z'), 10)).toEqual([]);
      const [expired] = await queue.due(at('2026-09-25T10:05:00Z'), 10);
      expect(expired).toMatchObject({ id: job.id, status: 'running', leaseOwner: 'instance-a' });
      // Taken over by another instance: the run that never finished counts as an attempt.
      const taken = expired && (await queue.claim(expired, 'instance-b', at('2026-09-25T10:10:00Z'), at('2026-09-25T10:05:00Z')));
      expect(taken).toMatchObject({ leaseOwner: 'instance-b', attempts: 1 });
    });

    it('of two claims on the same version, one wins', async () => {
      const job = await enqueue('2026-09-25T10:00:00Z');
      const [a, b] = await Promise.all([
        queue.claim(job, 'instance-a', at('2026-09-25T10:05:00Z'), at('2026-09-25T10:00:00Z')),
        queue.claim(job, 'instance-b', at('2026-09-25T10:05:00Z'), at('2026-09-25T10:00:00Z')),
      ]);
      expect([a, b].filter((c) => c !== undefined)).toHaveLength(1);
      expect(await queue.claim(job, 'instance-c', at('2026-09-25T10:05:00Z'), at('2026-09-25T10:00:00Z'))).toBeUndefined();
    });

    it('settled done, a job is never due again; queued again, it is due at its new time', async () => {
      const done = await enqueue('2026-09-25T10:00:00Z');
      const later = await enqueue('2026-09-25T10:00:00Z');
      const lease = at('2026-09-25T10:05:00Z');
      const [d, l] = await Promise.all([queue.claim(done, 'a', lease, at('2026-09-25T10:00:00Z')), queue.claim(later, 'a', lease, at('2026-09-25T10:00:00Z'))]);
      if (!d || !l) throw new Error('claims lost with no other instance');
      await queue.settle(d, { status: 'done', dueAt: d.dueAt, attempts: 0 }, at('2026-09-25T10:01:00Z'));
      await queue.settle(l, { status: 'queued', dueAt: '2026-09-25T10:30:00Z', attempts: 1, lastError: 'Error 503' }, at('2026-09-25T10:01:00Z'));
      expect(await queue.due(at('2026-09-25T10:29:00Z'), 10)).toEqual([]);
      const [again] = await queue.due(at('2026-09-25T10:30:00Z'), 10);
      expect(again).toMatchObject({ id: later.id, status: 'queued', attempts: 1, lastError: 'Error 503' });
      expect(again?.leaseOwner).toBeUndefined();
      expect(idsOf(await queue.due(END_OF_TIME, 10))).toEqual([later.id]);
    });

    it('a settle after the lease was taken over is refused', async () => {
      const job = await enqueue('2026-09-25T10:00:00Z');
      const mine = await queue.claim(job, 'instance-a', at('2026-09-25T10:05:00Z'), at('2026-09-25T10:00:00Z'));
      if (!mine) throw new Error('claim lost with no other instance');
      const [expired] = await queue.due(at('2026-09-25T10:06:00Z'), 10);
      if (!expired) throw new Error('the lease did not expire');
      await queue.claim(expired, 'instance-b', at('2026-09-25T10:11:00Z'), at('2026-09-25T10:06:00Z'));
      expect(await queue.settle(mine, { status: 'done', dueAt: mine.dueAt, attempts: 0 }, at('2026-09-25T10:07:00Z'))).toBeUndefined();
    });

    it('upcoming: queued jobs from `from` up to `to`, earliest first, at most the limit; running ones are not listed', async () => {
      const before = await enqueue('2026-10-01T08:59:59Z');
      const first = await enqueue('2026-10-01T09:00:00Z');
      const second = await enqueue('2026-10-03T12:00:00Z');
      const third = await enqueue('2026-10-05T16:00:00Z');
      await enqueue('2026-10-08T09:00:00Z');
      const running = await enqueue('2026-10-02T09:00:00Z');
      await queue.claim(running, 'a', at('2026-10-02T09:05:00Z'), at('2026-10-02T09:00:00Z'));
      const [from, to] = [at('2026-10-01T09:00:00Z'), at('2026-10-08T09:00:00Z')];
      expect(idsOf(await queue.upcoming(from, to, 10))).toEqual([first.id, second.id, third.id]);
      expect(idsOf(await queue.upcoming(from, to, 2))).toEqual([first.id, second.id]);
      expect(idsOf(await queue.upcoming(at('2026-09-01T00:00:00Z'), from, 10))).toEqual([before.id]);
    });
  });
}
