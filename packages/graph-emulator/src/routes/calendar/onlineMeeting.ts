import { randomBytes } from 'node:crypto';
import type { EmulatorStore } from '../../store/emulatorStore';
import type { StoredEvent } from '../../store/eventsStore';
import { fieldsOf, type EventInput } from './eventShape';

export const newJoinUrl = (): string =>
  `https://teams.microsoft.com/l/meetup-join/19%3ameeting_${randomBytes(24).toString('base64url')}%40thread.v2/0?context=%7b%22Tid%22%3a%2200000000-0000-4000-8000-0000000000aa%22%7d`;

const wantsTeams = (input: Pick<EventInput, 'isOnlineMeeting' | 'onlineMeetingProvider'>): boolean =>
  input.isOnlineMeeting === true && (input.onlineMeetingProvider ?? 'teamsForBusiness') === 'teamsForBusiness';

/**
 * The online-meeting fields of an event the organiser creates, by the organiser's mailbox settings: a
 * mailbox without Teams gets an ordinary event back (`isOnlineMeeting: false`, as reported of Exchange);
 * in late-link mode the link is made but hidden for a number of reads.
 */
export const onlineMeetingOnCreate = (store: EmulatorStore, organiser: string, input: EventInput): Record<string, unknown> => {
  if (!wantsTeams(input)) return { onlineMeeting: null };
  const settings = store.calendarSettings.of(organiser);
  if (!settings.teams) return { isOnlineMeeting: false, onlineMeetingProvider: 'unknown', onlineMeeting: null };
  return {
    onlineMeeting: { joinUrl: newJoinUrl() },
    ...(settings.teamsLinkAfterReads !== null ? { linkHiddenReads: settings.teamsLinkAfterReads } : {}),
  };
};

/** The online-meeting fields after a PATCH (online events stay online; `body` replaces the link: the reported trap). */
export const onlineMeetingOnPatch = (store: EmulatorStore, current: StoredEvent, change: EventInput | Partial<EventInput>): Record<string, unknown> => {
  const ev = fieldsOf(current);
  if (ev.isOnlineMeeting === true && ev.onlineMeeting) {
    const kept = { isOnlineMeeting: true, onlineMeetingProvider: ev.onlineMeetingProvider ?? 'teamsForBusiness' };
    return change.body !== undefined ? { ...kept, onlineMeeting: { joinUrl: newJoinUrl() } } : kept;
  }
  if (change.isOnlineMeeting === true) return onlineMeetingOnCreate(store, current.owner, { ...ev, ...change } as EventInput);
  return {};
};

/** One read of the event: in late-link mode counts the read down; true while the link is still to be hidden. */
export const readHidesLink = (store: EmulatorStore, e: StoredEvent): boolean => {
  const left = fieldsOf(e).linkHiddenReads;
  if (left === undefined) return false;
  const { linkHiddenReads: _done, ...rest } = e.event;
  store.events.rewrite(e.id, left > 0 ? { ...e.event, linkHiddenReads: left - 1 } : rest);
  return left > 0;
};

/** Whether the link is hidden now, without counting a read (the create's answer, the admin diary). */
export const linkHiddenNow = (e: StoredEvent): boolean => fieldsOf(e).linkHiddenReads !== undefined;
