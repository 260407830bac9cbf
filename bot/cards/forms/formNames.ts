/**
 * Every form the bot shows, by name. A form's verbs are `<name>.open` (show it) and
 * `<name>.submit` (record it); the case card links to them by these names.
 */
export const caseFormNames = [
  'allocate',
  'information-request',
  'information-returned',
  'observation',
  'skip-observation',
  'meeting',
  'home-visit',
  'check-in',
  'check-out',
  'contract-draft',
  'contract-decision',
  'parents-informed',
  'support-session',
  'chronology',
  'time',
  'review',
  'complete',
  'close-early',
  'pause',
  'resume',
  'reallocate',
  'consent',
  'report',
  'safeguarding',
] as const;
export type CaseFormName = (typeof caseFormNames)[number];

export const openVerb = (form: CaseFormName): string => `${form}.open`;
export const submitVerb = (form: CaseFormName): string => `${form}.submit`;

/** Verbs that are not a case form. */
export const viewVerbs = {
  openCase: 'case.open',
  myCases: 'cases.mine',
  help: 'help.show',
  newReferral: 'referral.open',
  submitReferral: 'referral.submit',
} as const;
