import type { CaseRecord, RecordStore } from '../../workflow';
import { describeEntityStoreContract, type StoreUnderTest } from './entityStoreContract';
import { freshItemId } from './samples/fresh';
import { changeRecord, freshLoneWorking, freshMeeting, freshObservation } from './samples/recordSamples';

type RecordIndexed = RecordStore extends { find(filter: Partial<Pick<CaseRecord, infer K>>): unknown } ? K : never;

/** The EntityStore contract for the CaseRecords list. */
export function describeRecordStoreContract(name: string, make: () => Promise<StoreUnderTest<CaseRecord, RecordIndexed>>): void {
  describeEntityStoreContract<CaseRecord, RecordIndexed>(name, {
    make,
    sample: freshObservation,
    identify: (r) => ({ caseId: r.caseId }),
    filterValues: { caseId: () => [freshItemId(), freshItemId()] },
    unique: [],
    notIndexed: 'step',
    change: changeRecord,
    clearable: 'lockedBy',
    roundTrip: () => [freshObservation(), freshLoneWorking(), freshMeeting()],
  });
}
