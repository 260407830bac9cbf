/** Ports to Microsoft 365 beyond the lists: the child's folder, calendars, mail, Teams notifications. */

export interface FolderRef {
  id: string;
  webUrl: string;
}
export interface FileRef {
  id: string;
  name: string;
  webUrl: string;
}

/** A file filed once: `alreadyThere` when the name was taken and the file returned is the one found there (nothing uploaded). */
export interface FiledFile extends FileRef {
  alreadyThere?: boolean;
}

/** A folder or file as a folder lists it. */
export interface FolderItem {
  id: string;
  name: string;
  kind: 'folder' | 'file';
  /** Bytes (files only). */
  size?: number;
  /** Who last changed it, by name: a person, or the application that wrote it. */
  modifiedBy?: string;
  /** ISO instant. */
  modifiedAt?: string;
  webUrl: string;
}

export interface NamedFolder {
  id: string;
  name: string;
  webUrl: string;
}

/** A child's folder in the library, and the subfolders in it (one per case of the child). */
export interface ChildFolder extends NamedFolder {
  subfolders: NamedFolder[];
}

export interface CaseFolders {
  /** The child's folder and its subfolders, by name; undefined while the child has no folder. */
  childFolder(childFolderName: string): Promise<ChildFolder | undefined>;
  /** What a folder holds, folders and files, every page of it. */
  children(folder: Pick<FolderRef, 'id'>): Promise<FolderItem[]>;
  /**
   * The folders from the child's folder down to the folder with this id (the child's folder first,
   * that folder last), when it is the child's folder or lies inside it; undefined for anything else:
   * another child's folder, a file, an id the library does not know.
   */
  trailWithin(child: ChildFolder, folderId: string): Promise<NamedFolder[] | undefined>;
  /** The child's folder and, inside it, the case's subfolder; made if missing, found if present. */
  ensureCaseFolder(childFolderName: string, caseReference: string): Promise<FolderRef>;
  /** Any size up to what the service files: larger files travel in an upload session (Graph: over 4 MB). */
  upload(folder: FolderRef, fileName: string, content: Uint8Array, contentType: string): Promise<FileRef>;
  /**
   * Files a document once: when the folder holds a file of that name already (made by an earlier
   * try that stopped, a restart), that file is returned as it is and nothing is replaced.
   */
  uploadOnce(folder: FolderRef, fileName: string, content: Uint8Array, contentType: string): Promise<FiledFile>;
  list(folder: FolderRef): Promise<FileRef[]>;
  /** The file converted to PDF by SharePoint (Graph `content?format=pdf`, which answers 302 to the PDF). */
  pdfOf(file: FileRef): Promise<Uint8Array>;
  /** A file's bytes. */
  content(file: FileRef): Promise<Uint8Array>;
}

export interface MailAttachment {
  name: string;
  contentType: string;
  content: Uint8Array;
}
export interface MailMessage {
  to: string[];
  cc?: string[];
  /** Case reference only: never a child's name in a subject line. */
  subject: string;
  html: string;
  attachments?: MailAttachment[];
}
export interface Mailer {
  /**
   * Sends once per idempotency key: a repeat with the same key (a retry, a double click, a
   * restart) is not sent again. Keys are kept durably by the adapter, not by the caller.
   * Throws MailInProgress when another request holds the key and may be sending it right now.
   */
  send(message: MailMessage, idempotencyKey: string): Promise<void>;
}

