import type { Child, ParentCarer } from '../../model/child';
import type { MeetingAttendee, MeetingKind } from '../../model/meeting';
import type { School } from '../../model/school';

/** A parent the worker is to phone rather than invite: how to reach them, and any interpreter need. */
export interface PhoneContact {
  name: string;
  relationship: string;
  phone?: string;
  language?: string;
  interpreterNeeded: boolean;
}

export interface MeetingParties {
  invited: MeetingAttendee[];
  /** Parents who are not invited by e-mail (no address, or they prefer another way): phone them. */
  phone: PhoneContact[];
}

export const isParentMeeting = (kind: MeetingKind): boolean => kind === 'home-visit' || kind === 'parent-call';

/**
 * Who a meeting invites. School meetings (initial, contract, review): the school's SENCo and any
 * staff named. A home visit or Teams call: the parents and carers who have an e-mail address and
 * prefer e-mail (or gave no preference); the others are listed to phone. School staff and parents
 * are never on the same invitation.
 */
export function meetingParties(kind: MeetingKind, school: Pick<School, 'senco'>, child: Pick<Child, 'parents'> | undefined, named: readonly string[] = []): MeetingParties {
  if (!isParentMeeting(kind)) {
    const senco: MeetingAttendee = { email: school.senco.email, name: school.senco.name, role: 'senco' };
    const others = named.filter((e) => e.toLowerCase() !== senco.email.toLowerCase()).map((email): MeetingAttendee => ({ email, role: 'school-staff' }));
    return { invited: [senco, ...dedupe(others)], phone: [] };
  }
  const parents = child?.parents ?? [];
  const byMail = parents.filter(invitedByMail);
  return {
    invited: byMail.map((p): MeetingAttendee => ({ email: p.email as string, name: p.name, role: 'parent' })),
    phone: parents.filter((p) => !invitedByMail(p)).map(phoneContact),
  };
}

const invitedByMail = (p: ParentCarer): boolean => Boolean(p.email) && (p.preferredContact === undefined || p.preferredContact === 'email');

const phoneContact = (p: ParentCarer): PhoneContact => ({
  name: p.name,
  relationship: p.relationship,
  ...(p.phone ? { phone: p.phone } : {}),
  ...(p.language ? { language: p.language } : {}),
  interpreterNeeded: p.interpreterNeeded,
});

function dedupe(list: MeetingAttendee[]): MeetingAttendee[] {
  const seen = new Set<string>();
  return list.filter((a) => (seen.has(a.email.toLowerCase()) ? false : (seen.add(a.email.toLowerCase()), true)));
}
