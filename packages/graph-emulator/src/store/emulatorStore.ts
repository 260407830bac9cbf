import { openDatabase, wipeDatabase, type Db } from './database';
import { DirectoryStore } from './directoryStore';
import { DriveStore } from './driveStore';
import { CalendarSettingsStore } from './calendarSettingsStore';
import { EventsStore } from './eventsStore';
import { newDriveId } from './ids';
import { ItemsStore } from './itemsStore';
import { builtInColumns } from './builtInColumns';
import { ListsStore } from './listsStore';
import { MailStore, UsersStore } from './mailStore';
import type { ListRecord, SiteRecord } from './records';
import { SitesStore } from './sitesStore';

/** The fictional tenant's SharePoint host and the product's site. */
export { defaultSiteHostname, defaultSitePath } from '../defaultSite';
import { defaultSiteHostname, defaultSitePath } from '../defaultSite';

/** The app-only caller every write is attributed to (Graph shows the application for app-only writes). */
export const emulatorApplication = { id: '00000000-0000-4000-8000-00000000e1a1', displayName: 'Outreach Cases' };

export class EmulatorStore {
  readonly sites: SitesStore;
  readonly lists: ListsStore;
  readonly items: ItemsStore;
  readonly drive: DriveStore;
  readonly mail: MailStore;
  readonly users: UsersStore;
  readonly events: EventsStore;
  readonly calendarSettings: CalendarSettingsStore;
  readonly directory: DirectoryStore;

  private constructor(readonly db: Db) {
    this.sites = new SitesStore(db);
    this.lists = new ListsStore(db);
    this.items = new ItemsStore(db);
    this.drive = new DriveStore(db);
    this.mail = new MailStore(db);
    this.users = new UsersStore(db);
    this.events = new EventsStore(db);
    this.calendarSettings = new CalendarSettingsStore(db);
    this.directory = new DirectoryStore(db);
  }

  /** `file` is a path to `graph.sqlite`, or `:memory:` for tests. Creates the default site when missing. */
  static open(file: string, at: Date): EmulatorStore {
    const store = new EmulatorStore(openDatabase(file));
    store.ensureDefaultSite(at);
    return store;
  }

  transaction<T>(work: () => T): T {
    return this.db.transaction(work)();
  }

  defaultSite(): SiteRecord {
    const site = this.sites.byPath(defaultSiteHostname, defaultSitePath);
    if (!site) throw new Error('default site missing');
    return site;
  }

  /** Creates a list (and, for a document library, its drive and root folder) with SharePoint's built-in columns. */
  createList(input: {
    siteId: string; displayName: string; name?: string; description?: string; template: ListRecord['template'];
    columns: Parameters<ListsStore['addColumn']>[1][]; at: Date;
  }): ListRecord {
    return this.transaction(() => {
      const driveId = input.template === 'documentLibrary' ? newDriveId() : null;
      const list = this.lists.create({
        siteId: input.siteId, name: input.name ?? input.displayName.replace(/[^A-Za-z0-9_-]/g, ''),
        displayName: input.displayName, description: input.description ?? '', template: input.template, driveId,
        createdBy: emulatorApplication.id, at: input.at, columns: [...builtInColumns(), ...input.columns],
      });
      if (driveId) this.drive.createRoot(driveId, input.at);
      return list;
    });
  }

  /** A one-off seeding already done (`meta` row): what makes seeding idempotent across restarts. */
  hasMarker(key: string): boolean {
    return this.db.prepare('SELECT 1 FROM meta WHERE key = ?').get(key) !== undefined;
  }

  setMarker(key: string, value: string): void {
    this.db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
  }

  /** Graph permissions the emulator's token is treated as not holding (tests of a refused step); kept across restarts. */
  deniedPermissions(): string[] {
    const row = this.db.prepare("SELECT value FROM meta WHERE key = 'deniedPermissions'").get() as { value: string } | undefined;
    return row ? (JSON.parse(row.value) as string[]) : [];
  }

  setDeniedPermissions(permissions: readonly string[]): void {
    this.setMarker('deniedPermissions', JSON.stringify(permissions));
  }

  reset(at: Date): void {
    wipeDatabase(this.db);
    this.ensureDefaultSite(at);
  }

  close(): void {
    this.db.close();
  }

  private ensureDefaultSite(at: Date): void {
    if (this.sites.byPath(defaultSiteHostname, defaultSitePath)) return;
    this.transaction(() => {
      const site = this.sites.create({ hostname: defaultSiteHostname, path: defaultSitePath, displayName: 'Outreach', at });
      this.createList({ siteId: site.id, displayName: 'Documents', name: 'Shared Documents', template: 'documentLibrary', columns: [], at });
    });
  }
}
