import { workflowError } from '../errors';
import type { Child } from '../model/child';
import type { BodyOf, CaseRecord } from '../model/records';
import type { School } from '../model/school';
import { fail, ok, type Result } from '../result';
import { readableDateTime } from '../calendar/showDates';

export const CHECK_OUT_GRACE_MINUTES = 30;
/** A lone visit is planned to end within this many hours of the check-in. */
export const MAX_VISIT_HOURS = 12;

export type VisitPlace = NonNullable<BodyOf<'lone-working'>['where']>;

/** A place the check-in offers: its id (the form's choice value), what it says, and where it is. */
export interface PlaceOnFile {
  id: string;
  label: string;
  where: VisitPlace;
}

/** The choice for an address typed in at check-in. */
export const ELSEWHERE = 'elsewhere';

/**
 * Where a lone visit may be, from what is on file: each parent/carer's address (the Children
 * list), or, when none has one, the school. Labels name the relationship, never a person.
 */
export function placesOnFile(child: Pick<Child, 'parents'> | undefined, school: Pick<School, 'name'> | undefined): PlaceOnFile[] {
  const homes: PlaceOnFile[] = [];
  (child?.parents ?? []).forEach((parent, i) => {
    const address = parent.address?.trim();
    if (!address || homes.some((h) => h.where.address === address)) return;
    homes.push({ id: `home-${i + 1}`, label: `Home (${parent.relationship}): ${address}`, where: { kind: 'home', address } });
  });
  if (homes.length > 0) return homes;
  return school ? [{ id: 'school', label: `The school: ${school.name}`, where: { kind: 'school', address: school.name } }] : [];
}

/** The place chosen at check-in: one on file by its id, or the address typed for "somewhere else". */
export function chosenPlace(places: PlaceOnFile[], place: string, typed: string | undefined): Result<VisitPlace> {
  if (place === ELSEWHERE) {
    const address = typed?.trim();
    return address ? ok({ kind: 'elsewhere', address }) : fail(workflowError('ValidationFailed', 'Give the address of the visit when it is somewhere else.', { field: 'address', rule: 'Lone working' }));
  }
  const found = places.find((p) => p.id === place);
  return found ? ok(found.where) : fail(workflowError('ValidationFailed', 'Choose where the visit is: an address on file, or somewhere else.', { field: 'place', rule: 'Lone working' }));
}

/** Rule "Lone working": the planned end is after now and the start, and within 12 hours of the start. */
export function plannedEndRule(plannedStart: string, plannedEnd: string, now: Date): Result<void> {
  const end = Date.parse(plannedEnd);
  if (end <= now.getTime()) {
    return fail(workflowError('ValidationFailed', `The planned end (${readableDateTime(plannedEnd)}) has passed: give a time after ${readableDateTime(now.toISOString())}.`, { field: 'plannedEnd', rule: 'Lone working' }));
  }
  if (end - Date.parse(plannedStart) > MAX_VISIT_HOURS * 3_600_000) {
    return fail(workflowError('ValidationFailed', `The planned end (${readableDateTime(plannedEnd)}) is more than ${MAX_VISIT_HOURS} hours after the start: give the time the visit should end.`, { field: 'plannedEnd', rule: 'Lone working' }));
  }
  return ok(undefined);
}

/** "the parent/carer's home, 12 Elm Road" / "the school, Harbour Primary" / "12 Elm Road (typed at check-in)". */
export function describePlace(where: VisitPlace | undefined): string {
  if (!where) return 'not given (an older check-in)';
  if (where.kind === 'home') return `the parent/carer's home, ${where.address}`;
  if (where.kind === 'school') return `the school, ${where.address}`;
  return where.address;
}

export interface MissedCheckOut {
  record: CaseRecord;
  plannedEnd: string;
  minutesOverdue: number;
}

/**
 * Rule "Lone working": a home visit has a check-in and a check-out; no check-out within 30
 * minutes of the planned end alerts the manager (once: visits already alerted are left out).
 */
export function missedCheckOuts(records: CaseRecord[], now: Date, graceMinutes = CHECK_OUT_GRACE_MINUTES): MissedCheckOut[] {
  const missed: MissedCheckOut[] = [];
  for (const record of records) {
    const body = record.body;
    if (body.kind !== 'lone-working' || body.checkedOutAt || body.managerAlertedAt) continue;
    const minutesOverdue = (now.getTime() - Date.parse(body.plannedEnd)) / 60_000;
    if (minutesOverdue > graceMinutes) missed.push({ record, plannedEnd: body.plannedEnd, minutesOverdue: Math.floor(minutesOverdue) });
  }
  return missed;
}
