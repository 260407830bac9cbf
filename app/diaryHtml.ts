import { DateTime } from 'luxon';
import type { Diary, DiaryEvent } from '@outreach/graph-emulator';
import { readableDate } from '../workflow';

const LONDON = 'Europe/London';

export const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

export interface DiaryView {
  diary: Diary;
  /** Monday of the week shown (YYYY-MM-DD, London). */
  monday: string;
  staff: readonly { displayName: string; email: string }[];
}

const link = (user: string, week: string, text: string): string =>
  `<a href="/demo/diary?${new URLSearchParams({ user, week }).toString().replace(/&/g, '&amp;')}">${escapeHtml(text)}</a>`;

const clock = (value: { dateTime: string }): string => value.dateTime.slice(11, 16);

const teamsOf = (e: DiaryEvent): string => {
  if (e.onlineMeeting?.joinUrl) return `Teams: <a href="${escapeHtml(e.onlineMeeting.joinUrl)}">join link</a>`;
  if (e.isOnlineMeeting) return '<strong>Teams link pending</strong>';
  return 'not online';
};

const attendeesOf = (e: DiaryEvent, reader: string): string => {
  const people = e.attendees.map((a) => escapeHtml(a.emailAddress.name ? `${a.emailAddress.name} <${a.emailAddress.address}>` : a.emailAddress.address));
  const organiser = e.organizer.emailAddress.address.toLowerCase() === reader ? '' : `invited by ${escapeHtml(e.organizer.emailAddress.name)}; `;
  return `${organiser}${people.length > 0 ? `with ${people.join(', ')}` : 'no attendees'}`;
};

const eventRow = (e: DiaryEvent, reader: string): string => {
  const time = e.isAllDay ? 'all day' : `${clock(e.start)}–${clock(e.end)}`;
  const flags = [e.sensitivity === 'private' ? 'private' : '', e.showAs !== 'busy' ? e.showAs : ''].filter(Boolean).map((f) => `<span class="flag">${escapeHtml(f)}</span>`).join(' ');
  const where = e.location.displayName ? ` · ${escapeHtml(e.location.displayName)}` : '';
  const body = `<span class="time">${escapeHtml(time)}</span> <span class="subject">${escapeHtml(e.subject || '(no subject)')}</span> ${flags}${where}<br><small>${teamsOf(e)} · ${attendeesOf(e, reader)}</small>`;
  if (!e.cancellation) return `<li>${body}</li>`;
  const why = e.cancellation.comment ? `: ${escapeHtml(e.cancellation.comment)}` : '';
  return `<li class="cancelled"><del>${body}</del><br><small>cancelled${why}</small></li>`;
};

/** One member of staff's week in the embedded Graph, as a small page (every value escaped). */
export function diaryHtml(view: DiaryView): string {
  const { diary, monday } = view;
  const reader = diary.user.mail.toLowerCase();
  const start = DateTime.fromISO(monday, { zone: LONDON });
  const days = Array.from({ length: 7 }, (_, i) => start.plus({ days: i }).toISODate() as string);
  const week = (delta: number) => start.plus({ weeks: delta }).toISODate() as string;
  const sections = days.map((day) => {
    const events = diary.value.filter((e) => e.start.dateTime.slice(0, 10) === day);
    if (events.length === 0 && (day === days[5] || day === days[6])) return '';
    const rows = events.length > 0 ? events.map((e) => eventRow(e, reader)).join('') : '<li class="free">nothing booked</li>';
    return `<section><h2>${escapeHtml(readableDate(day))}</h2><ul>${rows}</ul></section>`;
  }).join('');
  const picker = view.staff.map((s) => (s.email.toLowerCase() === reader ? `<strong>${escapeHtml(s.displayName)}</strong>` : link(s.email, monday, s.displayName))).join(' · ');
  return `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Diary: ${escapeHtml(diary.user.displayName)}, week of ${escapeHtml(readableDate(monday))}</title>
<style>body{font-family:system-ui,sans-serif;margin:1.5rem;max-width:60rem}li{margin:.4rem 0}.time{font-variant-numeric:tabular-nums;font-weight:600}.flag{background:#eee;border-radius:.3rem;padding:0 .3rem;font-size:.85em}.cancelled{color:#777}.free{color:#777}nav{margin:.5rem 0}</style></head>
<body><h1>${escapeHtml(diary.user.displayName)}: week of ${escapeHtml(readableDate(monday))}</h1>
<p><small>The embedded Graph's calendar for ${escapeHtml(diary.user.mail)} (times in UK time). Local runs only.</small></p>
<nav>${link(diary.user.mail, week(-1), '← previous week')} · ${link(diary.user.mail, week(1), 'next week →')}</nav>
<nav>Staff: ${picker}</nav>${sections}</body></html>`;
}
