import { DateTime } from 'luxon';
import type { Pause } from '../model/case';

/** Every calendar day a case was paused: from the pause date up to (not including) the resume date. */
export function pausedDays(pauses: Pause[], today: string): string[] {
  const days: string[] = [];
  for (const pause of pauses) {
    let day = DateTime.fromISO(pause.from, { zone: 'Europe/London' });
    const until = DateTime.fromISO(pause.to ?? today, { zone: 'Europe/London' }).plus({ days: pause.to ? 0 : 1 });
    while (day < until) {
      days.push(day.toISODate() ?? pause.from);
      day = day.plus({ days: 1 });
    }
  }
  return days;
}
