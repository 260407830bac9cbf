import { oneAtATime, StoreJobQueue, type Documents, type Job } from '../../../workflow';
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
  return {
    stores: memoryStores(),
    jobList,
    jobs: new StoreJobQueue(jobList),
    audit: new MemoryAuditLog(),
    folders: new MemoryCaseFolders(),
    mailer: new MemoryMailer(),
    notifier: new MemoryNotifier(),
    channel: new MemoryTeamChannel(),
    calendar: new MemoryCalendar(),
    clock: new FixedClock(now),
    ids: new SequenceIds(),
    batching: oneAtATime,
    // TEMPORARY (documents issue in progress): replaced by the shipped templates' engine.
    documents: { make: () => Promise.reject(new Error('documents not built yet')) } as Documents,
    // The app's own adapter: a test serves the "Teams" download URL from a local HTTP server.
    incomingFiles: teamsDownloads({ allowLoopback: true, timeoutMs: 5_000 }),
  };
}

export type MemoryDeps = ReturnType<typeof memoryDeps>;
