/**
 * The catalogue of named errors. Each is a plain value with a code (stable, for tests and
 * cards), the rule or field it concerns, and a sentence a member of staff understands.
 */
export const errorCodes = [
  'ValidationFailed', // input did not parse; `field` names it
  'NotFound',
  'NotOnStaffList',
  'RoleRequired', // the actor lacks the role the action needs
  'NotYourCase', // a worker acting on someone else's case
  'OrderRule', // a step recorded before the steps before it
  'FurtherObservationRequired', // step 6 neither recorded nor skipped with a reason
  'DirectSupportBeforeHomeVisit',
  'DirectSupportWithoutConsent',
  'NoContractInForce',
  'SupportPeriodEnded', // a 7th school week of support under one contract
  'ContractIncomplete', // targets, support, packages, start or review date missing
  'ContractReviewDateTooLate',
  'ContractReviewBeforeStart',
  'ContractNotAwaitingApproval',
  'SeparationOfDuties', // the author of a contract approving it or named as its approver; an approver who is not active staff
  'UniversalOfferMissing',
  'PackageNotOnPriceList',
  'RecordLocked', // safeguarding: additions only
  'CaseClosed',
  'CasePaused',
  'CaseNotPaused',
  'AlreadyDone', // a repeat of an action already recorded (stale card, double click)
  'ConcurrentChange', // someone else changed the item since it was read
  'TermDatesMissing', // a date falls outside the configured term calendar
  'MeetingTimeRefused', // a meeting time outside its hours, on a day the school is shut, too soon, or when the worker is busy
  'NoMeetingTimeFree', // nothing free in the window or the next
  'InvalidState',
  'DocumentNotMade', // a template that cannot be used: nothing was filed, sent or recorded
  'FileTooLarge', // a file sent in over the size the service files
  'FileTypeRefused', // a file sent in that is not a document (or a photo of a form)
  'FileUnavailable', // a file sent in that could not be fetched from where Teams keeps it
  'InformationNotAwaited', // a returned form or PDP for a case that is not waiting for it
  'FileNameTaken', // an upload under a name the folder already holds, with other content: never replaced silently
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export interface WorkflowError {
  readonly code: ErrorCode;
  /** The rule of PRODUCT.md or the input field the error concerns. */
  readonly rule?: string;
  readonly field?: string;
  readonly message: string;
}

export const workflowError = (
  code: ErrorCode,
  message: string,
  where: { rule?: string; field?: string } = {},
): WorkflowError => ({ code, message, ...where });

/** Thrown by store ports when an update's expected version no longer matches (HTTP 412 in Graph). */
export class VersionConflict extends Error {
  constructor(readonly entity: string, readonly id: string) {
    super(`${entity} ${id} was changed by someone else`);
    this.name = 'VersionConflict';
  }
}

/** Thrown by store ports when an item does not exist. */
export class ItemNotFound extends Error {
  constructor(readonly entity: string, readonly id: string) {
    super(`${entity} ${id} not found`);
    this.name = 'ItemNotFound';
  }
}

/** Thrown by store ports when a value a unique column holds is taken (not the idempotency key). */
export class UniqueValueTaken extends Error {
  constructor(readonly entity: string) {
    super(`A value that must be unique in ${entity} is already used`);
    this.name = 'UniqueValueTaken';
  }
}

/** Thrown by the Mailer when another request holds the mail's key and may be sending it right now (try again shortly). */
export class MailInProgress extends Error {
  constructor(readonly idempotencyKey: string) {
    super(`The mail with key ${idempotencyKey} is being sent by another request`);
    this.name = 'MailInProgress';
  }
}

/**
 * Thrown by store ports when a write sent together with others was not made because one it
 * depended on failed (HTTP 424 in a Graph $batch). The unit of work makes it again once that
 * one has landed.
 */
export class NotAttempted extends Error {
  constructor(readonly entity: string) {
    super(`A write to ${entity} was not made: a write it depends on failed`);
    this.name = 'NotAttempted';
  }
}

/** Thrown by store ports when a record is larger than one list item can hold (SharePoint: 63,999 characters). */
export class RecordTooLarge extends Error {
  constructor(
    readonly entity: string,
    readonly characters: number,
    readonly limit: number,
  ) {
    super(`A ${entity} record of ${characters} characters is over the ${limit} a list item holds`);
    this.name = 'RecordTooLarge';
  }
}

/**
 * Thrown by the Mailer before anything is sent or claimed when a message is too large to go as it is:
 * an attachment over the inline limit (Graph `sendMail`: 3 MB), or a whole message over the request limit (4 MB).
 */
export class MailTooLarge extends Error {
  constructor(
    /** The attachment over the limit; undefined when it is the message as a whole. */
    readonly attachmentName: string | undefined,
    readonly bytes: number,
    readonly limitBytes: number,
  ) {
    super(
      attachmentName === undefined
        ? `The message with its attachments comes to ${megabytes(bytes)}, over the ${megabytes(limitBytes)} a message may be: send fewer or smaller attachments, or share a link to the file instead.`
        : `The attachment "${attachmentName}" is ${megabytes(bytes)}, over the ${megabytes(limitBytes)} an attachment may be: share a link to the file in the case's folder instead.`,
    );
    this.name = 'MailTooLarge';
  }
}

const megabytes = (bytes: number): string => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
