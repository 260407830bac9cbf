import type { Case, CaseStore } from '../../workflow';
import { describeEntityStoreContract, type StoreUnderTest } from './entityStoreContract';
import { changeCase, freshCase, freshClosedCase, freshReferral } from './samples/caseSamples';
import { freshItemId, freshUserId } from './samples/fresh';

type CaseIndexed = CaseStore extends { find(filter: Partial<Pick<Case, infer K>>): unknown } ? K : never;

/** The EntityStore contract for the Cases list. */
export function describeCaseStoreContract(name: string, make: () => Promise<StoreUnderTest<Case, CaseIndexed>>): void {
  describeEntityStoreContract<Case, CaseIndexed>(name, {
    make,
    sample: freshCase,
    identify: (c) => ({ reference: c.reference }),
    filterValues: {
      status: () => ['open', 'paused'],
      childId: () => [freshItemId(), freshItemId()],
      schoolId: () => [freshItemId(), freshItemId()],
      workerId: () => [freshUserId(), freshUserId()],
      closedMonth: () => ['2026-11', '2026-12'],
    },
    unique: ['reference'],
    notIndexed: 'reasonForReferral',
    change: changeCase,
    clearable: 'workerId',
    roundTrip: () => [freshCase(), freshReferral(), freshClosedCase()],
  });
}
