import { z } from 'zod';
import { notificationKinds, type Notification, type NotificationKind } from '../../../workflow';
import type { AdaptiveCardJson } from '../card';
import { submitVerb, viewVerbs } from '../forms/formNames';
import { composeCard } from '../outcomes';

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
};

/**
 * What a notice shows: the same again when its button is pressed, so the notice stays in the chat.
 * An approved contract's notice also offers to record, in one click, that the parents were told
 * of it today (`parentsTold`: the contract and the request key that makes a double click count once).
 */
type Shown = Pick<Notification, 'kind' | 'caseId' | 'caseReference' | 'summary'> & { parentsTold?: { contractId: string; requestKey: string } };

/** Read back from the notice's button: the notice as it was, or undefined when the data is not a notice's. */
export function noticeFromData(values: Record<string, string>): Shown | undefined {
  const kind = notificationKindSchema.safeParse(values.noticeKind);
  const { caseId, noticeReference: caseReference, noticeSummary: summary, noticeContractId: contractId, noticeRequestKey: requestKey } = values;
  if (!kind.success || !caseId || !caseReference || !summary) return undefined;
  return { kind: kind.data, caseId, caseReference, summary, ...(contractId && requestKey ? { parentsTold: { contractId, requestKey } } : {}) };
}

/**
 * A notification as a card: what happened and the action to take. The case reference only,
 * never the child's name: notifications can be forwarded and are mirrored by e-mail.
 */
export function notificationCard(notification: Shown): AdaptiveCardJson {
  const shown = headlines[notification.kind];
  const told = notification.parentsTold;
  return composeCard({
    body: [
      { type: 'TextBlock', text: shown.headline, weight: 'Bolder', size: 'Medium', color: shown.tone, wrap: true },
      { type: 'TextBlock', text: `Case ${notification.caseReference}`, weight: 'Bolder', spacing: 'Small' },
      { type: 'TextBlock', text: notification.summary, wrap: true },
    ],
    actions: [
      ...(told
        ? [{ type: 'Action.Execute', title: 'Parents told today', verb: submitVerb('parents-informed'), data: { caseId: notification.caseId, ...told }, associatedInputs: 'none', style: 'positive' }]
        : []),
      { type: 'Action.Execute', title: shown.action, verb: viewVerbs.openCase, data: {
          caseId: notification.caseId,
          noticeKind: notification.kind,
          noticeReference: notification.caseReference,
          noticeSummary: notification.summary,
          ...(told ? { noticeContractId: told.contractId, noticeRequestKey: told.requestKey } : {}),
        }, associatedInputs: 'none' },
    ],
  });
}
