import type { ServiceSetting } from '../../workflow';
import { describeEntityStoreContract, type StoreUnderTest } from './entityStoreContract';
import { freshCode, freshUserId } from './samples/fresh';

/** A setting under a key no other item has (capital letters in it: the unique Key is compared without regard to case). */
const freshSetting = (): Omit<ServiceSetting, 'id'> => ({
  key: `term-calendar:T${freshCode(8)}`,
  value: JSON.stringify({ id: 'x', name: 'A trust', halfTerms: [{ academicYear: '2026-27', term: 'autumn', half: 1, start: '2026-09-03', end: '2026-10-23' }], closures: [] }),
  changedBy: freshUserId(),
  changedAt: '2026-09-18T09:00:00.000Z',
});

/** The EntityStore contract for the ServiceSettings list: one item per unique Key. */
export function describeSettingStoreContract(name: string, make: () => Promise<StoreUnderTest<ServiceSetting, 'key'>>): void {
  describeEntityStoreContract<ServiceSetting, 'key'>(name, {
    make,
    sample: freshSetting,
    identify: (s) => ({ key: s.key }),
    filterValues: {},
    unique: ['key'],
    notIndexed: 'changedBy',
    change: () => ({ value: JSON.stringify({ channelId: `19:${freshCode(10)}@thread.tacv2` }), changedAt: '2026-09-19T10:30:00.000Z' }),
    roundTrip: () => [freshSetting(), { ...freshSetting(), key: `price-list:P${freshCode(6)}`, value: '{"financialYear":"2026-27","items":[{"code":"silver","price":1234.5}]}' }],
  });
}

