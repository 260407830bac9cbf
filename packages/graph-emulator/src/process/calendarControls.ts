import type { EmulatorRuntimeInfo } from '../runtime/runtimeInfo';
import { adminRequest } from './registerUsers';

/** A Graph event body to seed, with its organiser's address (start and end as Graph's dateTimeTimeZone). */
export interface SeedEvent {
  organizer: string;
  event: Record<string, unknown> & { start: { dateTime: string; timeZone: string }; end: { dateTime: string; timeZone: string } };
}

/** An event as `/_emulator/calendar/{user}` shows it: Graph's shape, plus the cancellation when cancelled. */
export interface DiaryEvent {
  id: string;
  subject: string;
  start: { dateTime: string; timeZone: string };
  end: { dateTime: string; timeZone: string };
  sensitivity: string;
  isAllDay: boolean;
  isCancelled: boolean;
  showAs: string;
  isOrganizer: boolean;
  isOnlineMeeting: boolean;
  onlineMeeting: { joinUrl: string } | null;
  location: { displayName: string };
  attendees: { emailAddress: { address: string; name?: string } }[];
  organizer: { emailAddress: { address: string; name: string } };
  cancellation: { at: string; comment: string | null } | null;
}

export interface Diary {
  user: { id: string; displayName: string; mail: string };
  value: DiaryEvent[];
}

/** Seeds events once per marker; resolves with how many were made (0 when the marker was already seeded). */
export async function seedEvents(info: EmulatorRuntimeInfo, ca: string, marker: string, events: readonly SeedEvent[]): Promise<number> {
  const answer = await adminRequest(info, ca, 'POST', 'calendar/seed', { marker, events });
  if (answer.status !== 200 && answer.status !== 201) throw new Error(`The embedded Graph refused the seeded events (${answer.status}): ${JSON.stringify(answer.body)}`);
  return (answer.body as { created: number }).created;
}

/** A mailbox's events in [from, to), cancelled ones included, times in `zone`; undefined for an unknown user. */
export async function readDiary(info: EmulatorRuntimeInfo, ca: string, user: string, from: Date, to: Date, zone = 'Europe/London'): Promise<Diary | undefined> {
  const query = new URLSearchParams({ from: from.toISOString(), to: to.toISOString(), zone });
  const answer = await adminRequest(info, ca, 'GET', `calendar/${encodeURIComponent(user)}?${query.toString()}`);
  if (answer.status === 404) return undefined;
  if (answer.status !== 200) throw new Error(`The embedded Graph did not give the diary (${answer.status}): ${JSON.stringify(answer.body)}`);
  return answer.body as Diary;
}
