import type { Client } from '@microsoft/microsoft-graph-client';
import { defaultSiteHostname, defaultSitePath } from '@outreach/graph-emulator';
import { fillSafeguarding } from '../../graph/sharepoint/fillSafeguarding';
import { columnsOf, lists, PAYLOAD_COLUMN, SAFEGUARDING_COLUMN } from '../../graph/sharepoint/listDefinitions';
import { provisionSite } from '../../graph/sharepoint/provision';
import { columnBody, SITE_SCHEMA_LIST } from '../../graph/sharepoint/siteSchema';
import type { CaseRecord, NewItem } from '../../workflow';
import { freshMeeting, freshObservation } from '../contract/samples/recordSamples';
import { useEmbeddedGraph } from './embeddedGraph';

jest.setTimeout(120_000);

const address = { hostname: defaultSiteHostname, path: defaultSitePath };

/** Records written before CaseRecords had its Safeguarding column: the list as an earlier version provisioned it. */
const legacyConcern: NewItem<CaseRecord> = { ...freshMeeting(), safeguarding: true, locked: true };
const legacyPlain: NewItem<CaseRecord> = freshObservation();
const makeLegacyRecordsList = async (client: Client): Promise<void> => {
  const site = (await client.api(`/sites/${defaultSiteHostname}:${defaultSitePath}`).select('id').get()) as { id: string };
  const columns = columnsOf(lists.records).filter((c) => c.name !== SAFEGUARDING_COLUMN);
  const made = (await client.api(`/sites/${site.id}/lists`).post({ displayName: lists.records.displayName, list: { template: 'genericList' }, columns: columns.map(columnBody) })) as { id: string };
  for (const [key, record] of [['legacy-concern', legacyConcern], ['legacy-plain', legacyPlain]] as const) {
    await client.api(`/sites/${site.id}/lists/${made.id}/items`).post({ fields: { IdempotencyKey: key, CaseId: record.caseId, [PAYLOAD_COLUMN]: JSON.stringify(record) } });
  }
};

const graph = useEmbeddedGraph({ beforeProvision: async ({ client }) => makeLegacyRecordsList(client) });

const concernIds = async (): Promise<string[]> => (await graph().ports.stores.records.find({ safeguarding: true })).map((r) => r.id);

describe('CaseRecords on SharePoint: concerns found by the indexed Safeguarding column', () => {
  it('a site whose CaseRecords has no Safeguarding gets the column, indexed, and its concern records the value: one query finds them', async () => {
    const columns = (await graph().client.api(`${graph().site.listPaths.records}/columns`).select('name,indexed').get()) as { value: Array<{ name: string; indexed?: boolean }> };
    expect(columns.value.find((c) => c.name === SAFEGUARDING_COLUMN)).toMatchObject({ indexed: true });
    const [concern] = await graph().ports.stores.records.find({ safeguarding: true });
    expect(concern).toMatchObject({ caseId: legacyConcern.caseId, safeguarding: true, body: legacyConcern.body });
    const plain = await graph().ports.stores.records.find({ caseId: legacyPlain.caseId });
    expect(plain).toHaveLength(1);
    expect(await concernIds()).not.toContain(plain[0]?.id);
    // Filled once: a second run writes nothing.
    expect(await fillSafeguarding(graph().client, graph().site.listPaths.records)).toBe(0);
  });

  it('a site provisioned for older definitions is visited again: a concern whose column is empty gets it before the new fingerprint is written', async () => {
    const { client, site } = graph();
    const concern = { ...freshObservation(), safeguarding: true };
    const made = (await client.api(`${site.listPaths.records}/items`).post({ fields: { IdempotencyKey: 'empty-column', CaseId: concern.caseId, [PAYLOAD_COLUMN]: JSON.stringify(concern) } })) as { id: string };
    expect(await concernIds()).not.toContain(made.id);
    const schemaItems = `/sites/${site.siteId}/lists/${SITE_SCHEMA_LIST}/items`;
    const [marker] = ((await client.api(schemaItems).get()) as { value: Array<{ id: string }> }).value;
    await client.api(`${schemaItems}/${marker?.id}/fields`).patch({ Title: 'definitions of an older version' });
    await provisionSite(client, address);
    expect(await concernIds()).toContain(made.id);
  });

  it('in a list past the list view threshold, the concerns are still one query, and the fill still reads every record', async () => {
    const { stores } = graph().ports;
    const caseId = freshObservation().caseId;
    for (let n = 0; n < 6; n += 1) await stores.records.create({ ...freshObservation(), caseId }, `threshold-${n}`);
    const concern = (await stores.records.create({ ...freshMeeting(), safeguarding: true }, 'threshold-concern')).item;
    await graph().setFidelity({ listViewThreshold: 5 });
    try {
      await graph().resetRequests();
      expect(await concernIds()).toContain(concern.id);
      const log = ((await graph().requests()).entries ?? []).filter((e) => e.path.includes('/items'));
      expect(log).toHaveLength(1);
      expect(log[0]).toMatchObject({ method: 'GET', status: 200 });
      expect(await fillSafeguarding(graph().client, graph().site.listPaths.records)).toBe(0);
    } finally {
      await graph().setFidelity({});
    }
  });
});
