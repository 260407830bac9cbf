import { setConsent, type Case, type Versioned } from '../../../workflow';
import { consentLabels, labelOf } from '../labels';
import { recordedBy } from '../recordedBy';
import fieldsTemplate from '../templates/consentForm.json';
import { expandFragment } from '../template';
import { caseFormVerbs } from './caseForm';
import { text } from './formValues';

const showConsent = (c: string): string => labelOf(consentLabels, c);

/** Parental consent changes (given, pending, refused, withdrawn): direct support needs "given". */
export const consentVerbs = caseFormVerbs<Versioned<Case>>({
  name: 'consent',
  anyStep: true,
  title: 'Parental consent',
  submitTitle: 'Record the consent',
  defaults: (_ctx, view) => ({ consent: view.case.consent }),
  fields: (_ctx, view, values) => expandFragment<unknown[]>(fieldsTemplate, { values, current: showConsent(view.case.consent) }),
  toInput: (v) => ({ consent: text(v, 'consent') }),
  run: (ctx, input) => setConsent(ctx.deps, ctx.actor, input),
  recorded: async (ctx, c) => ({
    headline: `Parental consent recorded: ${showConsent(c.consent)}`,
    tone: c.consent === 'given' ? 'good' : 'warning',
    facts: [{ title: 'Consent', value: showConsent(c.consent) }],
    detail:
      c.consent === 'given'
        ? 'Direct support can be recorded (once the home visit or Teams call is recorded as held).'
        : `No direct support can be recorded while consent is ${showConsent(c.consent).toLowerCase()}.${c.consent === 'refused' || c.consent === 'withdrawn' ? ' A manager can close the case early with this reason.' : ''}`,
    by: await recordedBy(ctx, c.updatedBy, c.updatedAt),
  }),
});
