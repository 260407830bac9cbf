import type { VerbName } from '../../bot/cards';

/** Issue 12's targets: Graph round trips per card action. */
export const target = { warm: 2, cold: 3 } as const;

export interface Budget {
  /** The most Graph round trips the action may take (its answer and its background work together). */
  roundTrips: number;
  /** Above the target (2 warm, 3 cold): to tighten once the `$batch` layer is in. A test keeps this mark honest. */
  overTarget: boolean;
}

const within = (roundTrips: number): Budget => ({ roundTrips, overTarget: false });
/** A budget above the target: today's measured count, to bring down. */
const over = (roundTrips: number): Budget => ({ roundTrips, overTarget: true });

/**
 * Every card verb's budget with the reference cache warm (Staff, Schools, Purchases read already).
 * Keyed by `VerbName`: a new verb without a budget does not compile. Set to the counts measured
 * on 2 Dec 2026 with the `$batch` layer and the unit of work in (before them: 7 for an open, 10 to
 * 39 for a submit), so a regression fails. A submit is two: its reads with the follow-up case
 * card's, then its writes with the rest of the card's reads and its read audit.
 */
export const warmBudgets = {
  'case.open': within(2),
  // The caseload's queries in one $batch, then the children and the read audits of the cases shown in another.
  'cases.mine': over(3),
  'help.show': within(0),
  'referral.open': within(0),
  'referral.submit': over(4),
  'contract.view': over(5),
  'case.chronology': within(2),
  'record.view': within(2),
  // Two caseload queries (open, paused) per active worker offered, all in one $batch.
  'allocate.open': over(3),
  'allocate.submit': within(2),
  'information-request.open': within(2),
  // Issue 15: the letter, the information form and the PDP made and filed before the mail (the child, the folder, the three
  // uploads started together, the letter's PDF conversion (302, then its download) and its upload), then one $batch.
  'information-request.submit': over(9),
  'information-returned.open': within(2),
  'information-returned.submit': within(2),
  'observation.open': within(2),
  // Issue 15: the Observation Form: the child and the case's records (its version), the folder, the upload, then the $batch.
  'observation.submit': over(5),
  'skip-observation.open': within(2),
  'skip-observation.submit': within(2),
  'meeting.open': within(2),
  // Issue 15: the meeting record, as the observation's form.
  'meeting.submit': over(5),
  'home-visit.open': within(2),
  'home-visit.submit': within(2),
  'check-in.open': within(2),
  'check-in.submit': over(4),
  'check-out.open': within(2),
  'check-out.submit': over(3),
  'contract-draft.open': within(2),
  'contract-draft.submit': over(3),
  'contract-decision.open': over(4),
  // Approving books the review on the agreed date (issue 13): the free/busy, the event, its record: three more.
  // Issue 15: then the approved contract filed under its version (the child, the folder, the upload, its record).
  'contract-decision.submit': over(14),
  'parents-informed.open': within(2),
  // Issue 15: a letter per parent made and filed with its PDF (the child, the folder, uploads, the conversion), then mails and marks in one $batch.
  'parents-informed.submit': over(7),
  'support-session.open': within(2),
  'support-session.submit': within(2),
  'chronology.open': within(2),
  'chronology.submit': within(2),
  'time.open': within(2),
  'time.submit': within(2),
  'review.open': within(2),
  // "end" files the End of Outreach Report (and its PDF), the Chronology Log, the Summary Record and the evaluation form (see complete.submit).
  'review.submit': over(10),
  'complete.open': within(2),
  // Issue 15 (see report.submit): four .docx uploads and the report's PDF (five PUTs), the listings before them (two trips), then the closing's $batch.
  'complete.submit': over(10),
  'close-early.open': within(2),
  // Issue 15 (see report.submit): the letter and its PDF: the child, the folder, two listings and two uploads; then the closing's $batch and the letter marked sent.
  'close-early.submit': over(8),
  'pause.open': within(2),
  'pause.submit': within(2),
  'resume.open': within(2),
  'resume.submit': within(2),
  // As allocate.open.
  'reallocate.open': over(3),
  'reallocate.submit': within(2),
  'consent.open': within(2),
  'consent.submit': within(2),
  'report.open': within(2),
  // Issue 15: the documents cost these (measured 3 Dec 2026 on the embedded Graph). After the reads: the child (for the folder's
  // name and the document), the case folder, then each upload on its own (a binary PUT cannot ride in a $batch; those not waiting
  // on each other start together) and the PDF (a GET ?format=pdf answered 302, then the PDF's own GET).
  // The report and its PDF: the child, the folder, the upload, the PDF, its upload, then the record, document record and mail.
  'report.submit': over(7),
  'safeguarding.open': within(2),
  'safeguarding.submit': within(2),
  // Issue 13's meetings, measured 2 Dec 2026. Opens: the case view beside the proposal's reads, then the free/busy.
  'meeting.view': within(2),
  'meeting-book.open': within(2),
  // The reads beside the case view; the event (its Teams link comes back with it); then the Meetings item with its audit line.
  'meeting-book.submit': over(3),
  'meeting-move.open': within(2),
  'meeting-move.submit': within(2),
  'meeting-cancel.open': within(2),
  'meeting-cancel.submit': within(2),
  // Issue 14: a manager acknowledges a missed check-out alert (as check-out: the case and the check-in read together, then the writes).
  'check-out-acknowledge.open': within(2),
  'check-out-acknowledge.submit': within(2),
  // Issue 15 part 5, measured 3 Dec 2026: the case, the request's record and the contracts ($batch); the child; the folder ($batch);
  // the file (two with the test's own uploadOnce: list, then upload; one once the drive's lands); the record, step and audit ($batch).
  'returned-document.submit': over(5),
} as const satisfies Record<VerbName, Budget>;

/**
 * Cold: the first action of a freshly started app (its reference cache empty), for the verbs
 * measured so (coldCache.test.ts, where `cases.mine` shows a caseload of one case).
 */
export const coldBudgets = {
  'case.open': within(3),
  'cases.mine': over(4),
  'chronology.submit': within(3),
} as const satisfies Partial<Record<VerbName, Budget>>;

/** Chat messages (typed commands), warm; `my cases` for a caseload of one case. Both include remembering the chat (background). */
export const messageBudgets = {
  'case <ref>': over(4),
  'my cases': over(4),
} as const satisfies Record<string, Budget>;
