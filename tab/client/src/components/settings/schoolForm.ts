/** The school dialog's fields as typed, and the change or new school they make. */
import type { NewSchool, SchoolChange, SchoolSetting } from '../../../../contract/settings';
import type { Read } from './numbers';

export type SchoolType = SchoolSetting['type'];
export type SchoolPhase = SchoolSetting['phase'];
export const schoolTypes: readonly SchoolType[] = ['maintained', 'academy', 'other'];
export const schoolPhases: readonly SchoolPhase[] = ['primary', 'secondary', 'all-through'];
export const typeLabels: Record<SchoolType, string> = { maintained: 'Maintained', academy: 'Academy', other: 'Other' };
export const phaseLabels: Record<SchoolPhase, string> = { primary: 'Primary', secondary: 'Secondary', 'all-through': 'All-through' };

export type ContactRole = 'headteacher' | 'senco' | 'finance';
export const contactRoles: readonly ContactRole[] = ['headteacher', 'senco', 'finance'];
export const contactLabels: Record<ContactRole, string> = { headteacher: 'Headteacher', senco: 'SENCo', finance: 'Finance contact' };

export interface ContactForm {
  name: string;
  email: string;
  phone: string;
}

export interface SchoolForm {
  name: string;
  urn: string;
  type: SchoolType;
  phase: SchoolPhase;
  localAuthority: string;
  headteacher: ContactForm;
  senco: ContactForm;
  finance: ContactForm;
  /** '' : the authority's default calendar. */
  termCalendarId: string;
}

const blankContact: ContactForm = { name: '', email: '', phone: '' };
export const blankSchoolForm = (localAuthority = ''): SchoolForm => ({
  name: '',
  urn: '',
  type: 'maintained',
  phase: 'primary',
  localAuthority,
  headteacher: blankContact,
  senco: blankContact,
  finance: blankContact,
  termCalendarId: '',
});

const contactForm = (c: SchoolSetting['headteacher']): ContactForm => ({ name: c.name, email: c.email, phone: c.phone ?? '' });

export const schoolFormOf = (s: SchoolSetting): SchoolForm => ({
  name: s.name,
  urn: s.urn,
  type: s.type,
  phase: s.phase,
  localAuthority: s.localAuthority,
  headteacher: contactForm(s.headteacher),
  senco: contactForm(s.senco),
  finance: contactForm(s.finance),
  termCalendarId: s.termCalendarId ?? '',
});

const emailShape = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function contact(form: ContactForm, role: ContactRole): Read<NewSchool['headteacher']> {
  const name = form.name.trim();
  const email = form.email.trim();
  const phone = form.phone.trim();
  if (!name) return { ok: false, message: `${contactLabels[role]}: enter a name.` };
  if (!emailShape.test(email)) return { ok: false, message: `${contactLabels[role]}: enter an e-mail address such as name@school.org.` };
  return { ok: true, value: phone ? { name, email, phone } : { name, email } };
}

export function newSchool(form: SchoolForm): Read<NewSchool> {
  const name = form.name.trim();
  const urn = form.urn.trim();
  const localAuthority = form.localAuthority.trim();
  if (!name) return { ok: false, message: 'Name: enter the school\'s name.' };
  if (!/^\d{6,7}$/.test(urn)) return { ok: false, message: 'URN: the school\'s six- or seven-digit unique reference number.' };
  if (!localAuthority) return { ok: false, message: 'Local authority: enter the authority the school is in.' };
  const headteacher = contact(form.headteacher, 'headteacher');
  if (!headteacher.ok) return headteacher;
  const senco = contact(form.senco, 'senco');
  if (!senco.ok) return senco;
  const finance = contact(form.finance, 'finance');
  if (!finance.ok) return finance;
  return {
    ok: true,
    value: { name, urn, type: form.type, phase: form.phase, localAuthority, headteacher: headteacher.value, senco: senco.value, finance: finance.value, ...(form.termCalendarId ? { termCalendarId: form.termCalendarId } : {}) },
  };
}

export function schoolChange(form: SchoolForm, etag: string): Read<SchoolChange> {
  const read = newSchool(form);
  return read.ok ? { ok: true, value: { ...read.value, etag } } : read;
}
