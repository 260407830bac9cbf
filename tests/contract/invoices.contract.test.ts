import { startEmbeddedGraph, type EmbeddedGraph } from '../graph/embeddedGraph';
import { memoryStores } from '../support/memory';
import { describeInvoiceStoreContract } from './invoiceStoreContract';

jest.setTimeout(60_000);

describeInvoiceStoreContract('memory Invoices', async () => ({ store: memoryStores().invoices }));

describe('on the embedded Graph', () => {
  let graph: EmbeddedGraph;
  beforeAll(async () => {
    graph = await startEmbeddedGraph();
  });
  afterAll(async () => {
    await graph.stop();
  });
  describeInvoiceStoreContract('SharePoint Invoices list', async () => ({ store: graph.ports.stores.invoices }));
});
