import {
  bookMeeting,
  cancelMeeting,
  londonInstant,
  MeetingKind,
  moveMeeting,
  proposeMeeting,
  readableTime,
  viewCase,
  viewCaseAgain,
  withJoinLink,
  type CaseView,
  type Meeting,
  type MeetingProposal,
  type Result,
  type WorkflowError,
} from '../../../workflow';
import type { CardContext, CardResponse } from '../card';
import { headingOf } from '../caseHeading';
import { refusal, refusalOutcome } from '../forms/caseForm';
import { openVerb, submitVerb, viewVerbs } from '../forms/formNames';
import { lines, text, type FormValues } from '../forms/formValues';
import { outcomeCard } from '../outcomes';
import { staffNames } from '../staffNames';
import { caseCard } from '../views/caseCard';
import { meetingCard } from '../views/meetingCard';
import { cancelMeetingCard, meetingKindCard } from '../views/meetingChoiceCards';
import { meetingsAhead } from '../views/meetingLines';
import { slotCard, type SlotChoice } from '../views/slotCard';
import type { CardVerb } from './cardVerb';

type Problem = Pick<WorkflowError, 'message' | 'rule' | 'field'>;

/** Errors after which showing the card again would not help. */
const finalErrors = new Set<WorkflowError['code']>(['NotYourCase', 'RoleRequired', 'NotFound', 'CaseClosed', 'NotOnStaffList']);

const newKey = (ctx: CardContext): string => ctx.deps.ids.randomCode(16);

/** `meeting-book.open`: with a kind, its free times; without, which meeting first. One standing ahead is shown instead. */
async function openBooking(ctx: CardContext, values: FormValues): Promise<CardResponse> {
  const caseId = values.caseId ?? '';
  const kind = MeetingKind.safeParse(values.kind);
  // The proposal is asked for beside the case view, so their reads travel together.
  const [view, proposal] = await Promise.all([viewCase(ctx.deps, ctx.actor, { caseId }), kind.success ? proposeMeeting(ctx.deps, ctx.actor, { caseId, kind: kind.data }) : undefined]);
  if (!view.ok) return { card: refusal(view.error) };
  if (!kind.success) return { card: meetingKindCard(view.value) };
  const ahead = meetingsAhead(view.value, ctx.deps.clock.now()).find((m) => m.kind === kind.data);
  if (ahead) return { card: meetingCard(view.value, ahead, { note: 'This meeting is already booked: reschedule or cancel it here.' }) };
  return { card: await slotCardFor(ctx, view.value, kind.data, newKey(ctx), { ...(proposal ? { proposal } : {}) }) };
}

interface SlotCardOptions {
  problem?: Problem;
  moving?: Meeting;
  /** The proposal, when the caller asked for it already (beside its own reads). */
  proposal?: Result<MeetingProposal>;
}

/** The slot card for a kind, from a fresh proposal; a proposal refused (nothing free at all) still offers another time. */
async function slotCardFor(ctx: CardContext, view: CaseView, kind: MeetingKind, requestKey: string, options: SlotCardOptions = {}) {
  const proposal = options.proposal ?? (await proposeMeeting(ctx.deps, ctx.actor, { caseId: view.case.id, kind }));
  const heading = headingOf(view);
  if (!proposal.ok && finalErrors.has(proposal.error.code)) return outcomeCard(refusalOutcome(proposal.error), heading);
  const base: SlotChoice = { caseId: view.case.id, kind, childId: view.case.childId, slots: [], requestKey, now: ctx.deps.clock.now(), ...(options.moving ? { moving: options.moving } : {}) };
  const choice: SlotChoice = proposal.ok
    ? {
        ...base,
        childId: proposal.value.childId,
        slots: proposal.value.slots.map((s) => ({ start: s.start.toISOString(), end: s.end.toISOString() })),
        minutes: proposal.value.minutes,
        invited: proposal.value.parties.invited,
        phone: proposal.value.parties.phone,
        ...(proposal.value.nextWindow ? { fullWindow: proposal.value.window } : {}),
      }
    : base;
  const problem = options.problem ?? (proposal.ok ? undefined : proposal.error);
  return slotCard(choice, heading, problem);
}

/** The time a slot button carries, or the one typed under "Another time" (a London date and time). */
function chosenTime(values: FormValues): { start: string; end?: string } | { problem: Problem } {
  const start = text(values, 'start');
  if (start) return { start, ...(text(values, 'end') ? { end: text(values, 'end') } : {}) };
  const day = text(values, 'onDate');
  const time = text(values, 'atTime')?.slice(0, 5);
  if (!day || !time) return { problem: { message: 'Give the date and the start time of the meeting.', field: day ? 'atTime' : 'onDate' } };
  try {
    return { start: londonInstant(day, time).toISOString() };
  } catch {
    return { problem: { message: `"${day} ${time}" is not a date and time: give the date and the start time again.`, field: 'onDate' } };
  }
}

