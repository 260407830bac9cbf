import { bookMeeting, checkIn, ensureDailyPlan, jobHandlers, runDueJobs } from '../../workflow';
import { caseSteps } from '../support/caseSteps';
import { buildWorld, key, people, value } from '../support/world';

/**
 * Issue 14: a week across the October clock change (Sunday 25 October 2026, 02:00 BST back to
 * 01:00 GMT), ticked every 15 minutes as the scheduler would. Jobs set in London time keep their
 * London time on both sides; each runs once.
 */
describe('a week with a clock change', () => {
  it('daily plans at 07:00 London each day, a reminder at 08:00 London, a missed check-out alert, each once', async () => {
    const world = await buildWorld('2026-10-21T08:00:00Z');
    const opened = await caseSteps(world).refer();
    await caseSteps(world).allocate(opened.case.id);
    const worker = await world.staff(people.worker);
    // A home visit on Monday 26 October (half-term) at 10:00 GMT: reminded on Friday 23 October at 08:00 BST (07:00 UTC).
    value(await bookMeeting(world.deps, worker, { caseId: opened.case.id, kind: 'home-visit', requestKey: key('book'), start: '2026-10-26T10:00:00Z' }));
    // Friday 23 October, 15:00-16:00 BST: the alert is due at 16:30 BST (15:30 UTC).
    world.memory.clock.set('2026-10-23T13:50:00Z');
    value(await checkIn(world.deps, worker, { caseId: opened.case.id, requestKey: key('in'), place: 'school', plannedStart: '2026-10-23T14:00:00Z', plannedEnd: '2026-10-23T15:00:00Z' }));
    world.memory.clock.set('2026-10-21T08:00:00Z');
    await ensureDailyPlan(world.deps);

    const ran: { at: string; kind: string }[] = [];
    const recording = Object.fromEntries(
      Object.entries(jobHandlers).map(([kind, handler]) => [kind, (deps: Parameters<typeof handler>[0], job: Parameters<typeof handler>[1]) => {
        ran.push({ at: deps.clock.now().toISOString(), kind });
        return handler(deps, job);
      }]),
    ) as typeof jobHandlers;
    for (let t = Date.parse('2026-10-21T08:00:00Z'); t <= Date.parse('2026-10-28T08:00:00Z'); t += 15 * 60_000) {
      world.memory.clock.set(new Date(t).toISOString());
      await runDueJobs(world.deps, world.deps.jobs, recording, 'instance-a');
    }

    // 07:00 London is 06:00 UTC in BST (to Saturday 24th) and 07:00 UTC in GMT (from Sunday 25th); each day once.
    expect(ran.filter((r) => r.kind === 'daily-plan').map((r) => r.at)).toEqual([
      // Today's, queued at start after its time: at once.
      '2026-10-21T08:00:00.000Z',
      '2026-10-22T06:00:00.000Z',
      '2026-10-23T06:00:00.000Z',
      '2026-10-24T06:00:00.000Z',
      '2026-10-25T07:00:00.000Z',
      '2026-10-26T07:00:00.000Z',
      '2026-10-27T07:00:00.000Z',
      '2026-10-28T07:00:00.000Z',
    ]);
    const sent = world.memory.notifier.sent;
    const reminders = sent.filter((n) => n.kind === 'meeting-reminder');
    expect(reminders).toHaveLength(1);
    expect(ran.find((r) => r.kind === 'meeting-reminder')?.at).toBe('2026-10-23T07:00:00.000Z');
    // The first alert at 16:30 BST, then every 15 minutes until acknowledged: never two for the same repeat.
    const alerts = sent.filter((n) => n.kind === 'lone-working-check-out-missed');
    expect(ran.find((r) => r.kind === 'check-out-missed')?.at).toBe('2026-10-23T15:30:00.000Z');
    expect(alerts.length).toBeGreaterThan(0);
    expect(new Set(alerts.map((a) => `${a.key}`)).size).toBe(alerts.length);
  });
});
