import { randomBytes } from 'node:crypto';
import type { ConflictBehavior } from '../routes/driveFiling';

/** How long an upload session's URL works (SharePoint's last longer; a test or a local run needs no more). */
export const UPLOAD_SESSION_TTL_MS = 60 * 60_000;
/** Where an upload session's pre-authenticated URL points (as SharePoint's `_api/v2.0/…/uploadSession?tempauth=…`). */
export const uploadSessionPath = '/_api/v2.0/uploadSession';
/** Every fragment but the last is a multiple of this (Graph: 320 KiB). */
export const UPLOAD_FRAGMENT_UNIT = 320 * 1024;

export interface UploadSession {
  driveId: string;
  parentId: string;
  fileName: string;
  behavior: ConflictBehavior;
  /** The file's size, once the first fragment (or `item.fileSize`) said it. */
  size?: number;
  fragments: Buffer[];
  received: number;
  expires: number;
}

/** Upload sessions in progress, by the token their URL carries. */
export class UploadSessions {
  private readonly sessions = new Map<string, UploadSession>();

  start(session: Omit<UploadSession, 'fragments' | 'received' | 'expires'>, now: Date): { token: string; expires: Date } {
    this.forgetExpired(now.getTime());
    const token = randomBytes(24).toString('base64url');
    const expires = now.getTime() + UPLOAD_SESSION_TTL_MS;
    this.sessions.set(token, { ...session, fragments: [], received: 0, expires });
    return { token, expires: new Date(expires) };
  }

  /** The session, or undefined when unknown, finished, cancelled or expired. */
  open(token: string, now: Date): UploadSession | undefined {
    const session = this.sessions.get(token);
    if (session && now.getTime() >= session.expires) {
      this.sessions.delete(token);
      return undefined;
    }
    return session;
  }

  end(token: string): void {
    this.sessions.delete(token);
  }

  private forgetExpired(now: number): void {
    for (const [token, s] of this.sessions) if (now >= s.expires) this.sessions.delete(token);
  }
}
