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
  /** Meetings (issue 13): `meeting-book.open` shows the times to choose from, `.submit` books one; move and cancel a booked one. */
  'meeting-book',
  'meeting-move',
  'meeting-cancel',
  /** A manager acknowledges a missed check-out alert (issue 14): the repeats stop. */
  'check-out-acknowledge',
] as const;
export type CaseFormName = (typeof caseFormNames)[number];

/** What a case form's verbs do: show the form, or record it. */
export const formOperations = ['open', 'submit'] as const;
export type CaseFormVerb = `${CaseFormName}.${(typeof formOperations)[number]}`;

export const openVerb = (form: CaseFormName) => `${form}.open` as const;
export const submitVerb = (form: CaseFormName) => `${form}.submit` as const;

/** Verbs that are not a case form. */
export const viewVerbs = {
  openCase: 'case.open',
  myCases: 'cases.mine',
  help: 'help.show',
  newReferral: 'referral.open',
  submitReferral: 'referral.submit',
  viewContract: 'contract.view',
  chronology: 'case.chronology',
  viewRecord: 'record.view',
  /** A booked meeting: when, where, its Teams link (read again while pending), who was invited. */
  viewMeeting: 'meeting.view',
  /** A file sent to the bot in chat, filed on the case and as the document chosen on its card (the school's returned paperwork). */
  fileReturnedDocument: 'returned-document.submit',
} as const;
export type ViewVerb = (typeof viewVerbs)[keyof typeof viewVerbs];

/** Every verb a card may carry: a misspelt verb is not one of these, so it does not compile. */
export type VerbName = CaseFormVerb | ViewVerb;
