import { FixedClock } from './fixedClock';
import { MemoryCalendar } from './memoryCalendar';
import { MemoryCaseFolders } from './memoryCaseFolders';
import { memoryDeps } from './memoryDeps';
import { MemoryMailer } from './memoryMailer';
import { MemoryNotifier } from './memoryNotifier';
import { SequenceIds } from './sequenceIds';

const manager = '6f1c2a9e-3b4d-4e8f-9a10-2c3d4e5f6a7b';

describe('FixedClock', () => {
  it('stands still until set or advanced', () => {
    const clock = new FixedClock('2026-09-14T09:00:00Z');
    expect(clock.now().toISOString()).toBe('2026-09-14T09:00:00.000Z');
    clock.advance(90 * 60_000);
    expect(clock.now().toISOString()).toBe('2026-09-14T10:30:00.000Z');
    clock.set('2027-01-04T08:00:00+00:00');
    expect(clock.now().toISOString()).toBe('2027-01-04T08:00:00.000Z');
  });

  it('hands out copies: changing the Date returned does not move the clock', () => {
    const clock = new FixedClock('2026-09-14T09:00:00Z');
    clock.now().setFullYear(2030);
    expect(clock.now().toISOString()).toBe('2026-09-14T09:00:00.000Z');
  });

  it('refuses a time that is not one', () => {
    expect(() => new FixedClock('14/09/2026')).toThrow('not a date and time');
    expect(() => new FixedClock().set('soon')).toThrow('not a date and time');
  });
});

describe('SequenceIds', () => {
  it('gives the same codes, in base 36, to every new source', () => {
    const codes = (ids: SequenceIds) => Array.from({ length: 3 }, () => ids.randomCode(5));
    expect(codes(new SequenceIds())).toEqual(['00001', '00002', '00003']);
    expect(codes(new SequenceIds(34))).toEqual(['0000Z', '00010', '00011']);
  });

  it('keeps codes to the length asked for', () => {
    expect(new SequenceIds(36 ** 3).randomCode(3)).toBe('001');
  });
});

