/** What a demo member of staff's week can hold: fictional, generic, never about a child. */

export interface Commitment {
  subject: string;
  minutes: number;
  private?: boolean;
  online?: boolean;
  showAs?: 'busy' | 'tentative' | 'oof';
  /** Where: a demo school's name is put in for `school`. */
  location?: 'school' | 'office' | string;
  /** Invite a manager (supervision). */
  withManager?: boolean;
  /** Every other week only. */
  fortnightly?: boolean;
}

/** Weekly commitments: each member of staff gets two or three of these, on days and times of their own. */
export const weeklyCommitments: readonly Commitment[] = [
  { subject: 'Supervision', minutes: 60, private: true, withManager: true, fortnightly: true, location: 'office' },
  { subject: 'Case notes and admin', minutes: 120, location: 'office' },
  { subject: 'School drop-in session', minutes: 90, location: 'school' },
  { subject: 'Nursery pick-up', minutes: 45, private: true },
  { subject: 'Reflective practice group', minutes: 90, online: true, fortnightly: true },
  { subject: 'Lunchtime club at school', minutes: 60, location: 'school' },
  { subject: 'Physio appointment', minutes: 60, private: true, fortnightly: true },
];

/** One-off commitments, one to four a week. */
export const oneOffs: readonly Commitment[] = [
  { subject: 'Multi-agency meeting', minutes: 90, online: true },
  { subject: 'Training: restorative approaches', minutes: 180, location: 'office' },
  { subject: 'Local authority inclusion panel', minutes: 120, online: true },
  { subject: 'Dentist', minutes: 60, private: true },
  { subject: 'GP appointment', minutes: 30, private: true },
  { subject: 'Team planning', minutes: 60, location: 'office' },
  { subject: 'Call with the educational psychology service', minutes: 45, online: true },
  { subject: 'Headteachers\' forum', minutes: 120, location: 'school', showAs: 'tentative' },
  { subject: 'Travel to training venue', minutes: 60 },
  { subject: 'Safeguarding refresher (online course)', minutes: 90, online: true, showAs: 'tentative' },
];

/** The whole team's weekly meeting, organised by the first active manager. */
export const teamMeeting = { subject: 'Outreach team meeting', weekday: 1, start: '09:30', minutes: 60 } as const;

/** Days not worked by part-time staff, by their weekly capacity (hours): shown out of office. */
export const daysOffFor = (capacityHours: number): number => (capacityHours > 0 && capacityHours <= 15 ? 2 : capacityHours > 0 && capacityHours < 30 ? 1 : 0);
