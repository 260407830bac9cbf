import { DateTime } from 'luxon';
import {
  CHECK_OUT_GRACE_MINUTES,
  ELSEWHERE,
  IsoDate,
  MAX_VISIT_HOURS,
  WallClockTime,
  checkIn,
  describePlace,
  fail,
  londonInstant,
  placesOnFile,
  plausibleFacts,
  readableTime,
  viewCase,
  workflowError,
  type CaseRecord,
  type CaseView,
  type RecordAdded,
  type Result,
  type Versioned,
} from '../../../workflow';
import type { AdaptiveCardJson, CardContext } from '../card';
import { headingOf } from '../caseHeading';
import { composeCard, outcomeBlock, type Outcome } from '../outcomes';
import { showInstant } from '../format';
import { recordedBy } from '../recordedBy';
import fieldsTemplate from '../templates/checkInForm.json';
import { expandFragment } from '../template';
import { caseFormVerbs } from './caseForm';
import { submitVerb } from './formNames';
import { text, type FormValues } from './formValues';

const zone = 'Europe/London';

/**
 * A date (YYYY-MM-DD) and a time (HH:mm) typed in UK time as an ISO instant (UTC), or undefined
 * when either is missing. Something unreadable is passed on as typed, so the use case refuses it.
 */
export function plannedInstant(date: string | undefined, time: string | undefined): string | undefined {
  if (!date || !time) return undefined;
  // Teams may send HH:mm:ss; anything more (`10:00; DROP`) is passed on as typed and refused.
  const hhmm = /^\d{2}:\d{2}(:\d{2})?$/.test(time) ? time.slice(0, 5) : time;
  if (!IsoDate.safeParse(date).success || !WallClockTime.safeParse(hhmm).success) return `${date}T${time}`;
  return londonInstant(date, hhmm).toISOString().replace('.000Z', 'Z');
}

/**
 * The planned end typed as a UK time (HH:mm): today's, or tomorrow's when today's has passed and
 * tomorrow's is within the 12 hours a visit may last (a visit running past midnight). A time
 * that has passed stays today's, so the rule says it has passed.
 */
export function plannedEndAfter(now: Date, time: string | undefined): string | undefined {
  const today = DateTime.fromJSDate(now).setZone(zone);
  const todays = plannedInstant(today.toISODate() ?? '', time);
  if (!todays || !todays.endsWith('Z') || Date.parse(todays) > now.getTime()) return todays;
  const tomorrows = plannedInstant(today.plus({ days: 1 }).toISODate() ?? '', time);
  return tomorrows && Date.parse(tomorrows) - now.getTime() <= MAX_VISIT_HOURS * 3_600_000 ? tomorrows : todays;
}

/** An hour from now in UK time, rounded down to 5 minutes, as HH:mm. */
function anHourFromNow(now: Date): string {
  const local = DateTime.fromJSDate(now).setZone(zone).plus({ hours: 1 });
  return local.set({ minute: local.minute - (local.minute % 5) }).toFormat('HH:mm');
}

/** The choices of where the visit is: the addresses on file (or the school), then somewhere else. */
function placeChoices(view: CaseView): { title: string; value: string }[] {
  return [...placesOnFile(view.child, view.school).map((p) => ({ title: p.label, value: p.id })), { title: 'Somewhere else (type the address below)', value: ELSEWHERE }];
}

/** The inputs, so a refusal names what the person typed or chose. */
const fieldLabels: Record<string, { label: string; missing: string }> = {
  plannedEnd: { label: 'Planned end time', missing: 'Give the planned end time.' },
  place: { label: 'Where is the visit?', missing: 'Give the place of the visit: an address on file, or somewhere else with its address.' },
  address: { label: 'The address, if somewhere else', missing: 'Give the address of the visit when it is somewhere else.' },
};

function inFormTerms(result: Result<RecordAdded>, values: Record<string, unknown>): Result<RecordAdded> {
  if (result.ok || result.error.code !== 'ValidationFailed' || !result.error.field) return result;
  const named = fieldLabels[result.error.field];
  if (!named) return result;
  const { rule } = result.error;
  if (values[result.error.field] === undefined || values[result.error.field] === '') return fail(workflowError('ValidationFailed', named.missing, { field: named.label }));
  if (rule === 'Lone working') return fail(workflowError('ValidationFailed', result.error.message, { field: named.label, rule }));
  if (result.error.field !== 'plannedEnd') return fail(workflowError('ValidationFailed', result.error.message, { field: named.label }));
  return fail(workflowError('ValidationFailed', `${named.label}: give the time as HH:MM, e.g. 10:30.`, { field: named.label, rule: plausibleFacts }));
}

