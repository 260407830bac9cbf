import { people } from '../support/world';
import { startTab, type TabOptions } from './tabHarness';

const at = '2026-11-20T09:00:00.000Z';

/**
 * A case at the school of urn 100002 (Bronze, 7 hours, PO SW-0412 on the demo data: urn 100002) with 9 hours
 * logged in October 2026: 2 hours over, at the 2026-27 consultancy rate (£100 an hour).
 */
export async function overrunCase(given?: TabOptions['world']) {
  const tab = await startTab({ now: at, ...(given ? { world: given } : {}) });
  const { world } = tab;
  const school = await world.schoolByUrn('100002');
  const [bronze] = (await world.deps.stores.purchases.find({ schoolId: school.id })).filter((p) => p.packageCode === 'bronze');
  if (!bronze) throw new Error('the demo data has no Bronze purchase at 100002');
  const c = await tab.referred('Zoë', 'Ångström-Łukasz', '100002');
  const stored = await world.deps.stores.cases.get(c.id);
  if (!stored) throw new Error('the case was not stored');
  await world.deps.stores.cases.update(c.id, { purchaseIds: [bronze.id] }, stored.etag);
  let n = 0;
  const logged = async (on: string, hours: number) => {
    n += 1;
    await world.deps.stores.records.create(
      { caseId: c.id, step: 10, safeguarding: false, locked: false, body: { kind: 'time', on, hours, activity: 'meeting' }, createdBy: people.worker, createdAt: at, updatedBy: people.worker, updatedAt: at },
      `time-${c.id}-${n}`,
    );
  };
  await logged('2026-10-01', 5);
  await logged('2026-10-08', 4);
  return { tab, c, bronze, school, logged };
}

