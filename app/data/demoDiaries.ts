import { createHash } from 'node:crypto';
import { DateTime } from 'luxon';
import type { SeedEvent } from '@outreach/graph-emulator';
import type { Staff } from '../../workflow';
import { daysOffFor, oneOffs, teamMeeting, weeklyCommitments, type Commitment } from './diaries/diaryPlan';

/** Seeded once: a later start (even weeks on) leaves the diaries, and whatever was booked since, alone. */
export const demoDiaryMarker = 'demo-diaries-v1';
export const demoDiaryWeeks = 8;

const LONDON = 'Europe/London';
type DiaryStaff = Pick<Staff, 'userId' | 'displayName' | 'email' | 'roles' | 'active' | 'capacityHours'>;

/** A small deterministic generator (mulberry32) seeded from the member of staff's id: the same diary at every start. */
function seededBy(text: string): () => number {
  let state = createHash('sha256').update(text).digest().readUInt32LE(0);
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
/** Distinct picks, in a stable order. */
const pickSome = <T>(random: () => number, items: readonly T[], count: number): T[] =>
  items.map((item) => ({ item, key: random() })).sort((a, b) => a.key - b.key).slice(0, count).map((x) => x.item);

const wall = (t: DateTime) => ({ dateTime: t.toFormat("yyyy-LL-dd'T'HH:mm:ss"), timeZone: LONDON });

/** Minutes after 09:00 for a start that still ends by 17:00, on the half hour. */
const startAfterNine = (random: () => number, minutes: number): number => 30 * Math.floor(random() * Math.max(1, Math.floor((8 * 60 - minutes) / 30) + 1));
const at = (day: DateTime, afterNine: number): DateTime => day.set({ hour: 9, minute: 0 }).plus({ minutes: afterNine });

interface Context { organiser: DiaryStaff; manager: DiaryStaff | undefined; schools: readonly string[] }

const eventOf = (ctx: Context, c: Commitment, start: DateTime, transactionId: string, random: () => number): SeedEvent => {
  const location = c.location === 'school' ? pick(random, ctx.schools) : c.location === 'office' ? 'Outreach base, room 2' : c.location;
  const attendees = c.withManager && ctx.manager && ctx.manager.userId !== ctx.organiser.userId ? [ctx.manager] : [];
  return {
    organizer: ctx.organiser.email,
    event: {
      subject: c.subject,
      start: wall(start),
      end: wall(start.plus({ minutes: c.minutes })),
      sensitivity: c.private ? 'private' : 'normal',
      showAs: c.showAs ?? 'busy',
      transactionId,
      ...(location ? { location: { displayName: location } } : {}),
      ...(attendees.length > 0 ? { attendees: attendees.map((a) => ({ emailAddress: { address: a.email, name: a.displayName }, type: 'required' })) } : {}),
      ...(c.online ? { isOnlineMeeting: true, onlineMeetingProvider: 'teamsForBusiness' } : {}),
    },
  };
};

/** Weekdays (1 = Monday) a part-time member of staff does not work: the first draws of their generator. */
const daysOffWith = (random: () => number, capacityHours: number): number[] => pickSome(random, [3, 5, 1, 4], daysOffFor(capacityHours));

const weekdayNames = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'] as const;

/** The weekdays a demo member of staff works (their mailbox's working hours in the embedded Graph). */
export const demoWorkingDays = (member: Pick<Staff, 'userId' | 'capacityHours'>): (typeof weekdayNames)[number][] => {
  const off = daysOffWith(seededBy(member.userId), member.capacityHours);
  return weekdayNames.filter((_, i) => !off.includes(i + 1));
};

/** One member of staff's weeks: days off (part-time), two or three weekly commitments, and one-offs. */
function diaryOf(ctx: Context, mondays: readonly DateTime[]): SeedEvent[] {
  const random = seededBy(ctx.organiser.userId);
  const key = (what: string) => `demo-diary:${ctx.organiser.userId}:${what}`;
  const events: SeedEvent[] = [];
  const workdays = [1, 2, 3, 4, 5];
  const daysOff = daysOffWith(random, ctx.organiser.capacityHours);
  const weekly = pickSome(random, weeklyCommitments, 2 + Math.floor(random() * 2)).map((c) => {
    const weekday = pick(random, workdays.filter((d) => !daysOff.includes(d)));
    return { c, weekday, afterNine: startAfterNine(random, c.minutes) };
  });
  for (const [week, monday] of mondays.entries()) {
    for (const day of daysOff) {
      const date = monday.plus({ days: day - 1 });
      const off = eventOf(ctx, { subject: 'Not working (part-time)', minutes: 24 * 60, showAs: 'oof', private: true }, date, key(`off:${date.toISODate()}`), random);
      events.push({ ...off, event: { ...off.event, isAllDay: true } });
    }
    for (const [index, { c, weekday, afterNine }] of weekly.entries()) {
      if (c.fortnightly && week % 2 === 1) continue;
      const start = at(monday.plus({ days: weekday - 1 }), afterNine);
      events.push(eventOf(ctx, c, start, key(`weekly:${index}:${start.toISODate()}`), random));
    }
    const count = 1 + Math.floor(random() * 4);
    for (const [index, c] of pickSome(random, oneOffs, count).entries()) {
      const day = monday.plus({ days: pick(random, workdays.filter((d) => !daysOff.includes(d))) - 1 });
      events.push(eventOf(ctx, c, at(day, startAfterNine(random, c.minutes)), key(`once:${monday.toISODate()}:${index}`), random));
    }
  }
  return events;
}

/**
 * Believable, deterministic diaries for the demo staff, so that proposed slots differ by worker: the
 * team meeting, each person's weekly commitments and some one-offs (some private), over
 * `demoDiaryWeeks` weeks from the Monday of the week before `now`.
 */
export function demoDiaries(staff: readonly DiaryStaff[], schools: readonly string[], now: Date): SeedEvent[] {
  const active = staff.filter((s) => s.active);
  const manager = active.find((s) => s.roles.includes('manager'));
  const first = DateTime.fromJSDate(now, { zone: LONDON }).startOf('week').minus({ weeks: 1 });
  const mondays = Array.from({ length: demoDiaryWeeks }, (_, i) => first.plus({ weeks: i }));
  const events: SeedEvent[] = [];
  if (manager) {
    const team = active.filter((s) => s.userId !== manager.userId);
    for (const monday of mondays) {
      const [hour, minute] = teamMeeting.start.split(':').map(Number);
      const start = monday.plus({ days: teamMeeting.weekday - 1 }).set({ hour, minute });
      const meeting = eventOf({ organiser: manager, manager, schools }, { subject: teamMeeting.subject, minutes: teamMeeting.minutes, online: true, location: 'office' }, start, `demo-diary:team:${monday.toISODate()}`, () => 0);
      meeting.event = { ...meeting.event, attendees: team.map((s) => ({ emailAddress: { address: s.email, name: s.displayName }, type: 'required' })) };
      events.push(meeting);
    }
  }
  for (const organiser of active) events.push(...diaryOf({ organiser, manager, schools: schools.length > 0 ? schools : ['Outreach base'] }, mondays));
  return events;
}
