/**
 * `npm run bench` (last part): the paperwork. Each document kind filled from a case with the
 * shipped templates, N times: milliseconds per document (median, 95th percentile), its size, and the
 * process's memory after. Then the embedded Graph's PDF conversion of the largest document (what
 * `pdfOf` waits for locally; SharePoint's own conversion time is not measured here).
 * Not a test: numbers vary with the machine; read them.
 *
 * Usage: tsx tests/bench/documents.ts [--runs=N] (default 30).
 */
import { documentPdf } from '@outreach/graph-emulator';
import { TemplateDocuments } from '../../documents';
import { caseDocumentFields, documentKinds } from '../../workflow';
import { contextFor, requestFor } from '../documents/documentFixtures';
import { mb, ms, numberOption, percentile, printMachine, printTable } from './benchReport';

const runs = numberOption('runs', 30);

async function main(): Promise<void> {
  const documents = new TemplateDocuments({ clock: { now: () => new Date('2026-11-23T09:00:00Z') } });
  const rows: Array<Array<string | number>> = [];
  let largest: { kind: string; bytes: Uint8Array } = { kind: '', bytes: new Uint8Array() };
  for (const kind of documentKinds) {
    const times: number[] = [];
    let bytes: Uint8Array = new Uint8Array();
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      bytes = await documents.make(kind, caseDocumentFields(contextFor(), requestFor(kind)));
      times.push(performance.now() - started);
    }
    if (bytes.byteLength > largest.bytes.byteLength) largest = { kind, bytes };
    rows.push([kind, ms(percentile(times, 50)), ms(percentile(times, 95)), `${(bytes.byteLength / 1024).toFixed(1)} KB`]);
  }
  printTable(`Documents from the shipped templates (${runs} of each; the first includes loading and checking the template)`, ['document', 'median ms', 'p95 ms', 'size'], rows);
  const pdfTimes: number[] = [];
  let pdfSize = 0;
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    const converted = await documentPdf(`${largest.kind}.docx`, largest.bytes);
    pdfTimes.push(performance.now() - started);
    if (!('pdf' in converted)) throw new Error(`not converted: ${converted.unsupported}`);
    pdfSize = converted.pdf.byteLength;
  }
  printTable('The embedded Graph converting the largest to PDF (5 times)', ['document', 'median ms', 'max ms', 'PDF size'], [[largest.kind, ms(percentile(pdfTimes, 50)), ms(Math.max(...pdfTimes)), `${(pdfSize / 1024).toFixed(1)} KB`]]);
  console.log(`\nMemory after: ${mb(process.memoryUsage().rss)} resident, ${mb(process.memoryUsage().heapUsed)} heap used.`);
  printMachine();
}

void main();
