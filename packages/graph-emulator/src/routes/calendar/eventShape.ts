import { z } from 'zod';
import type { StoredEvent } from '../../store/eventsStore';
import { fromUtc } from '../timeZones';

const dateTimeTimeZone = z.looseObject({ dateTime: z.string().min(10), timeZone: z.string().optional() });
const attendeeSchema = z.looseObject({
  emailAddress: z.looseObject({ address: z.email(), name: z.string().optional() }),
  type: z.enum(['required', 'optional', 'resource']).optional(),
});
const eventFields = {
  subject: z.string().optional(),
  body: z.looseObject({ contentType: z.string().optional(), content: z.string() }).optional(),
  start: dateTimeTimeZone,
  end: dateTimeTimeZone,
  location: z.looseObject({ displayName: z.string().optional() }).optional(),
  attendees: z.array(attendeeSchema).optional(),
  isOnlineMeeting: z.boolean().optional(),
  onlineMeetingProvider: z.enum(['teamsForBusiness', 'skypeForBusiness', 'skypeForConsumer', 'unknown']).optional(),
  sensitivity: z.enum(['normal', 'personal', 'private', 'confidential']).optional(),
  showAs: z.enum(['free', 'tentative', 'busy', 'oof', 'workingElsewhere', 'unknown']).optional(),
  isAllDay: z.boolean().optional(),
  hideAttendees: z.boolean().optional(),
  transactionId: z.string().optional(),
  categories: z.array(z.string()).optional(),
  importance: z.enum(['low', 'normal', 'high']).optional(),
};
export const createEventSchema = z.looseObject(eventFields);
export const patchEventSchema = z.looseObject({ ...eventFields, start: dateTimeTimeZone.optional(), end: dateTimeTimeZone.optional() });
export type EventInput = z.infer<typeof createEventSchema>;

/** What the emulator keeps beside the caller's fields. */
export interface StoredEventFields extends EventInput {
  organizer: { emailAddress: { name: string; address: string } };
  onlineMeeting: { joinUrl: string } | null;
  iCalUId: string;
  /** Late Teams link: reads left that still show `onlineMeeting: null` (absent: the link shows). */
  linkHiddenReads?: number;
}

export const fieldsOf = (e: StoredEvent): StoredEventFields => e.event as unknown as StoredEventFields;

export interface EventView {
  /** The mailbox reading: an attendee's view has `isOrganizer: false`. */
  reader?: string;
  /** The join link is still being made (late-link mode). */
  linkHidden?: boolean;
}

export const eventJson = (e: StoredEvent, zone: string, view: EventView = {}): Record<string, unknown> => {
  const ev = fieldsOf(e);
  const changeKey = Buffer.from(`${e.id.slice(-12)}:${e.version}`).toString('base64url');
  const online = ev.isOnlineMeeting === true;
  return {
    '@odata.etag': `W/"${changeKey}"`,
    id: e.id,
    createdDateTime: e.created,
    lastModifiedDateTime: e.modified,
    changeKey,
    categories: ev.categories ?? [],
    transactionId: ev.transactionId ?? null,
    originalStartTimeZone: ev.start.timeZone ?? 'UTC',
    originalEndTimeZone: ev.end.timeZone ?? 'UTC',
    iCalUId: ev.iCalUId,
    subject: ev.subject ?? '',
    bodyPreview: (ev.body?.content ?? '').replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 255),
    importance: ev.importance ?? 'normal',
    sensitivity: ev.sensitivity ?? 'normal',
    isAllDay: ev.isAllDay ?? false,
    isCancelled: e.cancelled !== null,
    isOrganizer: view.reader === undefined || view.reader === e.owner,
    hideAttendees: ev.hideAttendees ?? false,
    showAs: ev.showAs ?? 'busy',
    type: 'singleInstance',
    isOnlineMeeting: online,
    onlineMeetingProvider: online ? ev.onlineMeetingProvider ?? 'teamsForBusiness' : 'unknown',
    onlineMeeting: online && !view.linkHidden && ev.onlineMeeting ? { joinUrl: ev.onlineMeeting.joinUrl } : null,
    body: { contentType: (ev.body?.contentType ?? 'html').toLowerCase(), content: ev.body?.content ?? '' },
    start: fromUtc(e.startUtc, zone),
    end: fromUtc(e.endUtc, zone),
    location: { displayName: ev.location?.displayName ?? '', locationType: 'default' },
    attendees: (ev.attendees ?? []).map((a) => ({
      type: a.type ?? 'required',
      status: { response: 'none', time: '0001-01-01T00:00:00Z' },
      emailAddress: a.emailAddress,
    })),
    organizer: ev.organizer,
  };
};
