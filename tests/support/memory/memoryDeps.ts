import { MemoryTemplateOverrides, TemplateDocuments } from '../../../documents';
import { oneAtATime, StoreJobQueue, type Job } from '../../../workflow';
import { MemoryEntityStore } from './memoryEntityStore';
import { FixedClock } from './fixedClock';
import { MemoryAuditLog } from './memoryAuditLog';
import { MemoryCalendar } from './memoryCalendar';
import { MemoryCaseFolders } from './memoryCaseFolders';
import { MemoryMailer } from './memoryMailer';
import { MemoryNotifier } from './memoryNotifier';
import { MemoryTeamChannel } from './memoryTeamChannel';
import { memoryStores } from './memoryStores';
import { SequenceIds } from './sequenceIds';
import { teamsDownloads } from '../../../app/files/teamsDownloads';

/** Every port the workflow needs, in memory (the caller adds `config`). */
export function memoryDeps(now = '2026-09-14T09:00:00Z') {
  // The Jobs list, seen by tests through `jobList`.
  const jobList = new MemoryEntityStore<Job, 'status'>('Jobs', { indexed: ['status'] });
  const clock = new FixedClock(now);
  // The site's Templates library: empty (the shipped templates), tests put their own copies in it.
  const templates = new MemoryTemplateOverrides();
  return {
    stores: memoryStores(),
    jobList,
    jobs: new StoreJobQueue(jobList),
    audit: new MemoryAuditLog(),
    folders: new MemoryCaseFolders(() => clock.now()),
    mailer: new MemoryMailer(),
    notifier: new MemoryNotifier(),
    channel: new MemoryTeamChannel(),
    calendar: new MemoryCalendar(),
    clock,
    ids: new SequenceIds(),
    batching: oneAtATime,
    templates,
    documents: new TemplateDocuments({ overrides: templates, clock }),
    // The app's own adapter: a test serves the "Teams" download URL from a local HTTP server.
    incomingFiles: teamsDownloads({ allowLoopback: true, timeoutMs: 5_000 }),
  };
}

export type MemoryDeps = ReturnType<typeof memoryDeps>;
