import { checkOut, type CaseRecord, type CaseView, type Versioned } from '../../../workflow';
import { showInstant } from '../format';
import { recordedBy } from '../recordedBy';
import { caseFormVerbs } from './caseForm';
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
  const times = `Checked in ${showInstant(visit.checkedInAt ?? visit.plannedStart)}, planned to end ${showInstant(visit.plannedEnd)}.`;
  return visit.checkedOutAt ? `${times} You checked out of this visit at ${showInstant(visit.checkedOutAt)}.` : `${times} Check out once you have left and are safe.`;
}

/** Rule "Lone working": check out (once) when safely away from the visit. */
export const checkOutVerbs = caseFormVerbs<Versioned<CaseRecord>>({
  name: 'check-out',
  anyStep: true,
  title: 'Check out of the home visit',
  submitTitle: 'Check out: I am safely away',
  carries: ['recordId'],
  defaults: () => ({}),
  fields: (_ctx, view, _values, opened) => confirmText(checkOutText(view, text(opened, 'recordId'))),
  toInput: (v) => ({ recordId: text(v, 'recordId') }),
  run: async (ctx, input) => checkOut(ctx.deps, ctx.actor, input),
  recorded: async (ctx, saved) => {
    const b = saved.body.kind === 'lone-working' ? saved.body : undefined;
    return {
      headline: 'Checked out of the home visit',
      tone: 'good',
      ...(b?.managerAlertedAt ? { detail: `The manager was alerted at ${showInstant(b.managerAlertedAt)} that the check-out was late: let them know you are safe.` } : {}),
      facts: [
        { title: 'Checked in', value: showInstant(b?.checkedInAt) },
        { title: 'Planned end', value: showInstant(b?.plannedEnd) },
        { title: 'Checked out', value: showInstant(b?.checkedOutAt) },
      ],
      by: await recordedBy(ctx, saved.updatedBy, b?.checkedOutAt ?? saved.updatedAt, 'Checked out'),
    };
  },
});
