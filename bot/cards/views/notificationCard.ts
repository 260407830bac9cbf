import { createHash } from 'node:crypto';
import { z } from 'zod';
import { ListItemId, MeetingKind, notificationKinds, type MeetingOffer, type Notification, type NotificationKind } from '../../../workflow';
import type { AdaptiveCardJson } from '../card';
import { openVerb, submitVerb, viewVerbs } from '../forms/formNames';
import { composeCard } from '../outcomes';
import { meetingTimes, theMeeting } from './meetingLines';

const notificationKindSchema = z.enum(notificationKinds);

const headlines: Record<NotificationKind, { headline: string; tone: 'Attention' | 'Warning' | 'Accent'; action: string }> = {
  'case-allocated': { headline: 'A case has been allocated to you', tone: 'Accent', action: 'Open the case' },
  'case-reallocated': { headline: 'A case has been reallocated to you', tone: 'Accent', action: 'Open the case' },
  'contract-awaiting-approval': { headline: 'A contract is waiting for your approval', tone: 'Warning', action: 'Review the contract' },
  'contract-decided': { headline: 'Your contract has been decided', tone: 'Accent', action: 'Open the case' },
  'safeguarding-concern': { headline: 'Safeguarding concern: act now', tone: 'Attention', action: 'Open the case' },
  'package-hours-80': { headline: '80% of the package hours are used', tone: 'Warning', action: 'Open the case' },
  'package-hours-100': { headline: 'All the package hours are used', tone: 'Attention', action: 'Open the case' },
  'lone-working-check-out-missed': { headline: 'Missed check-out from a home visit', tone: 'Attention', action: 'Open the case' },
  're-referral-linked': { headline: 'A further referral was linked to a case', tone: 'Warning', action: 'Open the case' },
  'case-recorded-by-other': { headline: 'Someone recorded on your case', tone: 'Accent', action: 'Open the case' },
  'meeting-link-missing': { headline: 'A meeting has no Teams link', tone: 'Warning', action: 'Open the case' },
  'information-form-late': { headline: 'The information form is late', tone: 'Warning', action: 'Open the case' },
  'review-due': { headline: 'A review is due soon', tone: 'Warning', action: 'Open the case' },
  'review-overdue': { headline: 'A review is overdue', tone: 'Attention', action: 'Open the case' },
  'support-ending': { headline: 'The six weeks of support are ending', tone: 'Warning', action: 'Open the case' },
  'meeting-reminder': { headline: 'A meeting on the next working day', tone: 'Accent', action: 'Open the case' },
  'meeting-changed-in-outlook': { headline: 'A meeting was changed in Outlook', tone: 'Warning', action: 'Open the case' },
  'document-returned': { headline: 'The school returned a document', tone: 'Accent', action: 'Open the case' },
};

/**
 * What a notice shows: the same again when its button is pressed, so the notice stays in the chat.
 * An approved contract's notice also offers to record, in one click, that the parents were told
 * of it today (`parentsTold`: the contract and the request key that makes a double click count once).
 */
type Shown = Pick<Notification, 'kind' | 'caseId' | 'caseReference' | 'summary'> & {
  parentsTold?: { contractId: string; requestKey: string };
  /** The notification's own key: the offered times' request key is drawn from it when the offer carries none. */
  key?: string;
  /** Times offered for a meeting, each a button that books it; `requestKey` makes every button of the notice book once. */
  offer?: MeetingOffer & { requestKey?: string };
  /** A meeting booked for the recipient: "The review meeting" opens it. */
  meetingId?: string;
  /** A missed check-out alert: "Acknowledge" records it on the check-in (the repeats stop). */
  acknowledge?: { recordId: string };
  /** A meeting to book: its button opens the times to choose from. */
  book?: MeetingOffer['kind'];
};

const OfferedSlots = z
  .string()
  .transform((s) => s.split(';').map((pair) => pair.split('|')))
  .pipe(z.array(z.tuple([z.iso.datetime(), z.iso.datetime()]).transform(([start, end]) => ({ start, end }))).min(1).max(3));
const OfferKey = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);

/** The offer as the notice's "Open the case" button carries it, so the notice is drawn again with its times. */
function offerFromData(values: Record<string, string>): Shown['offer'] | undefined {
  const kind = MeetingKind.safeParse(values.noticeOfferKind);
  const slots = OfferedSlots.safeParse(values.noticeOfferSlots ?? '');
  const childId = ListItemId.safeParse(values.noticeChildId);
  const requestKey = OfferKey.safeParse(values.noticeOfferKey);
  if (!kind.success || !slots.success || !childId.success || !requestKey.success) return undefined;
  return { kind: kind.data, slots: slots.data, childId: childId.data, requestKey: requestKey.data };
}

/** One request key for a notice's offered times, the same each time the notice is drawn (so a resent or redrawn notice still books once). */
const offerKey = (notification: Shown, offer: NonNullable<Shown['offer']>): string =>
  offer.requestKey ?? createHash('sha256').update(`offer:${notification.key ?? `${notification.caseId}:${offer.kind}:${offer.slots.map((s) => s.start).join(',')}`}`).digest('base64url').slice(0, 24);