/**
 * Rule "Lone working": check in as a home visit starts, saying where it is and when it should end;
 * the answer carries the one-click check-out.
 */
export const checkInVerbs = caseFormVerbs<RecordAdded>({
  name: 'check-in',
  anyStep: true,
  title: 'Check in to a home visit',
  submitTitle: 'Check in',
  defaults: (ctx, view) => ({ place: placeChoices(view)[0]?.value ?? ELSEWHERE, address: '', endTime: anHourFromNow(ctx.deps.clock.now()) }),
  fields: (_ctx, view, values) => expandFragment<unknown[]>(fieldsTemplate, { values, places: placeChoices(view), graceMinutes: CHECK_OUT_GRACE_MINUTES, maxHours: MAX_VISIT_HOURS }),
  toInput: (v: FormValues) => ({ place: text(v, 'place'), address: text(v, 'address'), endTime: text(v, 'endTime') }),
  run: async (ctx, { endTime, ...input }) => {
    const plannedEnd = plannedEndAfter(ctx.deps.clock.now(), typeof endTime === 'string' ? endTime : undefined);
    const withEnd = { ...input, plannedEnd };
    return inFormTerms(await checkIn(ctx.deps, ctx.actor, withEnd), withEnd);
  },
  recorded: (ctx, added) => checkedInOutcome(ctx, added.record),
  actions: (added) => checkOutButton(added.record),
  // Kept and redrawn: once the visit is checked out (here or from the case card), its button goes.
  live: (added) => visitSubject(added.record.id),
});

/** What a check-in's card shows, kept so it can be redrawn when the visit is checked out. */
export const visitSubject = (recordId: string): string => `visit:${recordId}`;

/** One click from the check-in: the check-out itself, carrying the visit (a second click answers the first). */
function checkOutButton(record: Versioned<CaseRecord>): unknown[] {
  if (record.body.kind !== 'lone-working' || record.body.checkedOutAt) return [];
  return [{ type: 'Action.Execute', title: 'Check out: I am safely away', verb: submitVerb('check-out'), data: { caseId: record.caseId, recordId: record.id }, style: 'positive' }];
}

async function checkedInOutcome(ctx: CardContext, record: Versioned<CaseRecord>): Promise<Outcome> {
  const b = record.body.kind === 'lone-working' ? record.body : undefined;
  const alertAt = b ? DateTime.fromISO(b.plannedEnd).plus({ minutes: CHECK_OUT_GRACE_MINUTES }).toISO() ?? undefined : undefined;
  const pending =
    `Check out with the button below when you are safely away. If there is no check-out within ${CHECK_OUT_GRACE_MINUTES} minutes of the planned end` +
    `${alertAt ? ` (by ${showInstant(alertAt)})` : ''}, the manager is alerted.`;
  return {
    headline: 'Checked in to the home visit',
    tone: 'good',
    detail: b?.checkedOutAt ? `Checked out at ${readableTime(b.checkedOutAt)}: safe.` : pending,
    facts: [
      { title: 'Where', value: b?.where ? describePlace(b.where) : '' },
      { title: 'Checked in', value: showInstant(b?.checkedInAt) },
      { title: 'Planned end', value: showInstant(b?.plannedEnd) },
      { title: b?.checkedOutAt ? 'Checked out' : 'Manager alerted if no check-out by', value: showInstant(b?.checkedOutAt ?? alertAt) },
    ],
    by: await recordedBy(ctx, record.createdBy, b?.checkedInAt ?? record.createdAt, 'Checked in'),
  };
}

/** The check-in's card as it stands now (redrawn after the check-out), or undefined when it cannot be shown to this person. */
export async function visitCardFor(ctx: CardContext, recordId: string): Promise<AdaptiveCardJson | undefined> {
  const record = await ctx.deps.stores.records.get(recordId);
  if (!record || record.body.kind !== 'lone-working') return undefined;
  const view = await viewCase(ctx.deps, ctx.actor, { caseId: record.caseId });
  if (!view.ok) return undefined;
  return composeCard({ heading: headingOf(view.value), body: [outcomeBlock(await checkedInOutcome(ctx, record))], actions: checkOutButton(record) });
}
