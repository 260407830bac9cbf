import type { BookedMeeting, Calendar, MeetingRequest } from '../../../workflow';

export type BookedRequest = MeetingRequest & BookedMeeting;

/** Outlook calendars in memory: every meeting booked, with a Teams join URL when online. */
export class MemoryCalendar implements Calendar {
  readonly booked: BookedRequest[] = [];

  async book(request: MeetingRequest): Promise<BookedMeeting> {
    await Promise.resolve();
    if (request.end.getTime() <= request.start.getTime()) throw new Error('Calendar: a meeting must end after it starts');
    const n = this.booked.length + 1;
    const meeting: BookedMeeting = {
      eventId: `event-${n}`,
      ...(request.online ? { joinUrl: `https://teams.example/l/meetup-join/meeting-${n}` } : {}),
    };
    this.booked.push({ ...structuredClone(request), ...meeting });
    return { ...meeting };
  }
}
