import { logTime, recordPurchase } from '../../workflow';
import { caseSteps } from '../support/caseSteps';
import { buildWorld, errorOf, key, onTheDay, people, value } from '../support/world';

describe('Packages and money through the use cases', () => {
  it('refuses a package purchase without the year\'s Universal Offer, then accepts it once bought', async () => {
    const world = await buildWorld();
    const admin = await world.staff(people.admin);
    const school = await world.schoolByUrn('100004');
    const refused = await recordPurchase(world.deps, admin, { requestKey: key(), schoolId: school.id, packageCode: 'bronze', purchasedOn: '2026-09-10' });
    expect(errorOf(refused)).toMatchObject({ code: 'UniversalOfferMissing' });
    value(await recordPurchase(world.deps, admin, { requestKey: key(), schoolId: school.id, packageCode: 'universal-support-offer', purchasedOn: '2026-09-10' }));
    const bronze = value(await recordPurchase(world.deps, admin, { requestKey: key(), schoolId: school.id, packageCode: 'bronze', purchasedOn: '2026-09-10', purchaseOrderNumber: 'PO-1' }));
    expect(bronze.purchase).toMatchObject({ hours: 7, price: 650, financialYear: '2026-27', invoiceStatus: 'not-invoiced' });
  });

  it('a purchase submitted twice is recorded once; a second Universal Offer in a year is refused', async () => {
    const world = await buildWorld();
    const admin = await world.staff(people.admin);
    const school = await world.schoolByUrn('100001');
    const form = { requestKey: key(), schoolId: school.id, packageCode: 'bronze', purchasedOn: '2026-09-10' };
    const [a, b] = [value(await recordPurchase(world.deps, admin, form)), value(await recordPurchase(world.deps, admin, form))];
    expect(a.purchase.id).toBe(b.purchase.id);
    expect(b.repeated).toBe(true);
    expect((await world.deps.stores.purchases.find({ schoolId: school.id })).filter((p) => p.packageCode === 'bronze')).toHaveLength(1);
    const again = await recordPurchase(world.deps, admin, { requestKey: key(), schoolId: school.id, packageCode: 'universal-support-offer', purchasedOn: '2026-09-10' });
    expect(errorOf(again).code).toBe('AlreadyDone');
  });

  it('time draws the case\'s package down and warns the worker and manager at 80% and 100%, once each', async () => {
    const world = await buildWorld();
    const steps = caseSteps(world);
    const { caseId } = await steps.toContractInForce();
    const worker = await world.staff(people.worker);
    const log = (on: string, hours: number) => onTheDay(world, on, () => logTime(world.deps, worker, { caseId, requestKey: key(), on, hours, activity: 'direct-work' }));
    // Silver is 13 hours: 10.4 h is 80%.
    expect(value(await log('2026-10-06', 10)).warnings).toEqual([]);
    expect(value(await log('2026-10-07', 0.5)).warnings).toEqual([80]);
    expect(value(await log('2026-10-08', 1)).warnings).toEqual([]);
    const full = value(await log('2026-10-09', 2));
    expect(full.warnings).toEqual([100]);
    expect(full.ledger.totals).toMatchObject({ bought: 13, used: 13.5, overrun: 0.5 });
    const kinds = world.memory.notifier.sent.filter((n) => n.kind.startsWith('package-hours')).map((n) => `${n.kind}:${n.recipientId}`);
    expect(kinds.sort()).toEqual(
      [
        `package-hours-80:${people.manager}`,
        `package-hours-80:${people.deputy}`,
        `package-hours-80:${people.worker}`,
        `package-hours-100:${people.manager}`,
        `package-hours-100:${people.deputy}`,
        `package-hours-100:${people.worker}`,
      ].sort(),
    );
  });
});
