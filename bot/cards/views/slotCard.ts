import { readableDate, readableTime, type Meeting, type MeetingAttendee, type MeetingKind, type PhoneContact, type WorkflowError } from '../../../workflow';
import type { AdaptiveCardJson } from '../card';
import type { CaseHeading } from '../caseHeader';
import { todayIn } from '../format';
import { submitVerb, viewVerbs } from '../forms/formNames';
import { composeCard } from '../outcomes';
import { attendeeLine, meetingTimes, phoneLine, theMeeting } from './meetingLines';

/** Meetings with the parents: school staff are never invited to them. */
const parentKinds: ReadonlySet<MeetingKind> = new Set(['home-visit', 'parent-call']);

/** What the slot card offers: the times proposed, and who the booking invites or leaves to phone. */
export interface SlotChoice {
  caseId: string;
  kind: MeetingKind;
  childId?: string;
  /** ISO instants, earliest first (at most three). */
  slots: { start: string; end: string }[];
  /** The window the process wanted, when nothing was free in it (the slots are from the next one). */
  fullWindow?: { from: string; to: string };
  minutes?: number;
  invited?: MeetingAttendee[];
  phone?: PhoneContact[];
  /** One key for every button of the card as drawn: whichever is pressed, and however often, books once. */
  requestKey: string;
  /** The meeting being moved (its buttons move it rather than book another). */
  moving?: Meeting;
  /** The London date of "now", for the date input's lower bound. */
  now: Date;
}

/** Times as buttons, "Book the first for me", another time of the person's choosing, who is invited and whom to phone. */
export function slotCard(choice: SlotChoice, heading?: CaseHeading, problem?: Pick<WorkflowError, 'message' | 'rule' | 'field'>): AdaptiveCardJson {
  const { caseId, kind, moving } = choice;
  const verb = submitVerb(moving ? 'meeting-move' : 'meeting-book');
  const carried = { caseId, kind, requestKey: choice.requestKey, ...(choice.childId ? { childId: choice.childId } : {}), ...(moving ? { meetingId: moving.id } : {}) };
  // A school meeting booked here may invite school staff besides the SENCo: the times carry that input.
  const othersInvited = !moving && !parentKinds.has(kind);
  const slotAction = (s: { start: string; end: string }, title = meetingTimes(s.start, s.end)) => ({
    type: 'Action.Execute', title, verb, data: { ...carried, start: s.start, end: s.end }, associatedInputs: othersInvited ? 'auto' : 'none',
  });
  const [first] = choice.slots;
  const body: unknown[] = [
    { type: 'TextBlock', text: `${moving ? 'Move' : 'Book'} ${theMeeting(kind)}`, weight: 'Bolder', size: 'Medium', wrap: true },
    ...(moving ? [{ type: 'TextBlock', text: `Now: ${meetingTimes(moving.start, moving.end)}`, wrap: true, spacing: 'Small' }] : []),
    ...(choice.fullWindow
      ? [{ type: 'TextBlock', text: `Nothing is free by ${readableDate(choice.fullWindow.to)}; ${choice.slots.length > 0 ? 'these are the next free times' : 'choose another time'}.`, color: 'Warning', wrap: true }]
      : []),
    ...(choice.slots.length > 0
      ? [
          { type: 'TextBlock', text: `Free in the diary (London time${choice.minutes ? `, ${choice.minutes} minutes` : ''}):`, wrap: true, isSubtle: true },
          { type: 'ActionSet', actions: choice.slots.map((s) => slotAction(s)) },
        ]
      : [{ type: 'TextBlock', text: 'No free time to offer: choose another time.', wrap: true }]),
    ...partiesBlocks(choice.invited, choice.phone),
    ...(othersInvited
      ? [{ type: 'Input.Text', id: 'alsoInvite', label: 'Also invite (school staff e-mail addresses, one per line)', isMultiline: true, placeholder: 'teacher@school.example.org' }]
      : []),
  ];
  return composeCard({
    ...(heading ? { heading } : {}),
    ...(problem ? { problem } : {}),
    body,
    actions: [
      ...(first && !moving ? [{ ...slotAction(first, 'Book the first for me'), style: 'positive' }] : []),
      anotherTime(choice, verb, carried),
      { type: 'Action.Execute', title: 'Back to the case', verb: viewVerbs.openCase, data: { caseId }, associatedInputs: 'none' },
    ],
  });
}

/** "Invited: Sam Wren (SENCo)" and the parents to phone instead, with their number, language and any interpreter need. */
export function partiesBlocks(invited: MeetingAttendee[] | undefined, phone: PhoneContact[] | undefined): unknown[] {
  const blocks: unknown[] = [];
  if (invited) blocks.push({ type: 'TextBlock', text: invited.length > 0 ? `Invited: ${invited.map(attendeeLine).join(', ')}` : 'Nobody is invited by e-mail.', wrap: true });
  if (phone && phone.length > 0) {
    blocks.push({ type: 'TextBlock', text: 'Phone instead (no invitation by e-mail):', weight: 'Bolder', wrap: true, spacing: 'Small' });
    for (const p of phone) blocks.push({ type: 'TextBlock', text: phoneLine(p), wrap: true, spacing: 'None' });
  }
  return blocks;
}

function anotherTime(choice: SlotChoice, verb: ReturnType<typeof submitVerb>, carried: Record<string, string>): unknown {
  const today = todayIn(choice.now);
  // Starts at the first free time (else tomorrow at 10:00), to change as wanted.
  const [first] = choice.slots;
  const onDate = first ? todayIn(new Date(first.start)) : todayIn(new Date(choice.now.getTime() + 86_400_000));
  const atTime = first ? readableTime(first.start) : '10:00';
  return {
    type: 'Action.ShowCard',
    title: 'Another time',
    card: {
      type: 'AdaptiveCard',
      version: '1.5',
      body: [
        { type: 'Input.Date', id: 'onDate', label: 'Date', isRequired: true, errorMessage: 'Give the date', value: onDate, min: today },
        { type: 'Input.Time', id: 'atTime', label: 'Start (London time)', isRequired: true, errorMessage: 'Give the start time', value: atTime },
        {
          type: 'TextBlock',
          text: choice.moving ? 'It keeps its length.' : `It is booked for ${choice.minutes ? `${choice.minutes} minutes` : 'the usual length'}.`,
          wrap: true,
          isSubtle: true,
        },
      ],
      actions: [{ type: 'Action.Execute', title: choice.moving ? 'Move to this time' : 'Book this time', verb, data: carried, style: 'positive' }],
    },
  };
}
