import { checkOut, describePlace, readableTime, type CaseView, type CheckedOut } from '../../../workflow';
import { showInstant } from '../format';
import { recordedBy } from '../recordedBy';
import { caseFormVerbs } from './caseForm';
import { visitSubject } from './checkInForm';
import { text } from './formValues';
import { confirmText } from './recordOutcome';

/** The visit the form was opened for (the check-in whose record id the button carries). */
function visitOf(view: CaseView, recordId: string | undefined) {
  const record = recordId ? view.records.find((r) => r.id === recordId) : undefined;
  return record?.body.kind === 'lone-working' ? record.body : undefined;
}

function checkOutText(view: CaseView, recordId: string | undefined): string {
  const visit = visitOf(view, recordId);
  if (!visit) return 'Check out once you have left the visit and are safe.';
  const where = visit.where ? ` at ${describePlace(visit.where)}` : '';
  const times = `Checked in${where} ${showInstant(visit.checkedInAt ?? visit.plannedStart)}, planned to end ${showInstant(visit.plannedEnd)}.`;
  return visit.checkedOutAt ? `${times} You checked out of this visit at ${showInstant(visit.checkedOutAt)}.` : `${times} Check out once you have left and are safe.`;
}

/**
 * Rule "Lone working": check out (once) when safely away from the visit. The check-in's answer
 * submits here directly (one click); the form from the case card does the same.
 */
export const checkOutVerbs = caseFormVerbs<CheckedOut>({
  name: 'check-out',
  anyStep: true,
  title: 'Check out of the home visit',
  submitTitle: 'Check out: I am safely away',
  carries: ['recordId'],
  defaults: () => ({}),
  fields: (_ctx, view, _values, opened) => confirmText(checkOutText(view, text(opened, 'recordId'))),
  toInput: (v) => ({ recordId: text(v, 'recordId') }),
  run: async (ctx, input) => checkOut(ctx.deps, ctx.actor, input),
  // The check-in's kept card loses its check-out button.
  changed: ({ record, repeated }) => (repeated ? [] : [visitSubject(record.id)]),
  recorded: async (ctx, { record }) => {
    const b = record.body.kind === 'lone-working' ? record.body : undefined;
    // Checking out is the worker saying they are safe: the card says so in those words.
    const safe = b?.checkedOutAt ? `Checked out at ${readableTime(b.checkedOutAt)}: safe.` : '';
    const late = b?.managerAlertedAt ? `The manager was alerted at ${showInstant(b.managerAlertedAt)} that the check-out was late: let them know you are safe.` : '';
    const detail = [safe, late].filter(Boolean).join('\n\n');
    return {
      headline: 'Checked out of the home visit',
      tone: 'good',
      ...(detail ? { detail } : {}),
      facts: [
        { title: 'Where', value: b?.where ? describePlace(b.where) : '' },
        { title: 'Checked in', value: showInstant(b?.checkedInAt) },
        { title: 'Planned end', value: showInstant(b?.plannedEnd) },
        { title: 'Checked out', value: showInstant(b?.checkedOutAt) },
      ],
      by: await recordedBy(ctx, record.updatedBy, b?.checkedOutAt ?? record.updatedAt, 'Checked out'),
    };
  },
});
