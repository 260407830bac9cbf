import { linkPending, meetingLabels, readableDate, readableTime, standing, type CaseView, type Meeting, type MeetingAttendee, type MeetingKind, type PhoneContact } from '../../../workflow';

/** "Tue 3 Mar 2026, 10:00–11:00" in London time, from two ISO instants. */
export const meetingTimes = (start: string, end: string): string => `${readableDate(start)}, ${readableTime(start)}–${readableTime(end)}`;

const roleLabels: Record<MeetingAttendee['role'], string> = { senco: 'SENCo', 'school-staff': 'school staff', parent: 'parent', staff: 'staff' };

/** "Sam Wren (SENCo)"; an attendee known only by address shows the address. */
export const attendeeLine = (a: MeetingAttendee): string => `${a.name ?? a.email} (${roleLabels[a.role]})`;

/** "Casey Testfield (mother): 01632 960999, speaks Polish, interpreter needed". */
export function phoneLine(p: PhoneContact): string {
  const how = [p.phone ?? 'no phone number on file', p.language ? `speaks ${p.language}` : '', p.interpreterNeeded ? 'interpreter needed' : ''].filter(Boolean);
  return `${p.name} (${p.relationship}): ${how.join(', ')}`;
}

/** The meetings each step needs, in the order offered: the case card offers to book them at that step. */
export function stepMeetingKinds(step: number): MeetingKind[] {
  switch (step) {
    case 4:
      return ['school-meeting'];
    case 5:
      return ['home-visit', 'parent-call'];
    case 7:
      return ['contract-meeting'];
    case 9:
      return ['review'];
    default:
      return [];
  }
}

const theMeetings: Record<MeetingKind, string> = {
  'school-meeting': 'the initial school meeting',
  'home-visit': 'the home visit',
  'parent-call': 'the Teams call with parents',
  'contract-meeting': 'the contract meeting',
  review: 'the review meeting',
};

/** "the initial school meeting", for button titles ("Book the initial school meeting"). */
export const theMeeting = (kind: MeetingKind): string => theMeetings[kind];

/** Standing (booked or moved) meetings of the case that have not ended yet, earliest first. */
export const meetingsAhead = (view: Pick<CaseView, 'meetings'>, now: Date): Meeting[] =>
  view.meetings.filter((m) => standing(m) && new Date(m.end) > now).sort((a, b) => a.start.localeCompare(b.start));

/** "Initial school meeting, Tue 3 Mar 2026, 10:00–11:00 (Teams link pending)". */
export const meetingSummary = (m: Meeting): string => `${meetingLabels[m.kind]}, ${meetingTimes(m.start, m.end)}${linkPending(m) ? ' (Teams link pending)' : ''}`;

/** Where a meeting is: the school for school meetings, the family's home, or a Teams call. */
export function meetingPlace(m: Pick<Meeting, 'kind' | 'location'>, schoolName: string | undefined): string {
  if (m.kind === 'home-visit') return 'Home visit';
  if (m.kind === 'parent-call') return 'Teams call';
  return m.location ?? schoolName ?? '';
}

/**
 * Parents of a parent meeting who are not on its invitation: the worker phones them. Derived from
 * who the meeting invited, so a card drawn later says the same as the one drawn at booking.
 */
export function parentsToPhone(m: Pick<Meeting, 'kind' | 'attendees'>, child: CaseView['child']): PhoneContact[] {
  if (m.kind !== 'home-visit' && m.kind !== 'parent-call') return [];
  const invited = new Set(m.attendees.map((a) => a.email.toLowerCase()));
  return (child?.parents ?? [])
    .filter((p) => !p.email || !invited.has(p.email.toLowerCase()))
    .map((p) => ({ name: p.name, relationship: p.relationship, ...(p.phone ? { phone: p.phone } : {}), ...(p.language ? { language: p.language } : {}), interpreterNeeded: p.interpreterNeeded }));
}

/**
 * The meeting of these kinds that was booked and whose time has come (it has started): the record
 * form of a meeting held takes its date and attendees. The latest such, or none.
 */
export function meetingHeld(view: Pick<CaseView, 'meetings'>, kinds: readonly MeetingKind[], now: Date): Meeting | undefined {
  return view.meetings
    .filter((m) => kinds.includes(m.kind) && standing(m) && new Date(m.start) < now)
    .sort((a, b) => a.start.localeCompare(b.start))
    .at(-1);
}

/** Who came to a meeting held, as the record form's attendee lines: those invited, and for a parent meeting every parent. */
export function attendeeLines(m: Pick<Meeting, 'kind' | 'attendees'>, child: CaseView['child']): string {
  const parents = m.kind === 'home-visit' || m.kind === 'parent-call' ? (child?.parents ?? []).map((p) => `${p.name} (${p.relationship})`) : [];
  const invited = m.attendees.filter((a) => a.role !== 'parent').map(attendeeLine);
  return [...invited, ...parents].join('\n');
}
