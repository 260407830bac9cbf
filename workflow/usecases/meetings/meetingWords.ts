import type { MeetingKind } from '../../model/meeting';

/** What each meeting is called on cards and in subjects. */
export const meetingLabels: Record<MeetingKind, string> = {
  'school-meeting': 'Initial school meeting',
  'home-visit': 'Home visit',
  'parent-call': 'Teams call with parents',
  'contract-meeting': 'Contract meeting',
  review: 'Review meeting',
};

/** The subject attendees see: the kind and the case reference, never a child's name. */
export const meetingSubject = (kind: MeetingKind, caseReference: string): string => `${meetingLabels[kind]}: case ${caseReference}`;

/** The event's body: who booked it and for which service; no child's name. Never changed after booking. */
export const meetingBody = (serviceName: string, caseReference: string, organiserName: string): string =>
  `Booked by ${serviceName} for case ${caseReference}. To change it, contact ${organiserName}.`;

/** A home visit happens at the family's home (not written into the event); the others online, with a Teams link. */
export const isOnline = (kind: MeetingKind): boolean => kind !== 'home-visit';

/** How often a Teams link that came back empty is read again (a job). */
export const LINK_REREAD_MINUTES = 10;
