import { DateTime } from 'luxon';
import { CHECK_OUT_GRACE_MINUTES, IsoDate, plausibleFacts, WallClockTime, checkIn, fail, londonInstant, workflowError, type RecordAdded, type Result } from '../../../workflow';
import { showInstant, todayIn } from '../format';
import { recordedBy } from '../recordedBy';
import fieldsTemplate from '../templates/checkInForm.json';
import { expandFragment } from '../template';
import { caseFormVerbs } from './caseForm';
import { text, type FormValues } from './formValues';
import { bodyOf } from './recordOutcome';

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

/** The time now in UK time, rounded down to 5 minutes, as HH:mm; and an hour later. */
function suggestedTimes(now: Date): { startTime: string; endTime: string } {
  const local = DateTime.fromJSDate(now).setZone(zone);
  const start = local.set({ minute: local.minute - (local.minute % 5), second: 0, millisecond: 0 });
  const end = start.plus({ hours: 1 });
  return { startTime: start.toFormat('HH:mm'), endTime: end.hasSame(start, 'day') ? end.toFormat('HH:mm') : '23:55' };
}

/** The inputs the planned times come from, so a refusal names what the person typed. */
const fieldLabels: Record<string, { label: string; missing: string }> = {
  plannedStart: { label: 'Planned start time', missing: 'Give the date of the visit and the planned start time.' },
  plannedEnd: { label: 'Planned end time', missing: 'Give the planned end time.' },
};

function inFormTerms(result: Result<RecordAdded>, values: Record<string, unknown>): Result<RecordAdded> {
  if (result.ok || result.error.code !== 'ValidationFailed' || !result.error.field) return result;
  const named = fieldLabels[result.error.field];
  if (!named) return result;
  if (values[result.error.field] === undefined) return fail(workflowError('ValidationFailed', named.missing, { field: named.label }));
  if (result.error.message.includes('after the start')) return fail(workflowError('ValidationFailed', 'The planned end time must be after the start time.', { field: named.label }));
  return fail(workflowError('ValidationFailed', `${named.label}: give the date as YYYY-MM-DD and the time as HH:MM, e.g. 10:30.`, { field: named.label, rule: plausibleFacts }));
}

/** Rule "Lone working": check in as a home visit starts, with its planned start and end. */
export const checkInVerbs = caseFormVerbs<RecordAdded>({
  name: 'check-in',
  anyStep: true,
  title: 'Check in to a home visit',
  submitTitle: 'Check in',
  defaults: (ctx) => ({ visitDate: todayIn(ctx.deps.clock.now()), ...suggestedTimes(ctx.deps.clock.now()) }),
  fields: (_ctx, _view, values) => expandFragment<unknown[]>(fieldsTemplate, { values, graceMinutes: CHECK_OUT_GRACE_MINUTES }),
  toInput: (v: FormValues) => ({
    plannedStart: plannedInstant(text(v, 'visitDate'), text(v, 'startTime')),
    plannedEnd: plannedInstant(text(v, 'visitDate'), text(v, 'endTime')),
  }),
  run: async (ctx, input) => inFormTerms(await checkIn(ctx.deps, ctx.actor, input), input),
  recorded: async (ctx, added) => {
    const b = bodyOf(added, 'lone-working');
    const alertAt = b ? DateTime.fromISO(b.plannedEnd).plus({ minutes: CHECK_OUT_GRACE_MINUTES }).toISO() ?? undefined : undefined;
    return {
      headline: 'Checked in to the home visit',
      tone: 'good',
      detail:
        `Check out from the case card when you are safely away. If there is no check-out within ${CHECK_OUT_GRACE_MINUTES} minutes of the planned end` +
        `${alertAt ? ` (by ${showInstant(alertAt)})` : ''}, the manager is alerted.`,
      facts: [
        { title: 'Planned start', value: showInstant(b?.plannedStart) },
        { title: 'Planned end', value: showInstant(b?.plannedEnd) },
        { title: 'Manager alerted if no check-out by', value: showInstant(alertAt) },
      ],
      by: await recordedBy(ctx, added.record.createdBy, b?.checkedInAt ?? added.record.createdAt, 'Checked in'),
    };
  },
});
