import { readFileSync } from 'node:fs';
import path from 'node:path';
import { shippedTemplatesDir, TemplateDocuments } from '../../documents';
import { TEMPLATES_LIBRARY } from '../../graph/sharepoint/listDefinitions';
import { buildDocx } from '../../scripts/templates/wordml';
import { caseDocumentFields, DOCX_TYPE, TemplateProblem } from '../../workflow';
import { contextFor, requestFor } from '../documents/documentFixtures';
import { readDocument } from '../documents/readDocument';
import { FixedClock } from '../support/memory/fixedClock';
import { useEmbeddedGraph } from './embeddedGraph';

jest.setTimeout(60_000);

describe("the site's Templates library on the embedded Graph", () => {
  const graph = useEmbeddedGraph();
  const upload = async (fileName: string, content: Uint8Array) => {
    const { client, site } = graph();
    await client.api(`/drives/${site.templatesDriveId}/root:/${encodeURIComponent(fileName)}:/content`).header('Content-Type', DOCX_TYPE).put(Buffer.from(content));
  };

  it('is provisioned as a document library next to Case Files', async () => {
    const { client, site } = graph();
    const drive = (await client.api(`/sites/${site.siteId}/lists/${encodeURIComponent(TEMPLATES_LIBRARY)}/drive`).select('id').get()) as { id: string };
    expect(drive.id).toBe(site.templatesDriveId);
    expect(site.templatesDriveId).not.toBe(site.caseFilesDriveId);
  });

  it('a file it does not hold is undefined (the shipped template is used)', async () => {
    expect(await graph().ports.templates.find('observation-form.docx')).toBeUndefined();
  });

  it('answers an uploaded file byte for byte, by its name', async () => {
    const shipped = new Uint8Array(readFileSync(path.join(shippedTemplatesDir, 'pdp.docx')));
    await upload('pdp.docx', shipped);
    expect(Buffer.from((await graph().ports.templates.find('pdp.docx'))!).equals(Buffer.from(shipped))).toBe(true);
  });

  it("the documents engine uses the site's copy, and reports a broken one as the site's", async () => {
    await upload('meeting-record.docx', buildDocx({ title: 'Ours', blocks: [{ type: 'para', text: '{service}: our meeting notes for {childName}' }] }));
    await upload('fap-report.docx', buildDocx({ title: 'Broken', blocks: [{ type: 'para', text: 'Report for {childName' }] }));
    const documents = new TemplateDocuments({ overrides: graph().ports.templates, clock: new FixedClock('2026-11-23T09:00:00Z') });
    const made = await documents.make('meeting-record', caseDocumentFields(contextFor(), requestFor('meeting-record')));
    expect((await readDocument(made)).text).toContain("Northvale Outreach Service: our meeting notes for Ciarán O'Neill");
    const problem = await documents.make('fap-report', caseDocumentFields(contextFor(), requestFor('fap-report'))).catch((e: unknown) => e);
    expect(problem).toBeInstanceOf(TemplateProblem);
    expect(problem).toMatchObject({ source: 'site', kind: 'fap-report' });
  });
});
