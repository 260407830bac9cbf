import { allocateCase, recordInformationReturned, submitReferral, type Staff } from '../../workflow';
import { childDetails, referral, seenOutcome } from '../support/caseSteps';
import { key, onTheDay, people, value, type World } from '../support/world';
import { lettersOf } from './benchReport';

export interface SeededWorker {
  staff: Staff;
  /** Their own case, allocated to them with the information back (step 3: observation next). */
  caseId: string;
}

/** A fictional Entra object id for bench worker `n` (1-based), apart from the demo staff's. */
const benchUserId = (n: number): string => `00000000-0000-4000-9000-${n.toString().padStart(12, '0')}`;

/**
 * `count` outreach workers added to the Staff list through the store, each with a case of their
 * own brought to step 3 through the use cases (referral, allocation, information returned), at
 * whatever latency the Graph has now (set it to 0 first). Run it once per emulator.
 */
export async function seedWorkersWithCases(world: World, count: number): Promise<SeededWorker[]> {
  const admin = await world.staff(people.admin);
  const manager = await world.staff(people.manager);
  const school = await world.schoolByUrn('100001');
  const seeded: SeededWorker[] = [];
  for (let n = 1; n <= count; n++) {
    const name = `Loadtester ${lettersOf(n).toUpperCase()}`;
    const { item: staff } = await world.deps.stores.staff.create(
      { userId: benchUserId(n), displayName: name, email: `loadtester.${lettersOf(n)}@outreach.example.org`, roles: ['worker'], active: true, capacityHours: 30 },
      `bench-staff-${n}`,
    );
    const opened = seenOutcome(
      value(await submitReferral(world.deps, admin, referral(school.id, { child: childDetails(school.id, { firstName: 'Loadie', lastName: `Seeded${lettersOf(n)}` }) }))),
    );
    const caseId = opened.case.id;
    value(await allocateCase(world.deps, manager, { caseId, workerId: staff.userId }));
    value(
      await onTheDay(world, '2026-09-18', () =>
        recordInformationReturned(world.deps, admin, { caseId, requestKey: key('info'), returnedOn: '2026-09-18', formReturned: true, pdpReturned: true }),
      ),
    );
    seeded.push({ staff, caseId });
  }
  return seeded;
}
