import { DateTime } from 'luxon';
import { workflowError } from '../errors';
import type { Case } from '../model/case';
import { plausibleFacts } from '../model/common';
import type { RecordBody } from '../model/records';
import { fail, ok, type Result } from '../result';
import { readableDate } from '../calendar';

export const YOUNGEST_AT_REFERRAL = 2;
export const OLDEST_AT_REFERRAL = 19;

/** Rule "Plausible facts": a child is 2 to 19 (in whole years) on the day of the referral. */
export function ageAtReferralRule(dateOfBirth: string, referralDate: string): Result<void> {
  const age = Math.floor(DateTime.fromISO(referralDate).diff(DateTime.fromISO(dateOfBirth), 'years').years);
  if (age >= YOUNGEST_AT_REFERRAL && age <= OLDEST_AT_REFERRAL) return ok(undefined);
  return fail(
    workflowError('ValidationFailed', `Date of birth: the child would be ${age} at referral (${readableDate(referralDate)}); a referred child is ${YOUNGEST_AT_REFERRAL} to ${OLDEST_AT_REFERRAL}.`, {
      rule: plausibleFacts,
      field: 'child.dateOfBirth',
    }),
  );
}

/** The date a record says something was held, delivered, observed, returned or worked, with the field it is in. */
function dateOfEvent(body: RecordBody): { field: string; on: string } | undefined {
  switch (body.kind) {
    case 'meeting':
    case 'home-visit':
    case 'review':
      return { field: 'heldOn', on: body.heldOn };
    case 'support-session':
      return { field: 'deliveredOn', on: body.deliveredOn };
    case 'observation':
      return { field: 'observedOn', on: body.observedOn };
    case 'information-returned':
      return { field: 'returnedOn', on: body.returnedOn };
    case 'time':
      return { field: 'on', on: body.on };
    default:
      return undefined;
  }
}

/**
 * Rule "Plausible facts": what was held or delivered (and time worked) is dated within the
 * case's life: not before the referral, not after today (`today` from the Clock), not after the
 * case closed.
 */
export function recordDateRule(c: Case, body: RecordBody, today: string): Result<void> {
  const event = dateOfEvent(body);
  if (!event) return ok(undefined);
  const refuse = (why: string) => fail(workflowError('ValidationFailed', `${fieldName(event.field)}: ${readableDate(event.on)} ${why}.`, { rule: plausibleFacts, field: event.field }));
  if (event.on > today) return refuse(`is in the future (today is ${readableDate(today)})`);
  if (event.on < c.referralDate) return refuse(`is before the referral (${readableDate(c.referralDate)})`);
  if (c.closure && event.on > c.closure.on) return refuse(`is after the case closed (${readableDate(c.closure.on)})`);
  return ok(undefined);
}

const fieldNames: Record<string, string> = { heldOn: 'Date held', deliveredOn: 'Date delivered', observedOn: 'Date observed', returnedOn: 'Date returned', on: 'Date' };
const fieldName = (field: string): string => fieldNames[field] ?? field;
