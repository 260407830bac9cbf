import { bookMeeting } from '../../workflow';
import { caseSteps } from '../support/caseSteps';
import { buildWorld, errorOf, key, people, value } from '../support/world';

describe('Booking: rule "Order" governs records, not bookings', () => {
  it('books a review before any step is recorded; the subject has the case reference, never the child\'s name', async () => {
    const world = await buildWorld();
    const opened = await caseSteps(world).refer();
    await caseSteps(world).allocate(opened.case.id);
    const booked = value(
      await bookMeeting(world.deps, await world.staff(people.worker), {
        caseId: opened.case.id,
        requestKey: key(),
        kind: 'teams-call-with-parent',
        start: '2026-09-24T15:00:00Z',
        end: '2026-09-24T15:45:00Z',
        attendees: ['parent@example.org'],
        online: true,
      }),
    );
    expect(booked.joinUrl).toMatch(/^https:/);
    const event = world.memory.calendar.booked[0];
    expect(event?.subject).toBe(`Teams call: case ${opened.case.reference}`);
    expect(event?.subject).not.toContain('Testfield');
    expect(event?.organiserId).toBe(people.worker);
  });

  it('refuses an end before the start, and a Teams call that is not online', async () => {
    const world = await buildWorld();
    const opened = await caseSteps(world).refer();
    const manager = await world.staff(people.manager);
    const base = { caseId: opened.case.id, requestKey: key(), kind: 'review', attendees: [], online: false };
    expect(errorOf(await bookMeeting(world.deps, manager, { ...base, start: '2026-09-24T15:00:00Z', end: '2026-09-24T14:00:00Z' }))).toMatchObject({ field: 'end' });
    expect(
      errorOf(await bookMeeting(world.deps, manager, { ...base, kind: 'teams-call-with-parent', start: '2026-09-24T15:00:00Z', end: '2026-09-24T16:00:00Z' })),
    ).toMatchObject({ field: 'online' });
  });
});
