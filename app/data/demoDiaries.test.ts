import { readDemoData } from './demoData';
import { demoDiaries, demoDiaryWeeks, demoWorkingDays } from './demoDiaries';
import { embeddedUsers } from '../graph/embeddedUsers';

const demo = readDemoData();
const schools = demo.schools.map((s) => s.name);
const now = new Date('2026-03-04T12:00:00Z');

describe('demo diaries', () => {
  const events = demoDiaries(demo.staff, schools, now);

  it('are the same at every start (seeded by each member of staff\'s id)', () => {
    expect(demoDiaries(demo.staff, schools, now)).toEqual(events);
    expect(new Set(events.map((e) => e.event.transactionId)).size).toBe(events.length);
  });

  it('cover the weeks from the Monday of the week before now, on weekdays, for active staff only', () => {
    const starts = events.map((e) => e.event.start.dateTime).sort();
    expect((starts[0] ?? '').slice(0, 10) >= '2026-02-23').toBe(true);
    expect((starts[starts.length - 1] ?? '').slice(0, 10) < '2026-04-20').toBe(true);
    expect(demoDiaryWeeks).toBe(8);
    for (const e of events) expect([0, 6]).not.toContain(new Date(`${e.event.start.dateTime.slice(0, 10)}T12:00:00Z`).getUTCDay());
    expect(events.some((e) => e.organizer === 'lena.marsh@outreach.example.org')).toBe(false);
  });

  it('differ by worker, hold some private and some online events, and the team meeting invites the team', () => {
    const byWorker = (mail: string) => events.filter((e) => e.organizer === mail).map((e) => `${e.event.start.dateTime} ${String(e.event.subject)}`);
    expect(byWorker('harriet.lunde@outreach.example.org')).not.toEqual(byWorker('aisling.brandt@outreach.example.org'));
    expect(events.filter((e) => e.event.sensitivity === 'private').length).toBeGreaterThan(10);
    expect(events.some((e) => e.event.isOnlineMeeting === true)).toBe(true);
    const team = events.filter((e) => e.event.subject === 'Outreach team meeting');
    expect(team).toHaveLength(8);
    expect((team[0]?.event.attendees as unknown[]).length).toBeGreaterThan(3);
  });

  it('part-time staff (15 hours) have two days out of office a week', () => {
    const off = events.filter((e) => e.organizer === 'kofi.renwick@outreach.example.org' && e.event.showAs === 'oof');
    expect(off).toHaveLength(2 * 8);
    const weekdays = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
    const offDays = new Set(off.map((e) => weekdays[new Date(`${e.event.start.dateTime.slice(0, 10)}T12:00:00Z`).getUTCDay()]));
    const kofi = demo.staff.find((s) => s.email.startsWith('kofi')) ?? demo.staff[0];
    const working = demoWorkingDays(kofi as (typeof demo.staff)[number]);
    expect(working).toHaveLength(3);
    for (const day of offDays) expect(working).not.toContain(day);
    // The same days are the mailbox's working hours in the embedded Graph.
    const user = embeddedUsers({ name: 'Outreach', mailbox: 'outreach@outreach.example.org' }, demo.staff).find((u) => u.mail.startsWith('kofi'));
    expect(user?.workingHours?.daysOfWeek).toEqual(working);
  });
});
