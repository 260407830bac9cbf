import { UniqueValueTaken, VersionConflict, type NewItem } from '../../../workflow';
import { MemoryEntityStore } from './memoryEntityStore';

interface Pupil {
  id: string;
  reference: string;
  schoolId: string;
  notes?: string;
}

const pupils = () => new MemoryEntityStore<Pupil, 'id' | 'reference' | 'schoolId'>('Pupils', { indexed: ['id', 'reference', 'schoolId'], unique: ['reference'] });
const pupil = (reference: string): NewItem<Pupil> => ({ reference, schoolId: '12' });

describe('MemoryEntityStore, where it imitates SharePoint beyond the port contract', () => {
  it('gives ids as SharePoint does: 1, 2, 3, and a refused create uses none', async () => {
    const store = pupils();
    const ids = [];
    ids.push((await store.create(pupil('C-00000A'), 'a')).item.id);
    ids.push((await store.create(pupil('C-00000B'), 'b')).item.id);
    await expect(store.create(pupil('C-00000B'), 'clash')).rejects.toBeInstanceOf(UniqueValueTaken);
    ids.push((await store.create(pupil('C-00000C'), 'c')).item.id);
    expect(ids).toEqual(['1', '2', '3']);
  });

  it('writes ETags as "{item GUID},{version}": the GUID stays, the version counts changes', async () => {
    const store = pupils();
    const made = (await store.create(pupil('C-00000A'), 'a')).item;
    const updated = await store.update(made.id, { notes: 'Moved to Year 5' }, made.etag);
    const [guid, version] = made.etag.slice(1, -1).split(',');
    expect(made.etag).toMatch(/^"[0-9a-f-]{36},1"$/);
    expect(updated.etag).toBe(`"${guid},${Number(version) + 1}"`);
  });

  it('keeps no id or etag an item brings with it', async () => {
    const store = pupils();
    const made = (await store.create(pupil('C-00000A'), 'a')).item;
    const copy = { ...made, reference: 'C-00000B' };
    const second = (await store.create(copy, 'b')).item;
    expect(second.id).toBe('2');
    expect(second.etag).not.toBe(made.etag);
    await expect(store.update(second.id, { ...made, reference: 'C-00000C' }, second.etag)).resolves.toMatchObject({ id: '2', reference: 'C-00000C' });
  });

  it('treats idempotency keys without regard to case, like the unique IdempotencyKey column', async () => {
    const store = pupils();
    const first = await store.create(pupil('C-00000A'), 'Referral-7F3A');
    const repeat = await store.create(pupil('C-00000B'), 'referral-7f3a');
    expect(repeat).toEqual({ item: first.item, created: false });
  });

  it('finds by id when id is one of its indexed fields', async () => {
    const store = pupils();
    await store.create(pupil('C-00000A'), 'a');
    const b = (await store.create(pupil('C-00000B'), 'b')).item;
    expect(await store.find({ id: b.id })).toEqual([b]);
  });

  it('names the list and the field when it refuses a filter', async () => {
    const store = pupils();
    await expect(store.find({ notes: 'x' } as never)).rejects.toThrow('Pupils: cannot filter on "notes": it is not an indexed column');
  });

  it('stores what JSON keeps: a Date comes back as its ISO string', async () => {
    const store = pupils();
    const made = (await store.create({ ...pupil('C-00000A'), notes: new Date('2026-09-14T09:00:00Z') as unknown as string }, 'a')).item;
    expect(made.notes).toBe('2026-09-14T09:00:00.000Z');
  });

  it('all() lists every item with its etag, oldest first', async () => {
    const store = pupils();
    const a = (await store.create(pupil('C-00000A'), 'a')).item;
    const b = (await store.create(pupil('C-00000B'), 'b')).item;
    const a2 = await store.update(a.id, { notes: 'Returned form' }, a.etag);
    expect(store.all()).toEqual([a2, b]);
    await expect(store.update(a.id, {}, a.etag)).rejects.toBeInstanceOf(VersionConflict);
  });
});
