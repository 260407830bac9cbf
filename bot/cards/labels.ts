/**
 * The words a person reads for each stored key: one label map per enum, for every card and mail.
 * The model's maps live in workflow/labels.ts (letters and chronology notes use them too); the
 * forms' own maps (activities, meeting purposes, early-close reasons...) are gathered here.
 */
export {
  assessmentLabels,
  caseStatusLabels,
  consentLabels,
  contractStatusLabels,
  destinationLabels,
  genderLabels,
  invoiceStatusLabels,
  labelOf,
  packageKindLabels,
  planLabels,
  recordKindLabels,
  referralSourceLabels,
  roleLabels,
  sendLabels,
} from '../../workflow';
export { earlyCloseTitles as earlyCloseReasonLabels } from './forms/closingLabels';
export { activityTitles as timeActivityLabels, chronologyTitles as chronologyCategoryLabels, withWhomTitles as withWhomLabels } from './forms/supportLabels';