/** Read back from the notice's button: the notice as it was, or undefined when the data is not a notice's. */
export function noticeFromData(values: Record<string, string>): Shown | undefined {
  const kind = notificationKindSchema.safeParse(values.noticeKind);
  const { caseId, noticeReference: caseReference, noticeSummary: summary, noticeContractId: contractId, noticeRequestKey: requestKey } = values;
  if (!kind.success || !caseId || !caseReference || !summary) return undefined;
  const offer = offerFromData(values);
  const meetingId = ListItemId.safeParse(values.noticeMeetingId);
  const acknowledged = ListItemId.safeParse(values.noticeAckRecordId);
  const book = MeetingKind.safeParse(values.noticeBook);
  return {
    kind: kind.data,
    caseId,
    caseReference,
    summary,
    ...(contractId && requestKey ? { parentsTold: { contractId, requestKey } } : {}),
    ...(offer ? { offer } : {}),
    ...(meetingId.success ? { meetingId: meetingId.data } : {}),
    ...(acknowledged.success ? { acknowledge: { recordId: acknowledged.data } } : {}),
    ...(book.success ? { book: book.data } : {}),
  };
}

/**
 * A notification as a card: what happened and the action to take. The case reference only,
 * never the child's name: notifications can be forwarded and are mirrored by e-mail.
 */
export function notificationCard(notification: Shown): AdaptiveCardJson {
  const shown = headlines[notification.kind];
  const told = notification.parentsTold;
  const offer = notification.offer && notification.offer.slots.length > 0 ? { ...notification.offer, requestKey: offerKey(notification, notification.offer) } : undefined;
  const meetingId = notification.meetingId;
  const { acknowledge, book } = notification;
  return composeCard({
    body: [
      { type: 'TextBlock', text: shown.headline, weight: 'Bolder', size: 'Medium', color: shown.tone, wrap: true },
      { type: 'TextBlock', text: `Case ${notification.caseReference}`, weight: 'Bolder', spacing: 'Small' },
      { type: 'TextBlock', text: notification.summary, wrap: true },
      ...(offer ? offeredTimes(notification.caseId, offer) : []),
    ],
    actions: [
      ...(acknowledge
        ? [{ type: 'Action.Execute', title: 'Acknowledge', verb: submitVerb('check-out-acknowledge'), data: { caseId: notification.caseId, recordId: acknowledge.recordId }, associatedInputs: 'none', style: 'positive' }]
        : []),
      ...(book ? [{ type: 'Action.Execute', title: `Book ${theMeeting(book)}`, verb: openVerb('meeting-book'), data: { caseId: notification.caseId, kind: book }, associatedInputs: 'none', style: 'positive' }] : []),
      ...(told
        ? [{ type: 'Action.Execute', title: 'Parents told today', verb: submitVerb('parents-informed'), data: { caseId: notification.caseId, ...told }, associatedInputs: 'none', style: 'positive' }]
        : []),
      ...(offer ? [{ type: 'Action.Execute', title: 'Other times', verb: openVerb('meeting-book'), data: { caseId: notification.caseId, kind: offer.kind }, associatedInputs: 'none' }] : []),
      ...(meetingId
        ? [{ type: 'Action.Execute', title: bookedMeetingTitle(notification.kind), verb: viewVerbs.viewMeeting, data: { caseId: notification.caseId, meetingId }, associatedInputs: 'none' }]
        : []),
      { type: 'Action.Execute', title: shown.action, verb: viewVerbs.openCase, data: {
          caseId: notification.caseId,
          noticeKind: notification.kind,
          noticeReference: notification.caseReference,
          noticeSummary: notification.summary,
          ...(told ? { noticeContractId: told.contractId, noticeRequestKey: told.requestKey } : {}),
          ...(offer
            ? { noticeOfferKind: offer.kind, noticeOfferSlots: offer.slots.map((s) => `${s.start}|${s.end}`).join(';'), noticeChildId: offer.childId, noticeOfferKey: offer.requestKey }
            : {}),
          ...(meetingId ? { noticeMeetingId: meetingId } : {}),
          ...(acknowledge ? { noticeAckRecordId: acknowledge.recordId } : {}),
          ...(book ? { noticeBook: book } : {}),
        }, associatedInputs: 'none' },
    ],
  });
}

/** What the meeting a notice's event booked is (the notice names no kind): approval books the review, allocation (BOOKING_MODE=auto) the school meeting. */
function bookedMeetingTitle(kind: NotificationKind): string {
  if (kind === 'contract-decided') return 'The review meeting';
  if (kind === 'case-allocated' || kind === 'case-reallocated') return 'The initial school meeting';
  if (kind === 'meeting-reminder' || kind === 'meeting-changed-in-outlook') return 'The meeting';
  return 'The meeting booked';
}

/** The times offered, each a button that books it (one request key for them all: the notice books once). */
function offeredTimes(caseId: string, offer: MeetingOffer & { requestKey: string }): unknown[] {
  const carried = { caseId, kind: offer.kind, childId: offer.childId, requestKey: offer.requestKey };
  return [
    { type: 'TextBlock', text: `Book ${theMeeting(offer.kind)} (London time):`, wrap: true, weight: 'Bolder' },
    {
      type: 'ActionSet',
      actions: offer.slots.slice(0, 3).map((s) => ({
        type: 'Action.Execute', title: meetingTimes(s.start, s.end), verb: submitVerb('meeting-book'), data: { ...carried, start: s.start, end: s.end }, associatedInputs: 'none',
      })),
    },
  ];
}