export interface MeetingRequest {
  /** Entra id of the member of staff whose calendar holds the event. */
  organiserId: string;
  /** Case reference only: attendees see the subject. */
  subject: string;
  /** Plain words with no child's name (the body is never changed afterwards: a changed body can replace the join link). */
  body: string;
  start: Date;
  end: Date;
  attendees: { email: string; name?: string }[];
  /** With a Teams link (`isOnlineMeeting`, `teamsForBusiness`). */
  online: boolean;
  location?: string;
  /**
   * The event's `transactionId`: a create repeated with the same one (a retry, a restart after
   * the event was made) returns the first event rather than making a second.
   */
  transactionId: string;
}
export interface BookedEvent {
  eventId: string;
  /** Null while Teams has not given a link (or the organiser cannot host Teams meetings). */
  joinUrl: string | null;
}
/** A time someone is busy (tentative, busy, out of office or elsewhere), as instants. */
export interface BusyTime {
  start: Date;
  end: Date;
}
/** An event as its organiser's calendar holds it now (instants). */
export interface CalendarEvent {
  eventId: string;
  start: Date;
  end: Date;
  isCancelled: boolean;
}
export interface EventChange {
  start: Date;
  end: Date;
  location?: string;
}
/** Outlook calendars, app-only. */
export interface Calendar {
  /**
   * Busy times of each mailbox (SMTP addresses, at most 20) from `from` to `to` (under 62 days),
   * in one request. A mailbox Graph cannot read is absent from the map.
   */
  busyTimes(addresses: readonly string[], from: Date, to: Date): Promise<Map<string, BusyTime[]>>;
  book(request: MeetingRequest): Promise<BookedEvent>;
  /** Moves the same event: its time and location only, never its body. */
  move(organiserId: string, eventId: string, change: EventChange): Promise<void>;
  /** Cancels the event for everyone invited, telling them why. Cancelling a cancelled or removed event does nothing. */
  cancel(organiserId: string, eventId: string, comment: string): Promise<void>;
  /** The event's Teams link as it stands now (null while still pending). */
  joinUrl(organiserId: string, eventId: string): Promise<string | null>;
  /** The organiser's events overlapping `from` to `to` (calendarView, every page), in one request a page. */
  calendarView(organiserId: string, from: Date, to: Date): Promise<CalendarEvent[]>;
  /** One event as it stands; null when it is gone from the calendar (cancelled or deleted by its organiser). */
  eventNow(organiserId: string, eventId: string): Promise<CalendarEvent | null>;
}

export const notificationKinds = [
  'case-allocated',
  'contract-awaiting-approval',
  'contract-decided',
  'safeguarding-concern',
  'package-hours-80',
  'package-hours-100',
  'lone-working-check-out-missed',
  'case-reallocated',
  /** A referral linked to a case the referrer may not see: to its worker and the managers. */
  're-referral-linked',
  /** Someone other than the case's worker recorded on it: to the worker, with the next action. */
  'case-recorded-by-other',
  /** A meeting still has no Teams link long after booking: to its organiser. */
  'meeting-link-missing',
  /** The school has not returned the information form: to the admins (and, at 10 school days, the managers). */
  'information-form-late',
  /** A review comes due under the half-term rule in 5 school days: to the worker. */
  'review-due',
  /** A review's date passed with none held: to the worker and the managers. */
  'review-overdue',
  /** The six weeks of support end in 5 school days: to the worker, with a button to book the review. */
  'support-ending',
  /** The working day before a meeting: to its organiser, with the time and the Teams link. */
  'meeting-reminder',
  /** A meeting moved or cancelled in Outlook (not through the product): to its organiser, the case's record updated. */
  'meeting-changed-in-outlook',
  /** A document the school returned (the information form, the PDP, another) was filed on the case: to the worker. */
  'document-returned',
] as const;
export type NotificationKind = (typeof notificationKinds)[number];

export interface Notification {
  kind: NotificationKind;
  /** Entra object id of the member of staff to reach. */
  recipientId: string;
  caseId: string;
  caseReference: string;
  /** Plain words naming the action to take; case reference only, no child's name. */
  summary: string;
  /** Identifies this notification: a repeat with the same key (a retry, a double click) is not sent again. */
  key: string;
  /** Times offered for a meeting the step needs (allocation: the initial school meeting): the card books one in a click. */
  offer?: MeetingOffer;
  /** A meeting booked for the recipient by the event notified (approval: the review): the card opens it. */
  meetingId?: string;
  /** A missed check-out alert: the card's "Acknowledge" button records it on this check-in, and the repeats stop. */
  acknowledge?: { recordId: string };
  /** A meeting to book from the notice (six weeks ending: the review): the card's button opens the times to choose from. */
  book?: MeetingOffer['kind'];
}
export interface MeetingOffer {
  kind: 'school-meeting' | 'home-visit' | 'parent-call' | 'contract-meeting' | 'review';
  /** ISO instants, earliest first. */
  slots: { start: string; end: string }[];
  childId: string;
}
export interface Notifier {
  notify(notification: Notification): Promise<void>;
}

export const channelUpdateKinds = ['referral-logged', 'case-allocated', 'contract-decided'] as const;
export type ChannelUpdateKind = (typeof channelUpdateKinds)[number];

/** A line for the service's team channel: the case reference only, never a child's name. */
export interface ChannelUpdate {
  kind: ChannelUpdateKind;
  caseId: string;
  caseReference: string;
  text: string;
  /** A repeat with the same key (a retry, a double click) is not posted again. */
  key: string;
}

/** The service's team channel in Teams (configured): new referrals, allocations, contract decisions. */
export interface TeamChannel {
  post(update: ChannelUpdate): Promise<void>;
}

/** Random suffixes for references (unique columns catch the rare collision). */
export interface IdSource {
  randomCode(length: number): string;
}