describe('MemoryCalendar', () => {
  const meeting = {
    organiserId: manager, subject: 'Initial school meeting: case OC-26-AB12C', body: 'Booked.', start: new Date('2026-09-28T13:30:00Z'), end: new Date('2026-09-28T14:30:00Z'),
    attendees: [{ email: 'senco@school.example.org' }],
  };

  it('gives a Teams join URL to online meetings only, and none to an organiser without Teams', async () => {
    const calendar = new MemoryCalendar();
    const online = await calendar.book({ ...meeting, online: true, transactionId: 'meeting:aaaaaaaa' });
    const inPerson = await calendar.book({ ...meeting, online: false, location: 'School office', transactionId: 'meeting:bbbbbbbb' });
    calendar.withoutTeams.add('no-teams');
    const pending = await calendar.book({ ...meeting, organiserId: 'no-teams', online: true, transactionId: 'meeting:cccccccc' });
    expect(online.joinUrl).toMatch(/^https:\/\//);
    expect(inPerson).toEqual({ eventId: expect.any(String), joinUrl: null });
    expect(pending.joinUrl).toBeNull();
    expect(online.eventId).not.toBe(inPerson.eventId);
    expect(calendar.events.map((b) => [b.online, b.joinUrl])).toEqual([[true, online.joinUrl], [false, null], [true, null]]);
  });

  it('makes one event per transactionId, and busy times from what it booked', async () => {
    const calendar = new MemoryCalendar();
    calendar.addresses.set(manager, 'morgan@outreach.example.org');
    const first = await calendar.book({ ...meeting, online: true, transactionId: 'meeting:dddddddd' });
    const again = await calendar.book({ ...meeting, online: true, transactionId: 'meeting:dddddddd' });
    expect(again).toEqual(first);
    expect(calendar.events).toHaveLength(1);
    const busy = await calendar.busyTimes(['morgan@outreach.example.org'], new Date('2026-09-28T00:00:00Z'), new Date('2026-09-29T00:00:00Z'));
    expect(busy.get('morgan@outreach.example.org')).toEqual([{ start: meeting.start, end: meeting.end }]);
    await calendar.cancel(manager, first.eventId, 'No longer needed');
    expect((await calendar.busyTimes(['morgan@outreach.example.org'], new Date('2026-09-28T00:00:00Z'), new Date('2026-09-29T00:00:00Z'))).get('morgan@outreach.example.org')).toEqual([]);
  });

  it('refuses a meeting that ends before it starts', async () => {
    await expect(new MemoryCalendar().book({ ...meeting, end: meeting.start, online: true, transactionId: 'meeting:eeeeeeee' })).rejects.toThrow('must end after it starts');
  });
});

describe('MemoryMailer and MemoryNotifier', () => {
  it('keep copies of what was sent, in order', async () => {
    const mailer = new MemoryMailer();
    const message = { to: ['head@school.example.org'], subject: 'OC-26-AB12C contract', html: '<p>Attached.</p>', attachments: [{ name: 'contract.pdf', contentType: 'application/pdf', content: new Uint8Array([37, 80]) }] };
    await mailer.send(message, 'contract-1');
    message.to.push('someone@else.example.org');
    message.attachments[0]?.content.fill(0);
    expect(mailer.outbox).toEqual([{ ...message, to: ['head@school.example.org'], attachments: [{ name: 'contract.pdf', contentType: 'application/pdf', content: new Uint8Array([37, 80]) }] }]);

    const notifier = new MemoryNotifier();
    const note = { kind: 'case-allocated' as const, recipientId: manager, caseId: '7', caseReference: 'OC-26-AB12C', summary: 'A case is allocated to you', key: 'allocate-7' };
    await notifier.notify(note);
    note.summary = 'changed';
    expect(notifier.sent.map((n) => n.summary)).toEqual(['A case is allocated to you']);
  });

  it('send a notification once per key: a retry or a double click sends nothing more', async () => {
    const notifier = new MemoryNotifier();
    const note = { kind: 'safeguarding-concern' as const, recipientId: manager, caseId: '7', caseReference: 'OC-26-AB12C', summary: 'A safeguarding concern was raised' };
    await notifier.notify({ ...note, key: 'concern-41' });
    await notifier.notify({ ...note, key: 'concern-41' });
    await notifier.notify({ ...note, key: 'concern-42' });
    expect(notifier.sent.map((n) => n.key)).toEqual(['concern-41', 'concern-42']);
  });

  it('refuses mail with no recipient, as Graph does', async () => {
    await expect(new MemoryMailer().send({ to: [], subject: 'OC-26-AB12C', html: '<p></p>' }, 'empty-1')).rejects.toThrow('at least one recipient');
  });
});

describe('MemoryCaseFolders', () => {
  it('keeps uploads with their bytes and type, and the folder paths made', async () => {
    const folders = new MemoryCaseFolders();
    const folder = await folders.ensureCaseFolder('C-4K7P2Q Quillfeather', 'OC-26-AB12C');
    const content = new TextEncoder().encode('<h1>Report</h1>');
    await folders.upload(folder, 'Report OC-26-AB12C.html', content, 'text/html');
    content.fill(0);
    expect(folders.folderPaths()).toEqual(['C-4K7P2Q Quillfeather', 'C-4K7P2Q Quillfeather/OC-26-AB12C']);
    const [file] = folders.filesIn(folder);
    expect(file?.contentType).toBe('text/html');
    expect(new TextDecoder().decode(file?.content)).toBe('<h1>Report</h1>');
    expect(folders.filesIn('c-4k7p2q quillfeather/OC-26-AB12C').map((f) => f.name)).toEqual(['Report OC-26-AB12C.html']);
    expect(folders.filesIn('C-4K7P2Q Quillfeather/OC-26-ZZ99Z')).toEqual([]);
    expect(folder.webUrl).toBe('https://outreach.example.sharepoint.com/sites/outreach/Case%20Files/C-4K7P2Q%20Quillfeather/OC-26-AB12C');
  });

  it('refuses an upload to a folder it never made', async () => {
    await expect(new MemoryCaseFolders().upload({ id: 'folder-9', webUrl: 'https://x.example' }, 'a.html', new Uint8Array(), 'text/html')).rejects.toThrow('no folder');
  });
});

describe('memoryDeps', () => {
  it('gives every port, fresh on each call, at the time asked for', async () => {
    const deps = memoryDeps('2026-10-05T08:00:00Z');
    expect(Object.keys(deps).sort()).toEqual(['audit', 'batching', 'calendar', 'channel', 'clock', 'documents', 'folders', 'ids', 'incomingFiles', 'jobList', 'jobs', 'mailer', 'notifier', 'stores', 'templates']);
    expect(deps.clock.now().toISOString()).toBe('2026-10-05T08:00:00.000Z');
    await deps.notifier.notify({ kind: 'case-allocated', recipientId: manager, caseId: '1', caseReference: 'OC-26-AB12C', summary: 'Allocated', key: 'allocate-1' });
    expect(memoryDeps().notifier.sent).toEqual([]);
  });
});
