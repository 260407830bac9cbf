import express, { type Response, type Router } from 'express';
import mammoth from 'mammoth';
import type { DriveFile, DriveFiles } from '../graph/drive/driveFiles';
import { escapeHtml } from './diaryHtml';
import { contentDisposition, demoPage, problemPage, readableSize } from './demoHtml';

export const filesPath = '/demo/files';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export interface FilesPageDeps {
  files: Pick<DriveFiles, 'item' | 'children' | 'content'>;
}

const fileLink = (driveId: string, item: DriveFile, suffix = ''): string =>
  `${filesPath}/${encodeURIComponent(driveId)}/${encodeURIComponent(item.id)}${suffix}`;

const isDocx = (file: DriveFile): boolean => file.mimeType === DOCX || /\.docx$/i.test(file.name);
const isPdf = (file: DriveFile): boolean => file.mimeType === 'application/pdf' || /\.pdf$/i.test(file.name);

/** The file's bytes as they are, to keep (`attachment`) or to show in the browser (`inline`). */
const sendBytes = (res: Response, file: DriveFile, bytes: Uint8Array, kind: 'attachment' | 'inline'): void => {
  res.setHeader('Content-Type', file.mimeType ?? 'application/octet-stream');
  res.setHeader('Content-Disposition', contentDisposition(kind, file.name));
  res.setHeader('X-Content-Type-Options', 'nosniff');
  // The browser's own PDF viewer is refused under the pages' content security policy; the bytes are the app's own file.
  if (kind === 'inline') res.removeHeader('Content-Security-Policy');
  res.send(Buffer.from(bytes));
};

/**
 * `GET /demo/files/:driveId/:itemId`: where the embedded Graph's drive items' webUrl points, so that a
 * link in a card opens on this machine: a .docx shown as HTML (mammoth), a PDF in the browser, a folder
 * as a list, anything else downloaded; `?download=1` downloads any file. Embedded Graph only, this
 * machine only (app/server.ts).
 */
export function filesPage(deps: FilesPageDeps): Router {
  const router = express.Router();
  router.get('/:driveId/:itemId', async (req, res, next) => {
    try {
      const { driveId, itemId } = req.params;
      const item = await deps.files.item(driveId, itemId);
      if (!item) {
        res.status(404).type('html').send(problemPage('No such file', 'The Case Files library has no file or folder at this address: it may have been deleted.'));
        return;
      }
      if (item.isFolder) {
        const children = await deps.files.children(driveId, item.id);
        const rows = children.map((c) => `<li><a href="${escapeHtml(fileLink(driveId, c))}">${escapeHtml(c.name)}</a>${c.isFolder ? ' (folder)' : ` <span class="muted">${escapeHtml(readableSize(c.size))}</span>`}</li>`).join('');
        res.type('html').send(demoPage(item.name, `<h1>${escapeHtml(item.name)}</h1>${rows ? `<ul>${rows}</ul>` : '<p class="muted">This folder is empty.</p>'}`));
        return;
      }
      const { bytes } = await deps.files.content(driveId, item.id);
      if (req.query.download === '1') return sendBytes(res, item, bytes, 'attachment');
      if (isPdf(item)) return sendBytes(res, item, bytes, 'inline');
      if (!isDocx(item)) return sendBytes(res, item, bytes, 'attachment');
      const converted = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
      const download = `<p><a href="${escapeHtml(fileLink(driveId, item, '?download=1'))}">Download ${escapeHtml(item.name)}</a> <span class="muted">(${escapeHtml(readableSize(item.size))})</span></p>`;
      // mammoth's HTML: its own markup, with the document's text escaped by it.
      res.type('html').send(demoPage(item.name, `<h1>${escapeHtml(item.name)}</h1>${download}<div class="document">${converted.value}</div>`));
    } catch (error) {
      next(error);
    }
  });
  return router;
}
