import { z } from 'zod';
import type { Db } from './database';

const dayNames = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
const clockTime = z.string().regex(/^\d{2}:\d{2}$/, 'a time like 08:30');

/**
 * A mailbox's calendar as the emulator plays it (not Graph: set through `/_emulator/users`).
 * - `teams: false`: the mailbox cannot host Teams meetings (no licence): an online meeting it organises
 *   comes back `isOnlineMeeting: false`, `onlineMeeting: null`.
 * - `teamsLinkAfterReads: N`: the join link appears late: the create's answer and the next N reads of the
 *   event show `onlineMeeting: null`; the read after that finds the link.
 * - `workingHours`: what getSchedule reports for the mailbox (London time).
 */
export const calendarSettingsSchema = z.strictObject({
  teams: z.boolean().optional(),
  teamsLinkAfterReads: z.number().int().min(0).max(1000).nullable().optional(),
  workingHours: z.strictObject({
    daysOfWeek: z.array(z.enum(dayNames)).min(1),
    startTime: clockTime,
    endTime: clockTime,
  }).optional(),
});
export type CalendarSettingsInput = z.infer<typeof calendarSettingsSchema>;

export interface CalendarSettings {
  teams: boolean;
  teamsLinkAfterReads: number | null;
  workingHours: { daysOfWeek: (typeof dayNames)[number][]; startTime: string; endTime: string };
}

export const defaultCalendarSettings: CalendarSettings = {
  teams: true,
  teamsLinkAfterReads: null,
  workingHours: { daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'], startTime: '08:00', endTime: '17:00' },
};

export class CalendarSettingsStore {
  constructor(private readonly db: Db) {}

  of(mail: string): CalendarSettings {
    const row = this.db.prepare('SELECT settings FROM calendar_settings WHERE mail = ?').get(mail) as { settings: string } | undefined;
    return { ...defaultCalendarSettings, ...(row ? (JSON.parse(row.settings) as Partial<CalendarSettings>) : {}) };
  }

  /** Changes only the settings given (a start registering its users leaves a test's settings alone). */
  merge(mail: string, input: CalendarSettingsInput): CalendarSettings {
    const given = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
    if (Object.keys(given).length === 0) return this.of(mail);
    const next = { ...this.of(mail), ...given };
    this.db
      .prepare('INSERT INTO calendar_settings (mail, settings) VALUES (?, ?) ON CONFLICT (mail) DO UPDATE SET settings = excluded.settings')
      .run(mail, JSON.stringify(next));
    return next;
  }
}
