import { requestInformation, type Case, type Versioned } from '../../../workflow';
import { recordedBy } from '../recordedBy';
import { caseFormVerbs } from './caseForm';
import { confirmText } from './recordOutcome';

/** Step 2: the administrator e-mails the school for its information form and the PDP. */
export const informationRequestVerbs = caseFormVerbs<Versioned<Case>>({
  name: 'information-request',
  roles: ['admin', 'manager'],
  roleAction: 'send the information request',
  title: 'Ask the school for its information',
  submitTitle: 'Send the request',
  defaults: () => ({}),
  fields: (_ctx, view) => confirmText(`This e-mails ${view.school?.senco.name ?? 'the SENCo'} at ${view.school?.name ?? 'the school'} asking for the School Initial Information Gathering form and the pupil's PDP.`),
  toInput: () => ({}),
  run: (ctx, input) => requestInformation(ctx.deps, ctx.actor, input),
  recorded: async (ctx, c) => ({
    headline: 'Information request sent',
    tone: 'good',
    detail: 'The school has been asked for the School Initial Information Gathering form and the PDP.',
    ...(c.milestones.informationRequested ? { by: await recordedBy(ctx, c.milestones.informationRequested.by, c.milestones.informationRequested.at, 'Sent') } : {}),
  }),
});
