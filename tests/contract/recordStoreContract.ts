import type { CaseRecord, RecordStore } from '../../workflow';
import { describeEntityStoreContract, type StoreUnderTest } from './entityStoreContract';
import { freshIdempotencyKey, freshItemId } from './samples/fresh';
import { changeRecord, freshLoneWorking, freshMeeting, freshObservation } from './samples/recordSamples';

type RecordIndexed = RecordStore extends { find(filter: Partial<Pick<CaseRecord, infer K>>): unknown } ? K : never;

/** The EntityStore contract for the CaseRecords list, and the concerns found by their indexed flag. */
export function describeRecordStoreContract(name: string, make: () => Promise<StoreUnderTest<CaseRecord, RecordIndexed>>): void {
  describeEntityStoreContract<CaseRecord, RecordIndexed>(name, {
    make,
    sample: freshObservation,
    identify: (r) => ({ caseId: r.caseId }),
    // `true` first: only concerns are ever looked for by the flag (the other value would pass SharePoint's threshold).
    filterValues: { caseId: () => [freshItemId(), freshItemId()], safeguarding: () => [true, false] },
    unique: [],
    notIndexed: 'step',
    change: changeRecord,
    clearable: 'lockedBy',
    roundTrip: () => [freshObservation(), freshLoneWorking(), freshMeeting()],
  });

  describe(`${name}: safeguarding concerns`, () => {
    let subject: StoreUnderTest<CaseRecord, RecordIndexed>;
    beforeEach(async () => {
      subject = await make();
    });
    afterEach(async () => {
      await subject.cleanup?.();
    });

    it('find({ safeguarding: true }) finds the concerns of every case, and a record once it is marked as a concern', async () => {
      const { store } = subject;
      const concern = (await store.create({ ...freshMeeting(), safeguarding: true, locked: true }, freshIdempotencyKey())).item;
      const elsewhere = (await store.create({ ...freshLoneWorking(), safeguarding: true }, freshIdempotencyKey())).item;
      const plain = (await store.create(freshObservation(), freshIdempotencyKey())).item;
      const ids = async () => (await store.find({ safeguarding: true })).map((r) => r.id);
      expect(await ids()).toEqual(expect.arrayContaining([concern.id, elsewhere.id]));
      expect(await ids()).not.toContain(plain.id);
      const marked = await store.update(plain.id, { safeguarding: true }, plain.etag);
      expect((await store.find({ safeguarding: true })).find((r) => r.id === plain.id)).toStrictEqual(marked);
      expect(await store.find({ caseId: concern.caseId, safeguarding: true })).toStrictEqual([concern]);
    });
  });
}