/** The action's own result beside the case view the answer shows (read together), then the view as it stands after. */
async function withView<T>(ctx: CardContext, caseId: string, run: () => Promise<Result<T>>): Promise<{ result: Result<T>; view: Result<CaseView> }> {
  const [result, before] = await Promise.all([run(), viewCase(ctx.deps, ctx.actor, { caseId })]);
  const view = before.ok ? await viewCaseAgain(ctx.deps, ctx.actor, caseId) : before;
  return { result, view };
}

/** "Already booked at 10:31 by you": a repeat (double click, retry) is a confirmation, not an error. */
async function alreadyLine(ctx: CardContext, what: string, meeting: Meeting): Promise<string> {
  const who = meeting.updatedBy === ctx.actor.userId ? 'you' : (await staffNames(ctx))(meeting.updatedBy);
  return `Already ${what} at ${readableTime(meeting.updatedAt)} by ${who}`;
}

const sameClick = 'This was the same click again, so nothing was booked twice.';

/** `meeting-book.submit`: books the time chosen; a repeat answers what was booked; a refused time shows the times again, naming the problem. */
async function submitBooking(ctx: CardContext, values: FormValues): Promise<CardResponse> {
  const caseId = values.caseId ?? '';
  const requestKey = values.requestKey ?? '';
  const kind = MeetingKind.safeParse(values.kind);
  if (!kind.success) return openBooking(ctx, { caseId });
  const time = chosenTime(values);
  if ('problem' in time) {
    const view = await viewCase(ctx.deps, ctx.actor, { caseId });
    return { card: view.ok ? await slotCardFor(ctx, view.value, kind.data, requestKey, { problem: time.problem }) : refusal(view.error) };
  }
  const { result, view } = await withView(ctx, caseId, () =>
    bookMeeting(ctx.deps, ctx.actor, { caseId, requestKey, kind: kind.data, ...time, ...(values.childId ? { childId: values.childId } : {}), alsoInvite: lines(values, 'alsoInvite') }),
  );
  if (!view.ok) return { card: refusal(result.ok ? view.error : result.error) };
  if (result.ok) {
    const { meeting, phone, repeated } = result.value;
    if (repeated) return { card: meetingCard(view.value, meeting, { phone, headline: await alreadyLine(ctx, 'booked', meeting), note: sameClick }) };
    return { card: meetingCard(view.value, meeting, { phone }), followUp: await caseCard(ctx, view.value) };
  }
  if (finalErrors.has(result.error.code)) return { card: outcomeCard(refusalOutcome(result.error), headingOf(view.value)) };
  if (result.error.code === 'AlreadyDone') {
    const ahead = meetingsAhead(view.value, ctx.deps.clock.now()).find((m) => m.kind === kind.data);
    if (ahead) return { card: meetingCard(view.value, ahead, { note: 'This meeting is already booked: reschedule or cancel it here.' }) };
  }
  return { card: await slotCardFor(ctx, view.value, kind.data, requestKey, { problem: result.error }) };
}

/** The meeting of the case named by the card's data, or the card that says why not. */
function meetingOf(view: CaseView, meetingId: string | undefined): Result<CaseView['meetings'][number]> {
  const found = view.meetings.find((m) => m.id === meetingId);
  return found
    ? { ok: true, value: found }
    : { ok: false, error: { code: 'NotFound', message: 'That meeting was not found on this case: open the case for its meetings.', field: 'meetingId' } };
}

/** `meeting.view`: the meeting as it stands; a Teams link still pending is read again. */
async function viewMeeting(ctx: CardContext, values: FormValues): Promise<CardResponse> {
  const view = await viewCase(ctx.deps, ctx.actor, { caseId: values.caseId ?? '' });
  if (!view.ok) return { card: refusal(view.error) };
  const meeting = meetingOf(view.value, values.meetingId);
  if (!meeting.ok) return { card: outcomeCard(refusalOutcome(meeting.error), headingOf(view.value)) };
  return { card: meetingCard(view.value, await withJoinLink(ctx.deps, meeting.value)) };
}

/** `meeting-move.open`: free times for the same meeting; one no longer standing is shown as it is. */
async function openMove(ctx: CardContext, values: FormValues): Promise<CardResponse> {
  const caseId = values.caseId ?? '';
  // The button carries the meeting's kind, so its times are asked for beside the case view (checked against the meeting below).
  const hinted = MeetingKind.safeParse(values.kind);
  const [view, proposal] = await Promise.all([viewCase(ctx.deps, ctx.actor, { caseId }), hinted.success ? proposeMeeting(ctx.deps, ctx.actor, { caseId, kind: hinted.data }) : undefined]);
  if (!view.ok) return { card: refusal(view.error) };
  const meeting = meetingOf(view.value, values.meetingId);
  if (!meeting.ok) return { card: outcomeCard(refusalOutcome(meeting.error), headingOf(view.value)) };
  if (meeting.value.status !== 'booked' && meeting.value.status !== 'moved') return { card: meetingCard(view.value, meeting.value, { note: 'It can no longer be moved.' }) };
  const sameKind = proposal && hinted.success && hinted.data === meeting.value.kind ? { proposal } : {};
  return { card: await slotCardFor(ctx, view.value, meeting.value.kind, newKey(ctx), { moving: meeting.value, ...sameKind }) };
}

