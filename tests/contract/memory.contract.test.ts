import { MemoryAuditLog, MemoryCaseFolders, MemoryMailer, memoryStores } from '../support/memory';
import { describeAuditLogContract } from './auditLogContract';
import { describeCaseFoldersContract } from './caseFoldersContract';
import { describeCaseStoreContract } from './caseStoreContract';
import { describeMailerContract } from './mailerContract';
import { describeRecordStoreContract } from './recordStoreContract';

describeCaseStoreContract('memory Cases', async () => ({ store: memoryStores().cases }));
describeRecordStoreContract('memory CaseRecords', async () => ({ store: memoryStores().records }));
describeAuditLogContract('memory audit log', async () => ({ audit: new MemoryAuditLog() }));
describeCaseFoldersContract('memory Case Files', async () => ({ folders: new MemoryCaseFolders() }));
describeMailerContract('memory mail', async () => {
  const mailer = new MemoryMailer();
  return { mailer, sent: async (subject) => mailer.outbox.filter((m) => m.subject === subject).length };
});
