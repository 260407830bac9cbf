import type { Client } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';
import type { BookedMeeting, Calendar, MeetingRequest } from '../../workflow';

const Event = z.object({ id: z.string(), onlineMeeting: z.object({ joinUrl: z.string().nullable().optional() }).nullable().optional() });

/** Outlook calendar events; private, with a Teams link when online. The subject carries the case reference only. */
export class GraphCalendar implements Calendar {
  constructor(private readonly client: Client) {}

  async book(request: MeetingRequest): Promise<BookedMeeting> {
    const event = Event.parse(
      await this.client.api(`/users/${encodeURIComponent(request.organiserId)}/events`).post({
        subject: request.subject,
        start: { dateTime: request.start.toISOString().replace('Z', ''), timeZone: 'UTC' },
        end: { dateTime: request.end.toISOString().replace('Z', ''), timeZone: 'UTC' },
        sensitivity: 'private',
        attendees: request.attendees.map((address) => ({ emailAddress: { address }, type: 'required' })),
        ...(request.location ? { location: { displayName: request.location } } : {}),
        ...(request.online ? { isOnlineMeeting: true, onlineMeetingProvider: 'teamsForBusiness' } : {}),
      }),
    );
    const joinUrl = event.onlineMeeting?.joinUrl ?? undefined;
    return { eventId: event.id, ...(joinUrl ? { joinUrl } : {}) };
  }
}
