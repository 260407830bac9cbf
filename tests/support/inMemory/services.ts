import type {
  AuditEntry,
  AuditLog,
  BookedMeeting,
  Calendar,
  CaseFolders,
  Clock,
  FileRef,
  FolderRef,
  IdSource,
  Mailer,
  MailMessage,
  MeetingRequest,
  Notification,
  Notifier,
} from '../../../workflow';

export class MemoryAuditLog implements AuditLog {
  private readonly entries: Array<{ key: string; entry: AuditEntry }> = [];
  async append(entry: AuditEntry, idempotencyKey: string): Promise<void> {
    if (this.entries.some((e) => e.key === idempotencyKey)) return;
    this.entries.push({ key: idempotencyKey, entry: structuredClone(entry) });
  }
  async forCase(caseId: string): Promise<AuditEntry[]> {
    return this.entries.filter((e) => e.entry.caseId === caseId).map((e) => structuredClone(e.entry));
  }
}

export class MemoryCaseFolders implements CaseFolders {
  private readonly folders = new Map<string, FolderRef>();
  private readonly files = new Map<string, Array<FileRef & { content: Uint8Array; contentType: string }>>();
  async ensureCaseFolder(childFolderName: string, caseReference: string): Promise<FolderRef> {
    this.ensure(childFolderName);
    return this.ensure(`${childFolderName}/${caseReference}`);
  }
  async upload(folder: FolderRef, fileName: string, content: Uint8Array, contentType: string): Promise<FileRef> {
    const inFolder = this.files.get(folder.id) ?? [];
    const file = { id: `${folder.id}/${fileName}`, name: fileName, webUrl: `${folder.webUrl}/${encodeURIComponent(fileName)}`, content, contentType };
    this.files.set(folder.id, [...inFolder.filter((f) => f.name !== fileName), file]);
    return { id: file.id, name: file.name, webUrl: file.webUrl };
  }
  async list(folder: FolderRef): Promise<FileRef[]> {
    return (this.files.get(folder.id) ?? []).map(({ id, name, webUrl }) => ({ id, name, webUrl }));
  }
  folderPaths(): string[] {
    return [...this.folders.keys()];
  }
  filesIn(path: string): Array<FileRef & { content: Uint8Array; contentType: string }> {
    return this.files.get(path) ?? [];
  }
  private ensure(path: string): FolderRef {
    const found = this.folders.get(path);
    if (found) return found;
    const folder = { id: path, webUrl: `https://outreach.example.sharepoint.com/sites/outreach/Case%20Files/${path.split('/').map(encodeURIComponent).join('/')}` };
    this.folders.set(path, folder);
    return folder;
  }
}

export class MemoryMailer implements Mailer {
  readonly outbox: MailMessage[] = [];
  async send(message: MailMessage): Promise<void> {
    this.outbox.push(structuredClone(message));
  }
}

/** Keeps what was sent; a repeat of a key is not sent again (as the real notifier must do). */
export class MemoryNotifier implements Notifier {
  readonly sent: Notification[] = [];
  async notify(notification: Notification): Promise<void> {
    if (this.sent.some((n) => n.key === notification.key)) return;
    this.sent.push({ ...notification });
  }
}

export class MemoryCalendar implements Calendar {
  readonly booked: Array<MeetingRequest & BookedMeeting> = [];
  async book(request: MeetingRequest): Promise<BookedMeeting> {
    const meeting = { eventId: `event-${this.booked.length + 1}`, ...(request.online ? { joinUrl: `https://teams.example/meet/${this.booked.length + 1}` } : {}) };
    this.booked.push({ ...request, ...meeting });
    return meeting;
  }
}

export class FixedClock implements Clock {
  private instant: Date;
  constructor(iso = '2026-09-14T09:00:00Z') {
    this.instant = new Date(iso);
  }
  now(): Date {
    return new Date(this.instant);
  }
  set(iso: string): void {
    this.instant = new Date(iso);
  }
  advance(ms: number): void {
    this.instant = new Date(this.instant.getTime() + ms);
  }
}

/** Deterministic codes: tests can predict references. */
export class SequenceIds implements IdSource {
  private n = 0;
  randomCode(length: number): string {
    this.n++;
    return this.n.toString(36).toUpperCase().padStart(length, '0').slice(-length);
  }
}
