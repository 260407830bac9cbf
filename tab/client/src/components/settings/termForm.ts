/** The term calendar form: each half-term's dates and the closure days as typed, and the calendar they make. */
import type { TermCalendarChange, TermCalendarSetting } from '../../../../contract/settings';
import type { Read } from './numbers';

type HalfTerm = TermCalendarSetting['halfTerms'][number];

export interface TermForm {
  name: string;
  halfTerms: HalfTerm[];
  closures: string[];
}

export const termFormOf = (c: TermCalendarSetting): TermForm => ({ name: c.name, halfTerms: c.halfTerms.map((h) => ({ ...h })), closures: [...c.closures] });

const termNames = { autumn: 'Autumn', spring: 'Spring', summer: 'Summer' } as const;
/** "2026-27 Autumn 1". */
export const halfTermLabel = (h: Pick<HalfTerm, 'academicYear' | 'term' | 'half'>): string => `${h.academicYear} ${termNames[h.term]} ${h.half}`;

export const withHalfTermDate = (form: TermForm, index: number, field: 'start' | 'end', value: string): TermForm => ({
  ...form,
  halfTerms: form.halfTerms.map((h, i) => (i === index ? { ...h, [field]: value } : h)),
});

/** A real calendar day written yyyy-mm-dd (not 2027-02-30). */
export function isDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

export function termCalendarChange(form: TermForm, etag: string): Read<TermCalendarChange> {
  const name = form.name.trim();
  if (!name) return { ok: false, message: 'Name: enter the calendar\'s name.' };
  for (const h of form.halfTerms) {
    const label = halfTermLabel(h);
    if (!isDay(h.start)) return { ok: false, message: `${label}: enter the first day.` };
    if (!isDay(h.end)) return { ok: false, message: `${label}: enter the last day.` };
    if (h.end < h.start) return { ok: false, message: `${label}: the last day (${h.end}) is before the first (${h.start}).` };
  }
  const byStart = [...form.halfTerms].sort((a, b) => a.start.localeCompare(b.start));
  for (let i = 1; i < byStart.length; i++) {
    const before = byStart[i - 1];
    const after = byStart[i];
    if (before && after && after.start <= before.end) return { ok: false, message: `${halfTermLabel(after)} starts (${after.start}) before ${halfTermLabel(before)} ends (${before.end}).` };
  }
  const closures = [...new Set(form.closures.map((c) => c.trim()).filter(Boolean))].sort();
  const badClosure = closures.find((c) => !isDay(c));
  if (badClosure) return { ok: false, message: `Closure "${badClosure}": enter a date.` };
  return { ok: true, value: { name, halfTerms: form.halfTerms, closures, etag } };
}