/** `meeting-move.submit`: the same event at the time chosen. */
async function submitMove(ctx: CardContext, values: FormValues): Promise<CardResponse> {
  const caseId = values.caseId ?? '';
  const meetingId = values.meetingId ?? '';
  const requestKey = values.requestKey ?? '';
  const time = chosenTime(values);
  const { result, view } = await withView(ctx, caseId, async () =>
    'problem' in time ? { ok: false as const, error: { code: 'ValidationFailed' as const, ...time.problem } } : moveMeeting(ctx.deps, ctx.actor, { caseId, meetingId, requestKey, ...time }),
  );
  if (!view.ok) return { card: refusal(result.ok ? view.error : result.error) };
  if (result.ok) {
    const { meeting, repeated } = result.value;
    if (repeated) return { card: meetingCard(view.value, meeting, { headline: await alreadyLine(ctx, 'moved', meeting), note: 'This was the same click again, so it was moved once.' }) };
    return { card: meetingCard(view.value, meeting), followUp: await caseCard(ctx, view.value) };
  }
  const meeting = meetingOf(view.value, meetingId);
  if (finalErrors.has(result.error.code) || !meeting.ok) return { card: outcomeCard(refusalOutcome(result.error), headingOf(view.value)) };
  if (meeting.value.status !== 'booked' && meeting.value.status !== 'moved') return { card: meetingCard(view.value, meeting.value, { note: result.error.message }) };
  return { card: await slotCardFor(ctx, view.value, meeting.value.kind, requestKey, { problem: result.error, moving: meeting.value }) };
}

/** `meeting-cancel.open`: the reason to send with the cancellation. */
async function openCancel(ctx: CardContext, values: FormValues): Promise<CardResponse> {
  const view = await viewCase(ctx.deps, ctx.actor, { caseId: values.caseId ?? '' });
  if (!view.ok) return { card: refusal(view.error) };
  const meeting = meetingOf(view.value, values.meetingId);
  if (!meeting.ok) return { card: outcomeCard(refusalOutcome(meeting.error), headingOf(view.value)) };
  if (meeting.value.status !== 'booked' && meeting.value.status !== 'moved') return { card: meetingCard(view.value, meeting.value) };
  return { card: cancelMeetingCard(view.value, meeting.value, newKey(ctx)) };
}

/** `meeting-cancel.submit`: Outlook's cancellation with the reason; a repeat answers that it is cancelled. */
async function submitCancel(ctx: CardContext, values: FormValues): Promise<CardResponse> {
  const caseId = values.caseId ?? '';
  const meetingId = values.meetingId ?? '';
  const requestKey = values.requestKey ?? '';
  const reason = text(values, 'reason');
  const { result, view } = await withView(ctx, caseId, () => cancelMeeting(ctx.deps, ctx.actor, { caseId, meetingId, requestKey, reason }));
  if (!view.ok) return { card: refusal(result.ok ? view.error : result.error) };
  if (result.ok) {
    const { meeting, repeated } = result.value;
    if (repeated) return { card: meetingCard(view.value, meeting, { headline: await alreadyLine(ctx, 'cancelled', meeting) }) };
    return { card: meetingCard(view.value, meeting), followUp: await caseCard(ctx, view.value) };
  }
  const meeting = meetingOf(view.value, meetingId);
  if (finalErrors.has(result.error.code) || !meeting.ok) return { card: outcomeCard(refusalOutcome(result.error), headingOf(view.value)) };
  return { card: cancelMeetingCard(view.value, meeting.value, requestKey, values.reason ?? '', result.error) };
}

/** Booking, viewing, moving and cancelling a case's meetings (issue 13). */
export const meetingVerbs: CardVerb[] = [
  { verb: openVerb('meeting-book'), handle: openBooking },
  { verb: submitVerb('meeting-book'), handle: submitBooking },
  { verb: viewVerbs.viewMeeting, handle: viewMeeting },
  { verb: openVerb('meeting-move'), handle: openMove },
  { verb: submitVerb('meeting-move'), handle: submitMove },
  { verb: openVerb('meeting-cancel'), handle: openCancel },
  { verb: submitVerb('meeting-cancel'), handle: submitCancel },
];
