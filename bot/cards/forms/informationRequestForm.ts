import { requestInformation, type InformationRequested } from '../../../workflow';
import { recordedBy } from '../recordedBy';
import { caseFormVerbs } from './caseForm';
import { confirmText } from './recordOutcome';

/** Step 2: the administrator e-mails the school for its information form and the PDP. */
export const informationRequestVerbs = caseFormVerbs<InformationRequested>({
  name: 'information-request',
  roles: ['admin', 'manager'],
  roleAction: 'send the information request',
  title: 'Ask the school for its information',
  submitTitle: 'Send the request',
  defaults: () => ({}),
  fields: (_ctx, view) => confirmText(`This e-mails ${view.school?.senco.name ?? 'the SENCo'} at ${view.school?.name ?? 'the school'} the letter asking for the School Initial Information Gathering form and the pupil's PDP, with both attached (the form filled in with what the case already holds). All three are filed in the child's folder.`),
  toInput: () => ({}),
  run: (ctx, input) => requestInformation(ctx.deps, ctx.actor, input),
  recorded: async (ctx, { case: c, documents, sentTo }) => ({
    headline: 'Information request sent',
    tone: 'good',
    detail: `The letter went to ${sentTo.join(', ')} with the School Initial Information Gathering form and the PDP template attached; all three are in the child's folder.`,
    documents,
    ...(c.milestones.informationRequested ? { by: await recordedBy(ctx, c.milestones.informationRequested.by, c.milestones.informationRequested.at, 'Sent') } : {}),
  }),
});
