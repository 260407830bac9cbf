import { randomBytes } from 'node:crypto';
import { UploadSessions } from './uploadSessions';

/** How long a pre-authenticated download URL works (Graph's last a short while too). */
export const DOWNLOAD_LINK_TTL_MS = 5 * 60_000;
export const downloadPath = '/_layouts/15/download.aspx';

/** What a download link serves: a PDF, or a document's text to render as one (rendering is asynchronous, so it happens at download). */
export type DownloadSource = { kind: 'pdf'; bytes: Buffer } | { kind: 'text'; paragraphs: string[] };

interface Link {
  fileName: string;
  source: DownloadSource;
  expires: number;
}

/**
 * Where drive items point outside Graph: short-lived, unauthenticated download URLs (as SharePoint's
 * `download.aspx?tempauth=…` are: whoever holds the URL may fetch it, for a few minutes), upload
 * sessions' URLs (whoever holds one may upload to it), and, when
 * set, the web page that opens a file (`filesWebBase`: the app's viewer) instead of a SharePoint address.
 */
export class DriveLinks {
  private readonly links = new Map<string, Link>();
  /** Upload sessions' pre-authenticated URLs (`createUploadSession`), fed fragment by fragment. */
  readonly uploads = new UploadSessions();
  private webBase: string | undefined;

  constructor(filesWebBase?: string) {
    this.setFilesWebBase(filesWebBase);
  }

  get filesWebBase(): string | undefined {
    return this.webBase;
  }

  setFilesWebBase(url: string | undefined): void {
    this.webBase = url?.replace(/\/+$/, '');
  }

  /** A token for a download that works until `now` plus the TTL. */
  mint(fileName: string, source: DownloadSource, now: Date): string {
    this.forgetExpired(now.getTime());
    const token = randomBytes(24).toString('base64url');
    this.links.set(token, { fileName, source, expires: now.getTime() + DOWNLOAD_LINK_TTL_MS });
    return token;
  }

  /** The link's content, or undefined when unknown or expired. */
  open(token: string, now: Date): { fileName: string; source: DownloadSource } | undefined {
    const link = this.links.get(token);
    if (!link) return undefined;
    if (now.getTime() >= link.expires) {
      this.links.delete(token);
      return undefined;
    }
    return { fileName: link.fileName, source: link.source };
  }

  private forgetExpired(now: number): void {
    for (const [token, link] of this.links) if (now >= link.expires) this.links.delete(token);
  }
}
