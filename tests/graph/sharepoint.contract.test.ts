import type { Case, CaseRecord } from '../../workflow';
import { describeEntityStoreContract } from '../contract/entityStoreContract';
import { changeCase, changeRecord, sampleCase, sampleRecord } from '../contract/samples';
import { describeAuditLogContract, describeCaseFoldersContract } from '../contract/servicesContract';
import { startEmbeddedGraph, type EmbeddedGraph } from './embeddedGraph';

jest.setTimeout(60_000);

let graph: EmbeddedGraph;
beforeAll(async () => {
  graph = await startEmbeddedGraph();
});
afterAll(async () => {
  await graph.stop();
});

describeEntityStoreContract<Case, 'id' | 'reference' | 'childId' | 'schoolId' | 'workerId' | 'status'>('SharePoint Cases list', {
  make: async () => ({ store: graph.ports.stores.cases }),
  sample: sampleCase,
  indexed: ['reference', 'schoolId', 'workerId', 'status'],
  change: changeCase,
});

describeEntityStoreContract<CaseRecord, 'id' | 'caseId'>('SharePoint CaseRecords list', {
  make: async () => ({ store: graph.ports.stores.records }),
  sample: sampleRecord,
  indexed: ['caseId'],
  change: changeRecord,
});

describeAuditLogContract('SharePoint AuditLog list', async () => ({ audit: graph.ports.audit }));
describeCaseFoldersContract('Case Files library', async () => ({ folders: graph.ports.folders }));
