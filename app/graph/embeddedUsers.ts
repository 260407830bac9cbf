import { createHash } from 'node:crypto';
import type { EmulatorUser } from '@outreach/graph-emulator';
import type { Staff } from '../../workflow';
import { demoWorkingDays } from '../data/demoDiaries';

/** The fictional tenant's mail domain, for a service mailbox configured as a bare id. */
const demoMailDomain = 'outreach.example.org';

/** A stable object id for a mailbox the emulator is told about by address (the same at every start). */
const objectIdOf = (mail: string): string => {
  const hex = createHash('sha256').update(mail.toLowerCase()).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
};

/**
 * The users the embedded Graph must know, as a tenant would: the service mailbox mail is sent from
 * (SERVICE_MAILBOX, an address or an id), and every member of staff (meeting organisers, mail
 * recipients by id). Any other `/users/{x}` answers 404 there, as on a tenant.
 */
type Member = Pick<Staff, 'userId' | 'displayName' | 'email'> & Partial<Pick<Staff, 'capacityHours'>>;

/** Part-time staff's mailboxes report the days they work (09:00–17:00) in getSchedule, as their diaries show. */
const workingHoursOf = (s: Member): Pick<EmulatorUser, 'workingHours'> =>
  s.capacityHours === undefined ? {} : { workingHours: { daysOfWeek: demoWorkingDays({ userId: s.userId, capacityHours: s.capacityHours }), startTime: '09:00', endTime: '17:00' } };

export function embeddedUsers(service: { name: string; mailbox: string }, staff: ReadonlyArray<Member>): EmulatorUser[] {
  const mailbox = service.mailbox.includes('@')
    ? { id: objectIdOf(service.mailbox), displayName: service.name, mail: service.mailbox }
    : { id: service.mailbox, displayName: service.name, mail: `${service.mailbox}@${demoMailDomain}` };
  const members = new Map(staff.map((s) => [s.userId, { id: s.userId, displayName: s.displayName, mail: s.email, ...workingHoursOf(s) }]));
  return [mailbox, ...members.values()];
}
