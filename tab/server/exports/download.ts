import type { Response } from 'express';
import { writeCsv } from './csv';
import type { ExportTable } from './exportTable';
import { writeXlsx } from './xlsx';

export type ExportFormat = 'csv' | 'xlsx';

const contentTypes: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** A file name of letters, digits and hyphens only ("outreach-figures-2025-26"), safe in any header. */
export const fileStem = (...parts: string[]): string =>
  parts
    .map((p) => p.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, ''))
    .filter(Boolean)
    .join('-');

/**
 * Streams the tables as a download: the headers first (a file name, never cached), then the file
 * written as it is made. A failure part way can only cut the download short (it is logged by the caller).
 */
export async function sendDownload(res: Response, format: ExportFormat, stem: string, tables: readonly ExportTable[], title: string): Promise<void> {
  res.status(200);
  res.setHeader('Content-Type', contentTypes[format]);
  res.setHeader('Content-Disposition', `attachment; filename="${stem}.${format}"`);
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  if (format === 'csv') await writeCsv(res, tables);
  else await writeXlsx(res, tables, title);
  // The xlsx writer ends the stream it was given; the CSV writer leaves that to here.
  if (!res.writableEnded) res.end();
}
