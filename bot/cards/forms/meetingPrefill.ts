import type { CaseView, MeetingKind } from '../../../workflow';
import type { CardContext } from '../card';
import { todayIn } from '../format';
import { attendeeLines, meetingHeld } from '../views/meetingLines';
import type { DateBounds } from './dateBounds';

/** What a record form of a meeting held takes from the meeting booked for it. */
export interface HeldPrefill {
  kind: MeetingKind;
  /** The London date it started on. */
  heldOn: string;
  /** One per line: those invited, and for a parent meeting the parents. */
  attendees: string;
}

/**
 * The booked meeting of one of these kinds whose time has come (it started before now), as the
 * form's date and attendees; none when there is no such meeting or its date is outside the dates
 * the form accepts (the form keeps its own defaults then).
 */
export function heldPrefill(ctx: CardContext, view: Pick<CaseView, 'meetings' | 'child'>, kinds: readonly MeetingKind[], dates: DateBounds): HeldPrefill | undefined {
  const held = meetingHeld(view, kinds, ctx.deps.clock.now());
  if (!held) return undefined;
  const heldOn = todayIn(new Date(held.start));
  if (heldOn < dates.min || heldOn > dates.max) return undefined;
  return { kind: held.kind, heldOn, attendees: attendeeLines(held, view.child) };
}
