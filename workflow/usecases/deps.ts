import type { BankHolidays, TermCalendar } from '../model/termDates';
import type { BookingPolicy } from '../scheduling/proposeSlots';
import type { PriceList } from '../model/priceList';
import type { Staff } from '../model/staff';
import type { Clock } from '../ports/clock';
import type { CaseFolders, Calendar, IdSource, Mailer, Notifier, TeamChannel } from '../ports/services';
import type { AuditLog, Stores } from '../ports/stores';
import type { WriteBatching } from '../ports/writeBatching';
import type { JobQueue } from '../ports/jobQueue';
import type { Documents } from '../ports/documents';
import type { IncomingFiles } from '../ports/incomingFiles';
import type { ServiceHistory } from '../ports/serviceHistory';
import type { Result } from '../result';

/** Configuration the process needs: data, not code (validated at load by app/). */
export interface WorkflowConfig {
  priceLists: PriceList[];
  termCalendars: TermCalendar[];
  bankHolidays: BankHolidays;
  /** The local authority's calendar, used for schools without their own. */
  defaultTermCalendarId: string;
  /** Child folder name; placeholders {childReference}, {lastName}, {firstName}. */
  folderNamePattern: string;
  serviceName: string;
  /** Where the service's own letters come from (shown in letters and mail). */
  serviceEmail: string;
  /** The school evaluation form online (a Microsoft Form), when the service has one: sent as a link instead of the form as a document. */
  evaluationFormUrl?: string;
  /** How meetings are looked for and booked. */
  booking: BookingSettings;
  /** The Teams channel case events are posted in (changed on the settings pages); absent: no channel posts. */
  teamChannelId?: string;
}

export interface BookingSettings {
  policy: BookingPolicy;
  /** `propose`: allocation offers the worker three times for the school meeting; `auto`: it books the first outright. */
  mode: 'propose' | 'auto';
}

export interface WorkflowDeps {
  stores: Stores;
  audit: AuditLog;
  folders: CaseFolders;
  mailer: Mailer;
  notifier: Notifier;
  channel: TeamChannel;
  calendar: Calendar;
  clock: Clock;
  ids: IdSource;
  /** How a unit of work's writes travel (Graph: one $batch). */
  batching: WriteBatching;
  /** Work done later, by itself (alerts, link re-reads): durable, claimed by one instance. */
  jobs: JobQueue;
  /** The paperwork: Word documents filled from the service's templates. */
  documents: Documents;
  /** Files sent in by staff (a document the school returned, sent to the bot in Teams). */
  incomingFiles: IncomingFiles;
  /** The service's whole history, for the manager's figures (absent: read from the stores). */
  history?: ServiceHistory;
  config: WorkflowConfig;
}

/** A use case: the actor is a member of staff already identified from the Staff list. */
export type UseCase<I, O> = (deps: WorkflowDeps, actor: Staff, input: I) => Promise<Result<O>>;
