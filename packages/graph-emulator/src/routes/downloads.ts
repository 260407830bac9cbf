import express, { type Router } from 'express';
import type { EmulatorClock } from '../controls/clock';
import { downloadPath, type DriveLinks } from '../controls/driveLinks';
import { textPdf } from '../documents/textPdf';
import type { GraphResponse } from '../http/graphRequest';
import type { EmulatorLogger } from '../http/logger';

export interface DownloadDeps {
  links: DriveLinks;
  clock: EmulatorClock;
  logger: EmulatorLogger;
  errorAnswer(status: number, code: string, message: string): GraphResponse;
  send(res: express.Response, answer: GraphResponse): void;
}

/** `GET /_layouts/15/download.aspx?tempauth=…`: what a `content?format=pdf` redirect points at, without a bearer token, until it expires. */
export const downloadRouter = (deps: DownloadDeps): Router => {
  const router = express.Router();
  router.get(downloadPath, async (req, res) => {
    const token = typeof req.query.tempauth === 'string' ? req.query.tempauth : '';
    const link = deps.links.open(token, deps.clock.now());
    if (!link) {
      deps.send(res, deps.errorAnswer(401, 'unauthenticated', 'The download link is not valid or has expired: ask Graph for the file again.'));
      return;
    }
    try {
      const pdf = link.source.kind === 'pdf' ? link.source.bytes : Buffer.from(await textPdf(link.fileName, link.source.paragraphs, deps.clock.now()));
      const pdfName = link.fileName.replace(/\.[^.]*$/, '') + '.pdf';
      res.status(200);
      res.setHeader('content-type', 'application/pdf');
      res.setHeader('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(pdfName)}`);
      res.end(pdf);
    } catch (error) {
      deps.logger.error({ err: error }, 'emulator PDF conversion failed');
      deps.send(res, deps.errorAnswer(500, 'generalException', 'The file could not be converted to PDF.'));
    }
  });
  return router;
};
