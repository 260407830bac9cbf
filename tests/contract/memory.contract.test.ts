import { MemoryAuditLog, MemoryCaseFolders, memoryStores } from '../support/memory';
import { describeAuditLogContract } from './auditLogContract';
import { describeCaseFoldersContract } from './caseFoldersContract';
import { describeCaseStoreContract } from './caseStoreContract';
import { describeRecordStoreContract } from './recordStoreContract';

describeCaseStoreContract('memory Cases', async () => ({ store: memoryStores().cases }));
describeRecordStoreContract('memory CaseRecords', async () => ({ store: memoryStores().records }));
describeAuditLogContract('memory audit log', async () => ({ audit: new MemoryAuditLog() }));
describeCaseFoldersContract('memory Case Files', async () => ({ folders: new MemoryCaseFolders() }));
