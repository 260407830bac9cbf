import { StoreJobQueue, type Job } from '../../workflow';
import { MemoryAuditLog, MemoryCaseFolders, MemoryEntityStore, MemoryMailer, memoryStores } from '../support/memory';
import { describeAuditLogContract } from './auditLogContract';
import { describeCaseFoldersContract } from './caseFoldersContract';
import { describeCaseStoreContract } from './caseStoreContract';
import { describeJobQueueContract } from './jobQueueContract';
import { describeMailerContract } from './mailerContract';
import { describeRecordStoreContract } from './recordStoreContract';
import { describeSettingStoreContract } from './settingStoreContract';

describeCaseStoreContract('memory Cases', async () => ({ store: memoryStores().cases }));
describeRecordStoreContract('memory CaseRecords', async () => ({ store: memoryStores().records }));
describeSettingStoreContract('memory ServiceSettings', async () => ({ store: memoryStores().settings }));
describeAuditLogContract('memory audit log', async () => ({ audit: new MemoryAuditLog() }));
describeCaseFoldersContract('memory Case Files', async () => {
  const folders = new MemoryCaseFolders();
  return { folders, addFolder: async (parent, name) => folders.addFolder(parent, name) };
});
describeMailerContract('memory mail', async () => {
  const mailer = new MemoryMailer();
  return { mailer, sent: async (subject) => mailer.outbox.filter((m) => m.subject === subject).length };
});
describeJobQueueContract('memory Jobs', async () => ({ queue: new StoreJobQueue(new MemoryEntityStore<Job, 'status'>('Jobs', { indexed: ['status'] })) }));
