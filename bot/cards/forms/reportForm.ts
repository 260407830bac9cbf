import { recordOutreachReport, type ReportRecorded } from '../../../workflow';
import fieldsTemplate from '../templates/reportForm.json';
import { expandFragment } from '../template';
import { caseFormVerbs } from './caseForm';
import { text } from './formValues';
import { bodyOf, recordOutcome } from './recordOutcome';

const reportNames: Record<string, string> = {
  outreach: 'Outreach Report',
  'fair-access-panel': 'Fair Access Panel report',
  'end-of-outreach': 'End of Outreach Report',
};

/** Step 10, at any time: an Outreach Report for another agency, or a Fair Access Panel report. */
export const reportVerbs = caseFormVerbs<ReportRecorded>({
  name: 'report',
  anyStep: true,
  title: 'Outreach or Fair Access Panel report',
  submitTitle: 'Record the report',
  defaults: () => ({ reportType: 'outreach', requestedBy: '', requestedByEmail: '', summary: '' }),
  fields: (_ctx, _view, values) => expandFragment<unknown[]>(fieldsTemplate, { values }),
  toInput: (v) => ({
    reportType: text(v, 'reportType'),
    ...(text(v, 'requestedBy') ? { requestedBy: text(v, 'requestedBy') } : {}),
    ...(text(v, 'requestedByEmail') ? { requestedByEmail: text(v, 'requestedByEmail') } : {}),
    summary: text(v, 'summary'),
  }),
  run: (ctx, input) => recordOutreachReport(ctx.deps, ctx.actor, input),
  recorded: async (ctx, added) => {
    const b = bodyOf(added, 'report');
    const name = reportNames[b?.reportType ?? 'outreach'] ?? 'Report';
    const sent = added.sentTo
      ? `The report is filed in the child's folder and was e-mailed as PDF to ${added.sentTo}.`
      : "The report is filed in the child's folder, with its PDF, for you to send: no e-mail address was given for whoever asked for it.";
    const outcome = await recordOutcome(
      ctx,
      added,
      `${name} recorded`,
      [
        { title: 'Report', value: name },
        { title: 'Requested by', value: b?.requestedBy ?? '' },
        { title: 'Sent to', value: added.sentTo ?? '' },
        { title: 'Summary', value: b?.summary ?? '' },
      ],
      sent,
    );
    return { ...outcome, documents: [added.document] };
  },
});
