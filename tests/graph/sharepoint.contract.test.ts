import { describeAuditLogContract } from '../contract/auditLogContract';
import { describeCaseFoldersContract } from '../contract/caseFoldersContract';
import { describeCaseStoreContract } from '../contract/caseStoreContract';
import { describeJobQueueContract } from '../contract/jobQueueContract';
import { describeMailerContract } from '../contract/mailerContract';
import { describeRecordStoreContract } from '../contract/recordStoreContract';
import { describeSettingStoreContract } from '../contract/settingStoreContract';
import { startEmbeddedGraph, type EmbeddedGraph } from './embeddedGraph';

jest.setTimeout(60_000);

let graph: EmbeddedGraph;
beforeAll(async () => {
  graph = await startEmbeddedGraph();
});
afterAll(async () => {
  await graph.stop();
});

describeCaseStoreContract('SharePoint Cases list', async () => ({ store: graph.ports.stores.cases }));
describeRecordStoreContract('SharePoint CaseRecords list', async () => ({ store: graph.ports.stores.records }));
describeSettingStoreContract('SharePoint ServiceSettings list', async () => ({ store: graph.ports.stores.settings }));
describeAuditLogContract('SharePoint AuditLog list', async () => ({ audit: graph.ports.audit }));
describeCaseFoldersContract('Case Files library', async () => ({
  folders: graph.ports.folders,
  addFolder: async (parent, name) => {
    const made = (await graph.client.api(`/drives/${graph.site.caseFilesDriveId}/items/${parent.id}/children`).post({ name, folder: {} })) as { id: string; webUrl: string };
    return { id: made.id, webUrl: made.webUrl };
  },
}));
describeMailerContract('Outlook mail through Graph', async () => ({
  mailer: graph.ports.mailer,
  sent: async (subject) => ((await graph.mailbox()) as { value: Array<{ subject: string }> }).value.filter((m) => m.subject === subject).length,
}));
describeJobQueueContract('SharePoint Jobs list', async () => ({ queue: graph.ports.jobs }));
