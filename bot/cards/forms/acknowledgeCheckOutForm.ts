import { acknowledgeMissedCheckOut, describePlace, type CheckOutAcknowledged } from '../../../workflow';
import { showInstant } from '../format';
import { recordedBy } from '../recordedBy';
import { caseFormVerbs } from './caseForm';
import { text } from './formValues';
import { confirmText } from './recordOutcome';

/**
 * Rule "Lone working": a manager acknowledges the missed check-out alert from the alert card
 * (its "Acknowledge" button submits here directly: one click), and the repeated alerts stop.
 */
export const acknowledgeCheckOutVerbs = caseFormVerbs<CheckOutAcknowledged>({
  name: 'check-out-acknowledge',
  anyStep: true,
  roles: ['manager'],
  roleAction: 'acknowledge a missed check-out alert',
  title: 'Acknowledge the missed check-out alert',
  submitTitle: 'Acknowledge: I am dealing with it',
  carries: ['recordId'],
  defaults: () => ({}),
  fields: () => confirmText('Acknowledging says you are dealing with the missed check-out: the alerts stop repeating.'),
  toInput: (v) => ({ recordId: text(v, 'recordId') }),
  run: async (ctx, input) => acknowledgeMissedCheckOut(ctx.deps, ctx.actor, input),
  recorded: async (ctx, { record }) => {
    const b = record.body.kind === 'lone-working' ? record.body : undefined;
    const checkedOut = b?.checkedOutAt && !b.acknowledgedAt;
    return {
      headline: checkedOut ? 'The worker has checked out: safe' : 'Missed check-out alert acknowledged',
      tone: 'good',
      detail: checkedOut ? `Checked out at ${showInstant(b.checkedOutAt)}: the alerts have stopped.` : 'The alerts have stopped repeating.',
      facts: [
        { title: 'Where', value: b?.where ? describePlace(b.where) : '' },
        { title: 'Planned end', value: showInstant(b?.plannedEnd) },
      ],
      by: await recordedBy(ctx, b?.acknowledgedBy ?? record.updatedBy, b?.acknowledgedAt ?? b?.checkedOutAt ?? record.updatedAt, checkedOut ? 'Checked out' : 'Acknowledged'),
    };
  },
});
